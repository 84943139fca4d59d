import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The same wire tests on @google/genai 3 (Node 22): '@google/genai' resolves to the 3.x copy.
// biome-ignore lint/style/noDefaultExport: Vitest reads a config file's default export.
export default defineConfig({
  resolve: {
    alias: {
      '@google/genai': fileURLToPath(new URL('./node_modules/@google/genai-v3/dist/node/index.mjs', import.meta.url)),
    },
  },
  test: {
    name: 'gemini-node22',
    include: ['test/node22/**/*.test.ts'],
  },
})
