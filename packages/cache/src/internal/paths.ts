import { randomBytes } from 'node:crypto'
import { join, sep } from 'node:path'

const AUDIO_EXT = '.audio'
const META_EXT = '.meta'
const LOCK_EXT = '.lock'

/** A key names files: no separators, no dots, never empty. Every pattern below builds on it. */
const KEY = '[A-Za-z0-9_-]{1,128}'
export const KEY_PATTERN = new RegExp(`^${KEY}$`)

/** Russo's own files, by name: entries, locks, and temp files `.<key>.<pid>-<hex>.tmp`. */
export const ENTRY_FILE = new RegExp(`^(${KEY})\\.(audio|meta|lock)$`)
export const TEMP_FILE = new RegExp(`^\\.(${KEY})\\.(\\d+)-[0-9a-f]{8,}\\.tmp$`)

export interface EntryPaths {
  audio: string
  meta: string
  lock: string
}

/** `dir` is absolute and normalized (AudioCache resolves it) and `key` valid: plain concatenation is safe, and ~5x cheaper than `join` in listings. */
export function entryPaths(dir: string, key: string): EntryPaths {
  const base = dir.endsWith(sep) ? dir + key : dir + sep + key
  return { audio: base + AUDIO_EXT, meta: base + META_EXT, lock: base + LOCK_EXT }
}

/** Unique per writer (pid + random), so concurrent writers never share a temp file. */
export function tempPath(dir: string, key: string): string {
  return join(dir, `.${key}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
}
