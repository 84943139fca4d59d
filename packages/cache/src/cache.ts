import { resolve } from 'node:path'
import { type CacheDirInventory, type ForeignFile, inspectCacheDir, isForeignLock, isRussoKey } from './file-kind.js'
import { audioProblem } from './internal/check-audio.js'
import { describe } from './internal/describe.js'
import { listDir, olderThan, removeEntryFiles } from './internal/dir.js'
import { emptyReport, executePlan, type ItemOutcome, isPlan, removeItemFiles } from './internal/execute-plan.js'
import { warnLfsOnce } from './internal/lfs-warning.js'
import { removeStaleLock, tryLock } from './internal/lock.js'
import { ENTRY_FILE, type EntryPaths, entryPaths } from './internal/paths.js'
import { planCleanup, planClear, planPrune, TRANSIENT_GRACE_MS } from './internal/plans.js'
import { type ReadOptions, type ReadResult, readEntry, sha256Hex } from './internal/read.js'
import { toAudio } from './internal/to-audio.js'
import { WarnOnce } from './internal/warn-once.js'
import { writeEntry } from './internal/write.js'
import { InvalidAudioError } from './invalid-audio-error.js'
import { assertValidKey, cacheKey } from './key.js'
import { defaultLogger } from './logger.js'
import { CacheRemoveError, type LfsPointer, type RemovalItem, type RemovalPlan, type RemovalReport } from './removal.js'
import { terminalSafe } from './terminal-text.js'
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
  /** Entries whose audio is a Git LFS pointer: not corrupt, never removed; `git lfs pull` fetches them. */
  lfsPointers: LfsPointer[]
  /** Files that are not russo's: left alone. */
  foreign: ForeignFile[]
  /** What was removed: exactly the corrupt entries listed, less those another process holds. */
  removal: RemovalReport
}

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
  readonly #lfsKeys = new Set<string>()

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

  /** What in the directory is russo's (by key) and what is foreign: the rule every removing operation uses. */
  inspect(): CacheDirInventory {
    return inspectCacheDir(this.cacheDir)
  }

  /** Every one of russo's files, by entry, with what each is: what `clear()` removes. Removes nothing. */
  planClear(): RemovalPlan {
    return planClear(this.cacheDir)
  }

  /**
   * Removes russo's files (entries, locks, temp files), exactly those of `plan` (default: `planClear()`
   * now), and nothing else. Throws a `CacheRemoveError` naming the path when a file cannot be removed.
   */
  clear(plan: RemovalPlan = this.planClear()): RemovalReport {
    const report = executePlan(this.#own(plan), (item) => removeItemFiles(this.cacheDir, item))
    const n = report.removed.length
    this.logger.debug?.(`cleared ${n} ${n === 1 ? 'item' : 'items'} from ${this.cacheDir}`)
    if (report.failed.length > 0) throw new CacheRemoveError(report)
    return report
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

  /**
   * Reads every entry in full and checks its sha256; then (unless `remove: false`) removes exactly the
   * corrupt entries it lists, each under its lock. Git LFS pointers are listed apart and never removed.
   */
  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    const { keys, foreign } = inspectCacheDir(this.cacheDir)
    const plan: RemovalPlan = { cacheDir: this.cacheDir, items: [], foreign, lfsPointers: [] }
    const corrupt: VerifyReport['corrupt'] = []
    let checked = 0
    for (const files of keys) {
      if (!files.meta) continue
      const result = readEntry(this.#paths(files.key), { verifySha256: true })
      checked++
      if (result.kind === 'lfs') plan.lfsPointers.push({ key: files.key, prompt: result.meta?.prompt ?? null })
      if (result.kind === 'corrupt') {
        corrupt.push({ key: files.key, reason: result.reason })
        const names = [`${files.key}.meta`, ...(files.audio ? [`${files.key}.audio`] : [])]
        plan.items.push({ key: files.key, prompt: null, kind: 'corrupt', why: result.reason, files: names })
      }
      options.onEntry?.(files.key, result.kind === 'corrupt' ? result.reason : undefined)
    }
    const removal =
      options.remove === false
        ? emptyReport({ ...plan, items: [] })
        : executePlan(plan, (item) => this.#removeLocked(item, { verifySha256: true }))
    return { checked, corrupt, lfsPointers: plan.lfsPointers, foreign, removal }
  }

  /**
   * The entries whose key is not in `keep`, and corrupt ones past the grace a live writer gets: what
   * `prune(keep)` removes. `why` labels the valid ones ("unused", "older than 30d"). Removes nothing.
   */
  planPrune(keep: Iterable<string>, options: { why?: string } = {}): RemovalPlan {
    return planPrune(this.cacheDir, new Set(keep), options.why ?? 'not kept')
  }

  /**
   * Removes exactly the items of `planPrune(keep)` (or of the plan given), each under its lock (an entry
   * another process holds stays, reported in `left`). Foreign files and Git LFS pointers are never touched.
   */
  async prune(keep: Iterable<string> | RemovalPlan, options: { why?: string } = {}): Promise<RemovalReport> {
    const plan = isPlan(keep) ? this.#own(keep) : this.planPrune(keep, options)
    return executePlan(plan, (item) =>
      this.#removeLocked(item, item.kind === 'corrupt' ? { statOnly: true } : undefined),
    )
  }

  /** Leftovers of crashed writers (temp files, stale locks, old audio without meta): what `cleanup()` removes. */
  planCleanup(options: { olderThanMs?: number } = {}): RemovalPlan {
    return planCleanup(this.cacheDir, options.olderThanMs ?? TRANSIENT_GRACE_MS, this.lockStaleMs)
  }

  /** Removes exactly the items of `planCleanup()` (or of the plan given). */
  cleanup(options: { olderThanMs?: number } | RemovalPlan = {}): RemovalReport {
    const plan = isPlan(options) ? this.#own(options) : this.planCleanup(options)
    return executePlan(plan, (item) => {
      if (item.kind !== 'lock') return removeItemFiles(this.cacheDir, item)
      // Not a plain removal: the stale lock may be taken over meanwhile, and the new one must stay.
      const lock = this.#paths(item.key).lock
      return removeStaleLock(lock, item.key, this.lockStaleMs) ? { removed: true } : { left: 'no longer stale' }
    })
  }

  /** Whether the last read of `key` found a Git LFS pointer in place of its audio. */
  isLfsPointer(key: string): boolean {
    return this.#lfsKeys.has(key)
  }

  #own(plan: RemovalPlan): RemovalPlan {
    if (plan.cacheDir !== this.cacheDir) {
      throw new TypeError(`AudioCache: the plan is for ${plan.cacheDir}, not for this cache (${this.cacheDir}).`)
    }
    return plan
  }

  #paths(key: string): EntryPaths {
    return entryPaths(this.cacheDir, key)
  }

  #read(key: string, options: ReadOptions): ReadResult {
    const result = readEntry(this.#paths(key), options)
    if (result.kind === 'corrupt') this.#onCorrupt(key, result, options)
    else if (result.kind === 'lfs') {
      // The repository's content: a miss, never removed.
      this.#lfsKeys.add(key)
      warnLfsOnce(this.cacheDir, this.logger)
    } else this.#lfsKeys.delete(key)
    return result
  }

  /**
   * One warning per corrupt entry; silent while another process holds its lock (it may be mid-write).
   * Only russo's files are removed: a key russo makes, or a valid russo meta (never `intro.meta` of someone else).
   */
  #onCorrupt(
    key: string,
    result: { reason: string; transient: boolean; metaValid: boolean },
    options: ReadOptions,
  ): void {
    const paths = this.#paths(key)
    if (result.transient && !olderThan(TRANSIENT_GRACE_MS, paths.audio, paths.meta)) return
    const dir = terminalSafe(this.cacheDir)
    if (!isRussoKey(key) && !result.metaValid) {
      this.#warnings.warn(
        `foreign:${key}`,
        `russo: ${key}.meta in ${dir} is not a russo entry (${terminalSafe(result.reason)}); left alone.`,
      )
      return
    }
    const item: RemovalItem = {
      key,
      prompt: null,
      kind: 'corrupt',
      why: result.reason,
      files: [`${key}.meta`, `${key}.audio`],
    }
    const removal = this.#removeLocked(item, { ...options, statOnly: false })
    if ('left' in removal && removal.left === HELD) return
    const outcome =
      'removed' in removal
        ? 'removed, it will be synthesized again'
        : `left in place (${'left' in removal ? removal.left : removal.failed.map((f) => f.code).join(', ')})`
    const reason = terminalSafe(result.reason)
    this.#warnings.warn(`corrupt:${key}`, `russo: corrupt cache entry ${key} in ${dir} (${reason}); ${outcome}.`)
  }

  /**
   * Removes an entry's files only while holding its lock, and (with `recheck`) only if it is still not a
   * hit under those read options. Leaves it (`HELD`) when another process has the lock.
   */
  #removeLocked(item: RemovalItem, recheck: ReadOptions | undefined): ItemOutcome {
    const paths = this.#paths(item.key)
    // A lock file that is not russo's (`yarn.lock` beside an entry put under the key `yarn`) is never taken over.
    if (isForeignLock(paths.lock, item.key))
      return { left: `${item.key}.lock is not russo's: left alone, and the entry with it` }
    const attempt = tryLock(paths.lock, item.key, this.lockStaleMs)
    if (!attempt.acquired) {
      if (!('unavailable' in attempt)) return { left: HELD }
      const { code = 'EUNKNOWN', message } = attempt.unavailable
      return { failed: [{ path: paths.lock, code, message }] }
    }
    try {
      if (recheck !== undefined && readEntry(paths, recheck).kind === 'hit') return { left: 'valid again' }
      return removeItemFiles(this.cacheDir, item)
    } finally {
      attempt.lock.release()
    }
  }

  async *#scan(options: ReadOptions): AsyncGenerator<{ key: string; result: ReadResult }> {
    // One synchronous listing: for 10,000 entries it is ~2x faster than iterating `opendir`. Only regular
    // files: a link, folder, FIFO or socket with a meta's name is foreign, and never opened.
    for (const entry of listDir(this.cacheDir)) {
      const match = ENTRY_FILE.exec(entry.name)
      if (match?.[2] !== 'meta' || !entry.isFile()) continue
      const key = match[1] as string
      yield { key, result: readEntry(this.#paths(key), { ...options, listed: true }) }
    }
  }
}

const HELD = 'another process holds its lock'

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !(value > 0)) {
    throw new TypeError(`AudioCache: ${name} must be a positive number of milliseconds, got ${describe(value)}.`)
  }
  return value
}
