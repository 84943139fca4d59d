import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'jest',
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**'],
    // Builds the "installed" copies of @russo/jest that the fixture projects load (see install.ts).
    globalSetup: ['test/e2e/helpers/global-setup.ts'],
    testTimeout: 120_000,
    // Every test spawns real `jest` runs, each with its own workers: two test files at a time, and the
    // helper caps the `jest` children per file (fixture-project.ts), so a 2-core machine is not thrashed.
    maxWorkers: 2,
    // A project with its own maxWorkers needs its own group in a workspace run: after the others.
    sequence: { groupOrder: 1 },
    maxConcurrency: 8,
  },
})
