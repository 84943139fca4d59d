import { isRussoError, RussoError } from './errors.js'
import type { ForeignFile } from './file-kind.js'
import { terminalSafe } from './terminal-text.js'

/**
 * What an item is: a valid `entry`, a `corrupt` entry, a `lfs-pointer` (only `clear` removes those),
 * `orphan-audio` (audio without meta, older than any write takes), a `lock` or a `temp` file.
 */
export type RemovalKind = 'entry' | 'corrupt' | 'lfs-pointer' | 'orphan-audio' | 'lock' | 'temp'

/** One thing a removing operation takes away: the files of one key, and why. */
export interface RemovalItem {
  key: string
  /** The entry's prompt, where its meta tells it. */
  prompt: string | null
  kind: RemovalKind
  /** Why it goes, for people: "unused", "older than 30d", "audio has 50 bytes, meta says 100", … */
  why: string
  /** File names in the cache directory: exactly these are removed. */
  files: string[]
}

/** An entry whose audio is a Git LFS pointer that was never pulled. */
export interface LfsPointer {
  key: string
  prompt: string | null
}

/** The set a removing operation decided on before removing anything: what a dry run shows. */
export interface RemovalPlan {
  cacheDir: string
  items: RemovalItem[]
  /** Files that are not russo's: left alone. */
  foreign: ForeignFile[]
  /** Entries whose audio is a Git LFS pointer: left alone (`git lfs pull` fetches them). */
  lfsPointers: LfsPointer[]
}

export interface RemovalFailure {
  path: string
  code: string
  message: string
}

/** What a removing operation did with its plan: each item removed, left (and why), or failed. */
export interface RemovalReport extends RemovalPlan {
  removed: RemovalItem[]
  /** Items not removed on purpose: another process holds the entry's lock, or it became valid again. */
  left: { item: RemovalItem; reason: string }[]
  failed: RemovalFailure[]
}

/** `clear()` could not remove some of russo's files (a read-only directory: EACCES). */
export class CacheRemoveError extends RussoError {
  readonly report: RemovalReport

  constructor(report: RemovalReport) {
    const first = report.failed[0] as RemovalFailure
    const more = report.failed.length > 1 ? ` (and ${report.failed.length - 1} more)` : ''
    super(
      'RUSSO_CACHE_WRITE',
      `cannot remove ${terminalSafe(first.path)}${more}: ${first.code}. Removed ${report.removed.length} of ` +
        `${report.items.length} planned items from ${terminalSafe(report.cacheDir)}; make the directory writable ` +
        'and run it again.',
    )
    this.name = 'CacheRemoveError'
    this.report = report
  }
}

export function isCacheRemoveError(value: unknown): value is CacheRemoveError {
  return isRussoError(value) && (value as { name?: unknown }).name === 'CacheRemoveError'
}
