import { defineConfig } from 'vitest/config'

// The latest AI SDK line needs Node 22: scripts/ci-providers-node22.sh runs this config on it.
// biome-ignore lint/style/noDefaultExport: Vitest reads a config file's default export.
export default defineConfig({
  test: {
    name: 'ai-sdk-node22',
    include: ['test/node22/**/*.test.ts'],
  },
})
