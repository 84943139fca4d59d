import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

export const AUDIO_EXT = '.audio'
export const META_EXT = '.meta'
export const LOCK_EXT = '.lock'

/** Russo's own files, by name: entries, locks, and temp files `.<key>.<pid>-<hex>.tmp`. */
export const ENTRY_FILE = /^([A-Za-z0-9_-]{1,128})\.(audio|meta|lock)$/
export const TEMP_FILE = /^\.([A-Za-z0-9_-]{1,128})\.(\d+)-[0-9a-f]{8,}\.tmp$/

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
