// The test-worker side of the plugin, kept in one module on purpose: the plugin inlines this package
// (so the synthesizer's `import()` goes through Vite), and every module a test file reaches through
// Vite costs a round trip to the main process per test file. Split over six modules it cost ~12 ms
// per file in the forks pool (bench/overhead.mjs). For the same reason it takes runner-kit's worker entry:
// the package's main entry (flags, settings, report, prune, colours) cost ~25 ms more per file.
import {
  type Audio,
  AudioCache,
  CachedSynthesizer,
  defaultLogger,
  emptyStats,
  RussoError,
  type RussoLogger,
  type SynthesizeOptions,
  type Synthesizer,
} from '@russo/cache'
import {
  type FileUse,
  makeSynthesizer,
  synthesizerFailure,
  UNWRITABLE_WARNING,
  workerRemote,
} from '@russo/runner-kit/worker'
import { test as base, inject, type RunnerTestFile, TestRunner } from 'vitest'
import type { RussoProvided } from './internal/provided.js'

/** The fixtures `test` adds. All are file-scoped: one of each per test file, usable in `beforeAll`. */
export interface RussoFixtures {
  /** The cached synthesizer: call `synth.synthesize(text)`. Its counts go to the run's russo report. */
  synth: CachedSynthesizer
  /** The synthesizer `synth` wraps: from `russo({ synthesizer })` unless a file overrides this fixture. */
  russoSynthesizer: Synthesizer
  /** The cache `synth` reads and writes. */
  audioCache: AudioCache
}

const NO_SYNTHESIZER_MESSAGE =
  'no synthesizer is configured, so `synth` has nothing to call. Either name a module in ' +
  "vitest.config.ts: russo({ synthesizer: './test/synthesizer.ts' }) (its default export: a Synthesizer " +
  "or a function returning one), or override the fixture in the test file: test.override('russoSynthesizer', () => mySynthesizer)."

/**
 * Core warnings (corrupt entry, unwritable cache) show beside the test that caused them, and never fail
 * it. One the main process already gave for the whole run is not repeated per test file.
 */
function loggerFor(unwritableWarned: boolean): RussoLogger {
  return {
    warn: (message) => {
      if (!(unwritableWarned && UNWRITABLE_WARNING.test(message))) console.warn(message)
    },
    debug: (message) => defaultLogger.debug?.(message),
  }
}

/** Vitest's `test` with the russo fixtures. */
export const test = base.extend<{ $file: RussoFixtures }>({
  russoSynthesizer: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const { synthesizer, mode, cacheDir } = settings()
      let made: Synthesizer
      try {
        made = await loadSynthesizer(synthesizer, mode === 'offline')
      } catch (error) {
        countUnmade(cacheDir)
        throw error
      }
      await use(made)
    },
    { scope: 'file' },
  ],
  audioCache: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const { cacheDir, unwritableWarned } = settings()
      await use(new AudioCache(cacheDir, { logger: loggerFor(unwritableWarned) }))
    },
    { scope: 'file' },
  ],
  synth: [
    async ({ russoSynthesizer, audioCache }, use) => {
      const { mode, cacheKeyExtra, missHint, refreshSince, unwritableWarned, remote } = settings()
      const file = currentFile()
      const synth = new TestSignalSynthesizer(russoSynthesizer, {
        cache: audioCache,
        mode,
        cacheKeyExtra,
        missHint,
        refreshSince,
        logger: loggerFor(unwritableWarned),
        ...(remote ? { remote: workerRemote(remote.root, remote) } : {}),
      })
      try {
        await use(synth)
      } finally {
        // Read by the reporter in the main process (@russo/runner-kit's file-meta.ts).
        const use: FileUse = { cacheDir: synth.cache.cacheDir, stats: synth.stats, keys: [...synth.usedKeys] }
        if (file !== undefined) Object.assign(file.meta, { russo: use })
      }
    },
    { scope: 'file' },
  ],
})

/**
 * A synthesizer that cannot be loaded or made fails the tests that use it: one error in the file's
 * figures, however often Vitest retries the fixture (once per file on 4.1, once per test on 5).
 */
function countUnmade(cacheDir: string): void {
  const file = currentFile()
  if (file === undefined || (file.meta as { russo?: FileUse }).russo !== undefined) return
  const use: FileUse = { cacheDir, stats: { ...emptyStats(), errors: 1 }, keys: [] }
  Object.assign(file.meta, { russo: use })
}

/**
 * A synthesis started without a signal gets the running test's (aborted when the test times out or
 * the run is cancelled), so a stalled provider call ends with its test instead of outliving it.
 */
class TestSignalSynthesizer extends CachedSynthesizer {
  override synthesize(text: string, options: SynthesizeOptions = {}): Promise<Audio> {
    const signal = options.signal ?? TestRunner.getCurrentTest()?.context.signal
    return super.synthesize(text, signal === undefined ? options : { ...options, signal })
  }
}

function settings(): RussoProvided {
  const provided = inject('russo') as RussoProvided | undefined
  if (provided?.version === 1) return provided
  const project = currentFile()?.projectName
  throw new RussoError(
    'RUSSO_CONFIG',
    `the russo() plugin does not reach the Vitest project${project ? ` "${project}"` : ''} this file runs in, ` +
      "so the russo fixtures have no settings. Add russo() to that project's plugins, or set `extends: true` " +
      'on the project in test.projects so it inherits the plugins of the root vitest.config.',
  )
}

/**
 * The test file a file-scoped fixture is set up for. File fixtures get no `task`: the running test knows
 * its file, and when `beforeAll` is the first user, the runner's current suite does (a worker runs one
 * file at a time).
 */
function currentFile(): RunnerTestFile | undefined {
  const test = TestRunner.getCurrentTest()
  if (test !== undefined) return test.file
  const file = (TestRunner.getCurrentSuite() as { file?: RunnerTestFile } | undefined)?.file
  return file?.type === 'suite' && typeof file.filepath === 'string' ? file : undefined
}

/** The default export of the configured module: a Synthesizer, or a function or class that makes one. */
async function loadSynthesizer(specifier: string | null, offline: boolean): Promise<Synthesizer> {
  if (specifier === null) throw new RussoError('RUSSO_CONFIG', NO_SYNTHESIZER_MESSAGE)
  let exported: unknown
  try {
    exported = ((await import(/* @vite-ignore */ specifier)) as { default?: unknown }).default
  } catch (error) {
    const what = `cannot load the synthesizer module ${specifier}: ${(error as Error).message}`
    throw synthesizerFailure(what, error, offline)
  }
  return makeSynthesizer(exported, specifier, offline)
}
