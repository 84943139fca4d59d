import { AudioCache, DEFAULT_CACHE_DIR } from './cache.js'
import { CacheMissError } from './cache-miss-error.js'
import { assertNoCredentialFields } from './credential-fields.js'
import { acquireEntryLock } from './internal/acquire.js'
import { describe } from './internal/describe.js'
import { withoutUndefined } from './internal/plain.js'
import { RemoteLink } from './internal/remote.js'
import { toAudio } from './internal/to-audio.js'
import { WarnOnce } from './internal/warn-once.js'
import { isInvalidAudioError } from './invalid-audio-error.js'
import { assertPlainRecord, cacheKey } from './key.js'
import { isLockTimeoutError, type LockTimeoutError } from './lock-timeout-error.js'
import { CACHE_MODES, isCacheMode } from './mode.js'
import type { RemoteOptions } from './remote-options.js'
import { type CacheStats, emptyStats } from './stats.js'
import type { Audio, CacheMode, EntryMeta, RussoLogger, SynthesizeOptions, Synthesizer } from './types.js'

export interface CachedSynthesizerOptions {
  /** The cache to use. Default: `new AudioCache(cacheDir)`. */
  cache?: AudioCache
  /** Where the default cache lives. Default `.russo_cache`. Ignored when `cache` is given. */
  cacheDir?: string
  /** `false` is mode `off`. */
  enabled?: boolean
  mode?: CacheMode
  /** Settings merged into every key, over the inner synthesizer's own `cacheKeyExtra`. */
  cacheKeyExtra?: Record<string, unknown>
  logger?: RussoLogger
  /** How to record a missing entry, in the words of the tool in use; ends the `CacheMissError` message. */
  missHint?: string
  /** In `refresh` mode, entries written at or after this time (epoch ms) count as fresh. Default: now. */
  refreshSince?: number
  /** A shared remote store, asked on a local miss and given what is synthesized (`@russo/s3`). */
  remote?: RemoteOptions
}

interface Outcome {
  audio: Audio
  cached: boolean
  /** Fetched from the remote store. */
  remote?: boolean
  /** Synthesis time: of this call when it synthesized, as recorded in the entry when cached. */
  synthMs: number
}

/** A lookup under way, and the signal of the caller that started it. */
interface Flight {
  promise: Promise<Outcome>
  signal: AbortSignal | undefined
}

/** In-flight lookups by cache file, shared by every CachedSynthesizer of this process. */
const inFlight = new Map<string, Flight>()

/** A drop-in `Synthesizer` that answers from an `AudioCache` and synthesizes each key once. */
export class CachedSynthesizer implements Synthesizer {
  readonly inner: Synthesizer
  readonly cache: AudioCache
  readonly mode: CacheMode
  readonly cacheKeyExtra: Record<string, unknown>
  readonly #missHint: string | undefined
  readonly #refreshSince: number
  readonly #warnings: WarnOnce
  readonly #usedKeys = new Set<string>()
  readonly #remote: RemoteLink | undefined
  #stats = emptyStats()

  constructor(inner: Synthesizer, options: CachedSynthesizerOptions = {}) {
    if (inner === null || typeof inner !== 'object' || typeof inner.synthesize !== 'function') {
      throw new TypeError(
        `CachedSynthesizer: inner must be a Synthesizer (an object with synthesize(text)), got ${describe(inner)}.`,
      )
    }
    const mode = options.enabled === false ? 'off' : (options.mode ?? 'auto')
    if (!isCacheMode(mode)) {
      throw new TypeError(`CachedSynthesizer: mode must be one of ${CACHE_MODES.join(', ')}, got ${describe(mode)}.`)
    }
    const innerExtra = inner.cacheKeyExtra ?? {}
    assertPlainRecord(innerExtra, 'CachedSynthesizer: inner.cacheKeyExtra')
    assertPlainRecord(options.cacheKeyExtra ?? {}, 'CachedSynthesizer: options.cacheKeyExtra')
    this.inner = inner
    this.mode = mode
    // An option set to `undefined` (`voice: process.env.VOICE`, unset) leaves the synthesizer's own value.
    this.cacheKeyExtra = withoutUndefined({ ...innerExtra, ...withoutUndefined(options.cacheKeyExtra ?? {}) })
    assertNoCredentialFields(this.cacheKeyExtra, 'CachedSynthesizer')
    // An extra with no JSON form (or a "prompt") fails here, not at the first synthesize().
    cacheKey('', this.cacheKeyExtra)
    this.cache =
      options.cache ??
      new AudioCache(options.cacheDir ?? DEFAULT_CACHE_DIR, options.logger ? { logger: options.logger } : {})
    this.#warnings = new WarnOnce(options.logger ?? this.cache.logger)
    this.#missHint = options.missHint
    this.#refreshSince = options.refreshSince ?? Date.now()
    this.#remote = options.remote && new RemoteLink(options.remote, this.#warnings, () => this.#stats)
  }

