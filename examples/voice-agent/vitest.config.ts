import { russo } from '@russo/vitest/plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The synthesizer module is all the wiring: every test file gets a cached `synth` that uses it.
  plugins: [russo({ synthesizer: './test/synthesizer.ts' })],
  test: {
    include: ['test/**/*.test.ts'],
  },
})
