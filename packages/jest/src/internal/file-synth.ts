import { dirname, relative } from 'node:path'
import {
  type Audio,
  AudioCache,
  CachedSynthesizer,
  type CacheStats,
  emptyStats,
  type RussoLogger,
  type SynthesizeOptions,
} from '@russo/cache'
import {
  makeSynthesizer,
  type RussoSettings,
  synthesizerFailure,
  UNWRITABLE_WARNING,
  workerRemote,
} from '@russo/runner-kit'
import type { RussoHost } from './host-key.cjs'
import { loadDefaultExport } from './load-module.js'
import { remoteDown } from './remote-probe.js'
import { currentRun, writeRecord } from './run-dir.js'
import { runLevelFlagsHint } from './run-parts.js'
import { fileSynthesizer, type ProjectConfigLike, projectName, projectSettings } from './settings.js'
import { warnedUnwritable } from './unwritable.js'

const NO_SYNTHESIZER_MESSAGE =
  'no synthesizer is configured, so `synth` has nothing to call. Either name a module in jest.config: ' +
  "testEnvironmentOptions: { russo: { synthesizer: './test/synthesizer.ts' } } (its default export: a " +
  'Synthesizer or a function or class making one), or name one for this file in a docblock at its top: ' +
  '/** @jest-environment-options {"russoSynthesizer": "./synthesizer.ts"} */'

/** One test file's cached synthesizer, made on the first `synth.synthesize`, and its figures at the end. */
export class FileSynth implements RussoHost {
  readonly #config: ProjectConfigLike
  readonly #testPath: string
  readonly #settings: RussoSettings
  readonly #synthesizer: string | undefined
  readonly #logger: RussoLogger
  /** Audio goes to the test as the test realm's Uint8Array, so `toBeInstanceOf(Uint8Array)` holds. */
  readonly #bytes: Uint8ArrayConstructor
  #made: Promise<CachedSynthesizer> | undefined
  #synth: CachedSynthesizer | undefined
  /** 1 when the synthesizer could not be loaded or made. */
  #unmade = 0
  #test: AbortController | undefined

  constructor(config: ProjectConfigLike, testPath: string, testGlobal: typeof globalThis, console: Console) {
    this.#config = config
    this.#testPath = testPath
    this.#settings = projectSettings(config)
    this.#synthesizer = fileSynthesizer(config, dirname(testPath)) ?? this.#settings.synthesizer
    const quiet = warnedUnwritable(this.#settings.cacheDir)
    this.#logger = {
      warn: (message) => (quiet && UNWRITABLE_WARNING.test(message) ? undefined : console.warn(message)),
    }
    this.#bytes = testGlobal.Uint8Array
    const hint = runLevelFlagsHint(this.#settings)
    if (hint !== undefined) console.warn(hint)
  }

  /**
   * Jest has no per-test AbortSignal, so the environment makes one from circus's events: a synthesis a
   * test started without its own signal is aborted when the test fails (its timeout included).
   */
  onTestEvent(name: string, error: unknown): void {
    if (name === 'test_fn_start') this.#test = new AbortController()
    else if (name === 'test_fn_failure') this.#test?.abort(error)
  }

  async synthesize(text: string, options?: SynthesizeOptions): Promise<Audio> {
    this.#made ??= this.#make()
    let synth: CachedSynthesizer
    try {
      synth = await this.#made
    } catch (error) {
      // No synthesizer to count it, yet an error all the same: once per file, as in Vitest (its fixture).
      this.#unmade = 1
      throw error
    }
    const signal = options?.signal ?? this.#test?.signal
    const audio = await synth.synthesize(text, signal === undefined ? options : { ...options, signal })
    return audio.data instanceof this.#bytes ? audio : { ...audio, data: new this.#bytes(audio.data) }
  }

  stats(): CacheStats {
    return this.#synth?.stats ?? { ...emptyStats(), errors: this.#unmade }
  }

  /** At the environment's teardown: hands the figures to the reporter, when one is in the run. */
  finish(): void {
    const run = currentRun()
    if (run === undefined || (this.#synth === undefined && this.#unmade === 0)) return
    writeRecord(run.dir, {
      project: projectName(this.#config),
      file: relative(this.#config.rootDir, this.#testPath),
      use: {
        cacheDir: this.#synth?.cache.cacheDir ?? this.#settings.cacheDir,
        stats: this.stats(),
        keys: [...(this.#synth?.usedKeys ?? [])],
      },
    })
  }

  async #make(): Promise<CachedSynthesizer> {
    if (this.#synthesizer === undefined) throw synthesizerFailure(NO_SYNTHESIZER_MESSAGE)
    const { cacheDir, mode, cacheKeyExtra, remote } = this.#settings
    const offline = mode.value === 'offline'
    let exported: unknown
    try {
      exported = await loadDefaultExport(this.#synthesizer, this.#config)
    } catch (error) {
      const what = `cannot load the synthesizer module ${this.#synthesizer}: ${(error as Error).message}`
      throw synthesizerFailure(what, error, offline)
    }
    const inner = await makeSynthesizer(exported, this.#synthesizer, offline)
    this.#synth = new CachedSynthesizer(inner, {
      cache: new AudioCache(cacheDir, { logger: this.#logger }),
      mode: mode.value,
      cacheKeyExtra,
      logger: this.#logger,
      missHint: missHint(mode.source),
      refreshSince: currentRun()?.startedAt ?? Date.now(),
      ...(remote && !remoteDown(remote.url) ? { remote: workerRemote(this.#config.rootDir, remote) } : {}),
    })
    return this.#synth
  }
}

/** How to record a missing entry, in the words that made this run offline. */
function missHint(source: string): string {
  const without = source.startsWith('testEnvironmentOptions.')
    ? "mode 'auto' in testEnvironmentOptions.russo (or RUSSO_CACHE_MODE=auto)"
    : `without ${source}`
  return `record it by running the tests once ${without}, then commit the cache directory`
}