  keyFor(text: string): string {
    return cacheKey(text, this.cacheKeyExtra)
  }

  get stats(): CacheStats {
    return { ...this.#stats }
  }

  resetStats(): void {
    this.#stats = emptyStats()
    this.#usedKeys.clear()
  }

  /** Keys this synthesizer looked up since construction or the last `resetStats()`. */
  get usedKeys(): ReadonlySet<string> {
    return this.#usedKeys
  }

  async synthesize(text: string, options: SynthesizeOptions = {}): Promise<Audio> {
    if (typeof text !== 'string') {
      throw new TypeError(`CachedSynthesizer.synthesize: text must be a string, got ${describe(text)}.`)
    }
    if (text.trim() === '') {
      throw new TypeError(
        `CachedSynthesizer.synthesize: text is ${text === '' ? 'empty' : `only white space (${describe(text)})`}; ` +
          'a TTS provider has nothing to say for it. Pass the words to synthesize.',
      )
    }
    const key = this.keyFor(text)
    this.#usedKeys.add(key)
    const stats = this.#stats
    const chars = [...text].length
    try {
      const { outcome, leader } = await this.#await(key, text, options)
      // Callers that joined a lookup get their own Audio: one caller's in-place edit must not show in another's.
      const audio = leader ? outcome.audio : { ...outcome.audio, data: outcome.audio.data.slice() }
      if (outcome.cached || !leader) {
        stats.hits++
        stats.charsSaved += chars
        stats.msSaved += outcome.synthMs
        stats.bytesFromCache += outcome.audio.data.byteLength
        if (outcome.remote && leader) stats.remoteHits++
      } else {
        stats.misses++
        stats.syntheses++
        stats.synthMs += outcome.synthMs
        stats.charsSynthesized += chars
        stats.bytesSynthesized += outcome.audio.data.byteLength
      }
      return audio
    } catch (error) {
      stats.misses++
      stats.errors++
      throw error
    }
  }

  /**
   * Joins or starts the lookup of `key`. A shared lookup ended by its starter's AbortSignal does not
   * cancel the callers that joined it: they look again. A joiner's own signal rejects its wait.
   */
  async #await(key: string, text: string, options: SynthesizeOptions): Promise<{ outcome: Outcome; leader: boolean }> {
    for (;;) {
      const { flight, leader } = this.#join(key, text, options)
      try {
        return { outcome: await (leader ? flight.promise : abortable(flight.promise, options.signal)), leader }
      } catch (error) {
        if (leader || options.signal?.aborted || !flight.signal?.aborted) throw error
      }
    }
  }

