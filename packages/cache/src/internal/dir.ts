import { type Dirent, lstatSync, readdirSync, rmSync, statSync } from 'node:fs'
import type { EntryPaths } from './paths.js'

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
