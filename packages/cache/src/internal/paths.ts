import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

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

export function entryPaths(dir: string, key: string): EntryPaths {
  return {
    audio: join(dir, key + AUDIO_EXT),
    meta: join(dir, key + META_EXT),
    lock: join(dir, key + LOCK_EXT),
  }
}

/** Unique per writer (pid + random), so concurrent writers never share a temp file. */
export function tempPath(dir: string, key: string): string {
  return join(dir, `.${key}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
}