  /** The lookup of `key`: this call's own, or (`leader: false`) one already under way in this process. */
  #join(key: string, text: string, options: SynthesizeOptions): { flight: Flight; leader: boolean } {
    if (this.mode === 'off')
      return { flight: { promise: this.#synthesize(text, options), signal: options.signal }, leader: true }
    const id = `${this.mode}\0${this.cache.cacheDir}\0${key}`
    const shared = inFlight.get(id)
    if (shared !== undefined) return { flight: shared, leader: false }
    const flight: Flight = { promise: this.#lookup(key, text, options), signal: options.signal }
    inFlight.set(id, flight)
    const forget = () => {
      if (inFlight.get(id) === flight) inFlight.delete(id)
    }
    void flight.promise.then(forget, forget)
    return { flight, leader: true }
  }

  async #lookup(key: string, text: string, options: SynthesizeOptions): Promise<Outcome> {
    const hit = this.#cached(key, text)
    if (hit) return hit
    if (this.mode === 'offline' && this.#remote === undefined) throw this.#missError(key, text)
    const acquired = await acquireEntryLock(this.cache, key, () => this.#cached(key, text), options.signal)
    if (acquired.kind === 'ready') return acquired.value
    if (acquired.kind === 'unlocked') this.#warnUnlocked(acquired.reason)
    try {
      const fresh = acquired.kind === 'locked' ? this.#cached(key, text) : undefined
      if (fresh) return fresh
      const pulled = await this.#pull(key, text, options)
      if (pulled) return pulled
      if (this.mode === 'offline') throw this.#missError(key, text)
      const outcome = await this.#synthesize(text, options)
      this.#store(key, text, outcome)
      if (outcome.audio.data.byteLength > 0)
        await this.#remote?.push(key, text, this.cacheKeyExtra, outcome, options.signal)
      return outcome
    } finally {
      if (acquired.kind === 'locked') acquired.lock.release()
    }
  }

  #missError(key: string, text: string): CacheMissError {
    return new CacheMissError({
      prompt: text,
      key,
      cacheDir: this.cache.cacheDir,
      ...(this.#missHint ? { hint: this.#missHint } : {}),
      ...(this.cache.isLfsPointer(key) ? { lfsPointer: true } : {}),
    })
  }

  /** The remote's entry, stored locally. `refresh` asks for new audio, so it never reads the remote. */
  async #pull(key: string, text: string, options: SynthesizeOptions): Promise<Outcome | undefined> {
    if (this.#remote === undefined || this.mode === 'refresh') return undefined
    const found = await this.#remote.pull(key, text, options.signal)
    if (found === undefined) return undefined
    const outcome: Outcome = { audio: found.audio, cached: true, remote: true, synthMs: found.meta.synthMs ?? 0 }
    this.#store(key, text, outcome)
    return outcome
  }

  /** A usable entry: any valid one, or in `refresh` mode one written during this run. */
  #cached(key: string, text: string): Outcome | undefined {
    const entry = this.cache.getEntry(key, { prompt: text })
    if (entry === undefined || (this.mode === 'refresh' && !this.#isFresh(entry.meta))) return undefined
    return { audio: entry.audio, cached: true, synthMs: entry.meta.synthMs ?? 0 }
  }

  #isFresh(meta: EntryMeta): boolean {
    return meta.createdAt !== undefined && Date.parse(meta.createdAt) >= this.#refreshSince
  }

  async #synthesize(text: string, options: SynthesizeOptions): Promise<Outcome> {
    const started = performance.now()
    let requestMs: number | undefined
    const onRequestMs = (ms: number) => {
      requestMs = ms
      options.onRequestMs?.(ms)
    }
    const result = await this.inner.synthesize(text, { ...options, onRequestMs })
    const synthMs = requestMs ?? performance.now() - started
    const audio = toAudio(result, `CachedSynthesizer: the synthesizer's result for ${describe(text)}`)
    return { audio, cached: false, synthMs }
  }

  #store(key: string, text: string, outcome: Outcome): void {
    if (outcome.audio.data.byteLength === 0) {
      this.#warnings.warn(
        `empty:${key}`,
        `russo: the synthesizer returned empty audio for ${describe(text)}; not cached.`,
      )
      return
    }
    try {
      this.cache.put(key, outcome.audio, { prompt: text, extra: this.cacheKeyExtra, synthMs: outcome.synthMs })
    } catch (error) {
      // Not audio (an error page, a body cut short): the caller must not get it either.
      if (isInvalidAudioError(error)) throw error
      this.#warnUnwritable('write to', error as Error)
    }
  }

  #warnUnlocked(reason: NodeJS.ErrnoException | LockTimeoutError): void {
    if (isLockTimeoutError(reason)) {
      this.#warnings.warn(`lock:${reason.code}`, `russo: ${reason.message} Synthesizing without the lock.`)
    } else {
      this.#warnUnwritable('lock entries in', reason)
    }
  }

  /** One warning in all, for locks and writes alike: a cache that cannot be written is one warning, not two. */
  #warnUnwritable(action: string, error: Error): void {
    this.#warnings.warn(
      'unwritable',
      // "EACCES: permission denied", without the temp file's name that follows.
      `russo: cannot ${action} the cache ${this.cache.cacheDir} (${error.message.split(', ')[0]}); going on without ` +
        'caching. Make it a directory you can read and write.',
    )
  }
}

/** `promise`, or the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  signal.throwIfAborted()
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
