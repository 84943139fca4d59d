import { resolve } from 'node:path'
import { audioProblem } from './internal/check-audio.js'
import { describe } from './internal/describe.js'
import { cleanupDir, clearDir, listDir, olderThan, removeEntryFiles } from './internal/dir.js'
import { tryLock } from './internal/lock.js'
import { ENTRY_FILE, type EntryPaths, entryPaths } from './internal/paths.js'
import { type ReadOptions, type ReadResult, readEntry, sha256Hex } from './internal/read.js'
import { toAudio } from './internal/to-audio.js'
import { WarnOnce } from './internal/warn-once.js'
import { writeEntry } from './internal/write.js'
import { InvalidAudioError } from './invalid-audio-error.js'
import { assertValidKey, cacheKey } from './key.js'
import { defaultLogger } from './logger.js'
import type { Audio, EntryInfo, EntryMeta, RussoLogger } from './types.js'

export const DEFAULT_CACHE_DIR = '.russo_cache'

export interface AudioCacheOptions {
  logger?: RussoLogger
  /** Check every hit's sha256 (costs a hash of the audio per read). Default false: `verify()` does it. */
  verifyOnRead?: boolean
  /** A lock whose heartbeat is older than this is taken over. Default 30 s. */
  lockStaleMs?: number
  /**
   * How long a caller waits for another process's lock before synthesizing itself. Default: as long
   * as the holder lives (its heartbeat keeps the lock fresh); a holder queued behind a provider's
   * shared limit may take minutes, and its own timeouts and the caller's AbortSignal bound the wait.
   */
  lockWaitMs?: number
}

export interface PutOptions {
  /** The prompt, stored in the meta; reads that pass a prompt reject entries with another one. */
  prompt?: string
  /** The key extra, stored in the meta for inspection. */
  extra?: Record<string, unknown>
  /** How long the synthesis took, for the "time saved" figure. */
  synthMs?: number
}

export interface VerifyOptions {
  /** Remove the corrupt entries (never one another process holds). Default true; false only reports. */
  remove?: boolean
  /** Called after each entry is checked, with why it is corrupt (`undefined` when it is fine): for progress. */
  onEntry?: (key: string, corrupt: string | undefined) => void
}

export interface VerifyReport {
  checked: number
  corrupt: { key: string; reason: string }[]
  removed: number
}

/** Corrupt states a live writer passes through are only removed once older than any write takes. */
const TRANSIENT_GRACE_MS = 10_000

/**
 * The `.russo_cache` directory: `<key>.audio` holds the bytes, `<key>.meta` the JSON that Python
 * russo reads too. Reads and writes are synchronous: a hit is two small file reads, and the sync
 * calls are the fastest Node has for that.
 */
export class AudioCache {
  readonly cacheDir: string
  readonly logger: RussoLogger
  readonly verifyOnRead: boolean
  readonly lockStaleMs: number
  readonly lockWaitMs: number
  readonly #warnings: WarnOnce

  constructor(cacheDir: string = DEFAULT_CACHE_DIR, options: AudioCacheOptions = {}) {
    if (typeof cacheDir !== 'string' || cacheDir === '') {
      throw new TypeError(`AudioCache: cacheDir must be a non-empty path, got ${describe(cacheDir)}.`)
    }
    this.cacheDir = resolve(cacheDir)
    this.logger = options.logger ?? defaultLogger
    this.verifyOnRead = options.verifyOnRead ?? false
    this.lockStaleMs = positive(options.lockStaleMs, 30_000, 'lockStaleMs')
    this.lockWaitMs = positive(options.lockWaitMs, Number.POSITIVE_INFINITY, 'lockWaitMs')
    this.#warnings = new WarnOnce(this.logger)
  }

  cacheKey(prompt: string, extra?: Record<string, unknown>): string {
    return cacheKey(prompt, extra)
  }

  /** Cached audio for `key`, or `undefined`. A corrupt entry is a miss, removed with one warning. */
  get(key: string, options: { prompt?: string } = {}): Audio | undefined {
    return this.getEntry(key, options)?.audio
  }

  /** Like `get`, with the entry's meta (prompt, creation time, synthesis time, …). */
  getEntry(key: string, options: { prompt?: string } = {}): { audio: Audio; meta: EntryMeta } | undefined {
    assertValidKey(key, 'AudioCache.get')
    const result = this.#read(key, { prompt: options.prompt, verifySha256: this.verifyOnRead })
    return result.kind === 'hit' ? { audio: result.audio, meta: result.meta } : undefined
  }

  /** Whether a valid entry exists, checked without reading the audio. */
  has(key: string, options: { prompt?: string } = {}): boolean {
    assertValidKey(key, 'AudioCache.has')
    return this.#read(key, { prompt: options.prompt, statOnly: true }).kind === 'hit'
  }

