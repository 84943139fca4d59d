import { defineConfig } from 'vitest/config'

// @google/genai 3 needs Node 22: test/node22 runs through vitest.node22.config.ts on Node 22 only
// (scripts/ci-providers-node22.sh).
export default defineConfig({
  test: {
    name: 'gemini',
    include: ['test/**/*.test.ts'],
    exclude: ['test/node22/**'],
  },
})
