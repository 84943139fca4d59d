import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'vitest',
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**'],
    // Builds the "installed" copies of @russo/vitest that the fixture projects load (see install.ts).
    globalSetup: ['test/e2e/helpers/global-setup.ts'],
    testTimeout: 120_000,
    // Each e2e test spawns real `vitest` runs; a few at once keeps a 2-core machine busy, not thrashing.
    maxConcurrency: 8,
  },
})
