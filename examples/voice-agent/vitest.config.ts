import { russo } from '@russo/vitest/plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The synthesizer module is all the wiring: every test file gets a cached `synth` that uses it.
  // RUSSO_EXAMPLE_REPORT_JSON: also write russo's report as JSON there (a CI artifact).
  plugins: [
    russo({
      synthesizer: './test/synthesizer.ts',
      ...(process.env.RUSSO_EXAMPLE_REPORT_JSON && { report: { json: process.env.RUSSO_EXAMPLE_REPORT_JSON } }),
    }),
  ],
  test: {
    include: ['test/**/*.test.ts'],
  },
})
