import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import type { EntryMeta } from '../types.js'
import { serializeMeta } from './meta.js'
import { type EntryPaths, tempPath } from './paths.js'

/**
 * Audio first, then meta, each through its own exclusive temp file and a rename: the meta is the
 * commit marker, so a reader never sees a meta whose audio is not complete.
 */
export function writeEntry(dir: string, key: string, paths: EntryPaths, data: Uint8Array, meta: EntryMeta): void {
  mkdirSync(dir, { recursive: true })
  writeAtomic(dir, key, paths.audio, data)
  writeAtomic(dir, key, paths.meta, serializeMeta(meta))
}

function writeAtomic(dir: string, key: string, target: string, content: Uint8Array | string): void {
  const tmp = tempPath(dir, key)
  try {
    writeFileSync(tmp, content, { flag: 'wx' })
    renameSync(tmp, target)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
}