  /**
   * Stores audio under `key`, replacing any entry. Empty audio is refused: it is never a good answer;
   * so are bytes that are not audio (`InvalidAudioError`: an error page, a body cut short).
   */
  put(key: string, given: Audio, options: PutOptions = {}): void {
    assertValidKey(key, 'AudioCache.put')
    const audio = toAudio(given, 'AudioCache.put: audio')
    if (audio.data.byteLength === 0) {
      throw new TypeError(`AudioCache.put: audio for key ${key} is empty (0 bytes); empty audio is never cached.`)
    }
    const problem = audioProblem(audio)
    if (problem !== undefined) throw new InvalidAudioError(key, problem)
    const meta: EntryMeta = {
      format: audio.format,
      sampleRate: audio.sampleRate,
      prompt: options.prompt ?? '',
      channels: audio.channels,
      sampleWidth: audio.sampleWidth,
      bytes: audio.data.byteLength,
      sha256: sha256Hex(audio.data),
      createdAt: new Date().toISOString(),
    }
    if (options.synthMs !== undefined) meta.synthMs = Math.round(options.synthMs * 10) / 10
    if (options.extra !== undefined) meta.extra = options.extra
    writeEntry(this.cacheDir, key, this.#paths(key), audio.data, meta)
  }

  /** Removes one entry; returns whether there was one. */
  delete(key: string): boolean {
    assertValidKey(key, 'AudioCache.delete')
    return removeEntryFiles(this.#paths(key))
  }

  /** Removes russo's files (entries, locks, temp files) and nothing else; returns the entries removed. */
  clear(): number {
    const removed = clearDir(this.cacheDir)
    this.logger.debug?.(`cleared ${removed} entries from ${this.cacheDir}`)
    return removed
  }

  /** Number of `<key>.audio` files, as Python russo counts them. */
  size(): number {
    return listDir(this.cacheDir).filter((e) => e.isFile() && ENTRY_FILE.exec(e.name)?.[2] === 'audio').length
  }

  /** Valid entries with their meta; the audio is checked by size, not read. */
  async *entries(): AsyncGenerator<EntryInfo> {
    for await (const { key, result } of this.#scan({ statOnly: true })) {
      if (result.kind === 'hit') yield { key, meta: result.meta, audioBytes: result.audioBytes }
    }
  }

  /** Number of valid entries and the bytes their files take. */
  async stats(): Promise<{ entries: number; bytes: number }> {
    let entries = 0
    let bytes = 0
    for await (const { result } of this.#scan({ statOnly: true })) {
      if (result.kind !== 'hit') continue
      entries++
      bytes += result.audioBytes + result.metaBytes
    }
    return { entries, bytes }
  }

  /** Reads every entry in full, checks its sha256, and removes the corrupt ones (unless locked or `remove: false`). */
  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    const report: VerifyReport = { checked: 0, corrupt: [], removed: 0 }
    for await (const { key, result } of this.#scan({ verifySha256: true })) {
      report.checked++
      const corrupt = result.kind === 'corrupt' ? result.reason : undefined
      if (corrupt !== undefined) {
        report.corrupt.push({ key, reason: corrupt })
        if (options.remove !== false && this.#removeLocked(key, { verifySha256: true }) === 'removed') report.removed++
      }
      options.onEntry?.(key, corrupt)
    }
    return report
  }

  /** Removes the entries whose key is not in `keep` (skipping any another process holds); returns their keys. */
  async prune(keep: Iterable<string>): Promise<string[]> {
    const kept = new Set(keep)
    const removed: string[] = []
    for await (const { key } of this.#scan({ statOnly: true })) {
      if (!kept.has(key) && this.#removeLocked(key, undefined) === 'removed') removed.push(key)
    }
    return removed
  }

  /** Removes leftovers of crashed writers: temp files, stale locks, audio without meta. */
  cleanup(options: { olderThanMs?: number } = {}): number {
    return cleanupDir(this.cacheDir, options.olderThanMs ?? TRANSIENT_GRACE_MS, this.lockStaleMs)
  }

  #paths(key: string): EntryPaths {
    return entryPaths(this.cacheDir, key)
  }

  #read(key: string, options: ReadOptions): ReadResult {
    const result = readEntry(this.#paths(key), options)
    if (result.kind === 'corrupt') this.#onCorrupt(key, result, options)
    return result
  }

  /** One warning per corrupt entry; silent while another process holds its lock (it may be mid-write). */
  #onCorrupt(key: string, result: { reason: string; transient: boolean }, options: ReadOptions): void {
    const paths = this.#paths(key)
    if (result.transient && !olderThan(TRANSIENT_GRACE_MS, paths.audio, paths.meta)) return
    const removal = this.#removeLocked(key, { ...options, statOnly: false })
    if (removal === 'held') return
    const outcome = removal === 'removed' ? 'removed, it will be synthesized again' : `left in place (${removal})`
    this.#warnings.warn(
      `corrupt:${key}`,
      `russo: corrupt cache entry ${key} in ${this.cacheDir} (${result.reason}); ${outcome}.`,
    )
  }

  /**
   * Removes an entry only while holding its lock, and (with `recheck`) only if it is still not a hit
   * under those read options. Returns 'held' when another process has the lock, or why it stayed.
   */
  #removeLocked(key: string, recheck: ReadOptions | undefined): 'removed' | 'held' | string {
    const paths = this.#paths(key)
    const attempt = tryLock(paths.lock, key, this.lockStaleMs)
    if (!attempt.acquired) return 'unavailable' in attempt ? `cannot lock it: ${attempt.unavailable.code}` : 'held'
    try {
      if (recheck !== undefined && readEntry(paths, recheck).kind === 'hit') return 'valid again'
      return removeEntryFiles(paths) ? 'removed' : 'nothing removable'
    } finally {
      attempt.lock.release()
    }
  }

  async *#scan(options: ReadOptions): AsyncGenerator<{ key: string; result: ReadResult }> {
    // One synchronous listing: for 10,000 entries it is ~2x faster than iterating `opendir`.
    for (const entry of listDir(this.cacheDir)) {
      const match = ENTRY_FILE.exec(entry.name)
      if (match?.[2] !== 'meta' || entry.isDirectory()) continue
      const key = match[1] as string
      yield { key, result: readEntry(this.#paths(key), options) }
    }
  }
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !(value > 0)) {
    throw new TypeError(`AudioCache: ${name} must be a positive number of milliseconds, got ${describe(value)}.`)
  }
  return value
}
