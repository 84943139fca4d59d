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
  "`synth` needs russo's test environment, and this test file runs in another. Use the preset " +
  "(preset: '@russo/jest') or testEnvironment: '@russo/jest/environment' in jest.config; to combine russo " +
  'with jsdom or another environment, see withRusso() in the @russo/jest README.'

function host(): RussoHost {
  const found = (globalThis as { [HOST_KEY]?: RussoHost })[HOST_KEY]
  if (found !== undefined) return found
  throw Object.assign(new Error(NOT_IN_ENVIRONMENT), { name: 'RussoError', code: 'RUSSO_CONFIG' })
}

/**
 * The test's own frames, appended to an error's stack. The error is made in the environment after an
 * `await`, so its stack ends inside russo; Jest points its code frame at the first frame outside
 * node_modules, which with these is the test's `synth.synthesize(...)` line.
 */
function withCallSite(error: unknown, site: { stack?: string }): unknown {
  if (error === null || typeof error !== 'object' || typeof (error as Error).stack !== 'string') return error
  const frames = site.stack?.split('\n').slice(1).join('\n') ?? ''
  if (frames !== '') (error as Error).stack = `${(error as Error).stack}\n${frames}`
  return error
}

function synthesize(text: string, options?: SynthesizeOptions): Promise<Audio> {
  const site: { stack?: string } = {}
  Error.captureStackTrace(site, synthesize)
  return host()
    .synthesize(text, options)
    .catch((error: unknown) => {
      throw withCallSite(error, site)
    })
}

export const synth: RussoSynth = {
  synthesize,
  get stats() {
    return host().stats()
  },
}
