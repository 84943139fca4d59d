import { defineConfig } from 'vitest/config'

// The latest AI SDK line (ai 7, providers needing Node 22) lives in test/node22 and runs on Node 22
// only, through vitest.node22.config.ts (scripts/ci-providers-node22.sh).
export default defineConfig({
  test: {
    name: 'ai-sdk',
    include: ['test/**/*.test.ts'],
    exclude: ['test/node22/**'],
  },
})
