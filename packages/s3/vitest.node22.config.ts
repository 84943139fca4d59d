import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The store and core tests on the newest @aws-sdk/client-s3 (CI's Node 22 leg; its releases after early
// January 2027 need Node 22): '@aws-sdk/client-s3' resolves to the -latest copy. The Node 20 run uses the
// peer range's floor.
// biome-ignore lint/style/noDefaultExport: Vitest reads a config file's default export.
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@aws-sdk\/client-s3$/,
        replacement: fileURLToPath(
          new URL('./node_modules/@aws-sdk/client-s3-latest/dist-cjs/index.js', import.meta.url),
        ),
      },
    ],
  },
  test: {
    name: 's3-node22',
    include: ['test/s3-store.test.ts', 'test/remote-synth.test.ts', 'test/node22/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
