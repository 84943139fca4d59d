import { type Dirent, lstatSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isAlive, removeStaleLock } from './lock.js'
import { ENTRY_FILE, type EntryPaths, TEMP_FILE } from './paths.js'

/** Direct children of the cache dir; a missing dir is an empty cache. Never recurses. */
export function listDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** Removes a file only if it is a regular file: a link or directory with our name is not ours. */
function removeRegular(path: string): boolean {
  try {
    if (!lstatSync(path).isFile()) return false
    rmSync(path)
    return true
  } catch {
    return false
  }
}

/** Meta first: without it the entry is no longer a hit, even if the audio removal fails. */
export function removeEntryFiles(paths: EntryPaths): boolean {
  const meta = removeRegular(paths.meta)
  const audio = removeRegular(paths.audio)
  return meta || audio
}

/** Removes every russo file (entries, locks, temp files) directly in `dir`; returns the entries removed. */
export function clearDir(dir: string): number {
  const keys = new Set<string>()
  for (const entry of listDir(dir)) {
    if (!entry.isFile()) continue
    const match = ENTRY_FILE.exec(entry.name)
    if (match === null && !TEMP_FILE.test(entry.name)) continue
    if (removeRegular(join(dir, entry.name)) && match && match[2] !== 'lock') keys.add(match[1] as string)
  }
  return keys.size
}

/** Leftovers of crashed writers: temp files and audio without meta, stale locks. */
export function cleanupDir(dir: string, olderThanMs: number, lockStaleMs: number): number {
  const entries = listDir(dir)
  const metas = new Set(entries.filter((e) => e.name.endsWith('.meta')).map((e) => e.name.slice(0, -5)))
  let removed = 0
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = join(dir, entry.name)
    const temp = TEMP_FILE.exec(entry.name)
    const match = ENTRY_FILE.exec(entry.name)
    let remove = false
    if (temp) {
      remove = !isAlive(Number(temp[2])) || olderThan(olderThanMs, path)
    } else if (match?.[2] === 'lock') {
      // Not a plain removal: the stale lock may be taken over meanwhile, and the new one must stay.
      if (removeStaleLock(path, match[1] as string, lockStaleMs)) removed++
    } else if (match?.[2] === 'audio' && !metas.has(match[1] as string)) {
      remove = olderThan(olderThanMs, path)
    }
    if (remove && removeRegular(path)) removed++
  }
  return removed
}

/** Whether the newest of `paths` was last written over `ms` ago; a missing file counts as long gone. */
export function olderThan(ms: number, ...paths: string[]): boolean {
  const newest = Math.max(0, ...paths.map(mtimeOrZero))
  return Date.now() - newest > ms
}

function mtimeOrZero(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}
