import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 's3',
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'test/node22/**'],
    // A real Ceph radosgw (single monitor, memstore OSD) for the whole suite: see test/helpers/radosgw.ts.
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
