// The test-side entry. Test files load it inside Jest's module system, which cannot load ESM-only
// packages on Node 20, so it is CommonJS and imports nothing at run time: the synthesizer, the cache and
// the figures live in russo's test environment, which hands them over through the test's global.
import type { Audio, CacheStats, SynthesizeOptions } from '@russo/cache' with { 'resolution-mode': 'import' }
import { HOST_KEY, type RussoHost } from './internal/host-key.cjs'

export type {
  Audio,
  AudioFormat,
  CacheMode,
  CacheStats,
  SynthesizeOptions,
  Synthesizer,
} from '@russo/cache' with { 'resolution-mode': 'import' }

/** The running test file's cached synthesizer: one per file, its figures in the run's russo line. */
export interface RussoSynth {
  /** The audio for `text`: from `.russo_cache` when recorded, else from the configured synthesizer. */
  synthesize(text: string, options?: SynthesizeOptions): Promise<Audio>
  /** This file's figures so far. */
  readonly stats: CacheStats
}

const NOT_IN_ENVIRONMENT =
  "russo: `synth` needs russo's test environment, and this test file runs in another. Use the preset " +
  "(preset: '@russo/jest') or testEnvironment: '@russo/jest/environment' in jest.config; to combine russo " +
  'with jsdom or another environment, see withRusso() in the @russo/jest README.'

function host(): RussoHost {
  const found = (globalThis as { [HOST_KEY]?: RussoHost })[HOST_KEY]
  if (found !== undefined) return found
  throw Object.assign(new Error(NOT_IN_ENVIRONMENT), { name: 'RussoError', code: 'RUSSO_CONFIG' })
}

export const synth: RussoSynth = {
  synthesize: (text, options) => host().synthesize(text, options),
  get stats() {
    return host().stats()
  },
}
