import { assertAudio } from './audio.js'
import { AudioCache, DEFAULT_CACHE_DIR } from './cache.js'
import { CacheMissError } from './cache-miss-error.js'
import { acquireEntryLock } from './internal/acquire.js'
import { WarnOnce } from './internal/warn-once.js'
import { assertPlainRecord, cacheKey, describe } from './key.js'
import { CACHE_MODES, isCacheMode } from './mode.js'
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
}

interface Outcome {
  audio: Audio
  cached: boolean
  /** Synthesis time: of this call when it synthesized, as recorded in the entry when cached. */
  synthMs: number
}

/** In-flight lookups by cache file, shared by every CachedSynthesizer of this process. */
const inFlight = new Map<string, Promise<Outcome>>()

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
    this.cacheKeyExtra = { ...innerExtra, ...options.cacheKeyExtra }
    cacheKey('', this.cacheKeyExtra)
    this.cache =
      options.cache ??
      new AudioCache(options.cacheDir ?? DEFAULT_CACHE_DIR, options.logger ? { logger: options.logger } : {})
    this.#warnings = new WarnOnce(options.logger ?? this.cache.logger)
    this.#missHint = options.missHint
    this.#refreshSince = options.refreshSince ?? Date.now()
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
    const key = this.keyFor(text)
    this.#usedKeys.add(key)
    const stats = this.#stats
    const chars = [...text].length
    try {
      const flightId = `${this.mode}\0${this.cache.cacheDir}\0${key}`
      let flight = this.mode === 'off' ? undefined : inFlight.get(flightId)
      const leader = flight === undefined
      if (flight === undefined) {
        flight = this.#lookup(key, text, options)
        if (this.mode !== 'off') {
          inFlight.set(flightId, flight)
          void flight.then(
            () => inFlight.delete(flightId),
            () => inFlight.delete(flightId),
          )
        }
      }
      const outcome = await flight
      if (outcome.cached || !leader) {
        stats.hits++
        stats.charsSaved += chars
        stats.msSaved += outcome.synthMs
        stats.bytesFromCache += outcome.audio.data.byteLength
      } else {
        stats.misses++
        stats.syntheses++
        stats.synthMs += outcome.synthMs
        stats.charsSynthesized += chars
        stats.bytesSynthesized += outcome.audio.data.byteLength
      }
      return outcome.audio
    } catch (error) {
      stats.misses++
      stats.errors++
      throw error
    }
  }

  async #lookup(key: string, text: string, options: SynthesizeOptions): Promise<Outcome> {
    if (this.mode === 'off') return this.#synthesize(text, options)
    const hit = this.#cached(key, text)
    if (hit) return hit
    if (this.mode === 'offline') {
      throw new CacheMissError({
        prompt: text,
        key,
        cacheDir: this.cache.cacheDir,
        ...(this.#missHint ? { hint: this.#missHint } : {}),
      })
    }
    const acquired = await acquireEntryLock(this.cache, key, () => this.#cached(key, text), options.signal)
    if (acquired.kind === 'ready') return acquired.value
    if (acquired.kind === 'unlocked') this.#warnUnlocked(acquired.reason)
    try {
      const fresh = acquired.kind === 'locked' ? this.#cached(key, text) : undefined
      if (fresh) return fresh
      const outcome = await this.#synthesize(text, options)
      this.#store(key, text, outcome)
      return outcome
    } finally {
      if (acquired.kind === 'locked') acquired.lock.release()
    }
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
    const audio = await this.inner.synthesize(text, options)
    const synthMs = performance.now() - started
    assertAudio(audio, `CachedSynthesizer: the synthesizer's result for ${describe(text)}`)
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
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      this.#warnings.warn(
        `write:${code}`,
        `russo: cannot write to the cache ${this.cache.cacheDir} (${(error as Error).message}); going on without caching.`,
      )
    }
  }

  #warnUnlocked(reason: Error): void {
    const code = (reason as NodeJS.ErrnoException).code ?? 'error'
    const message =
      code === 'RUSSO_LOCK_TIMEOUT'
        ? `russo: ${reason.message} Synthesizing without the lock.`
        : `russo: cannot lock entries in the cache ${this.cache.cacheDir} (${reason.message}); going on without caching.`
    // Same id as a failed write: a cache that cannot be written is one warning, not two.
    this.#warnings.warn(code === 'RUSSO_LOCK_TIMEOUT' ? `lock:${code}` : `write:${code}`, message)
  }
}
