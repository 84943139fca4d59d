import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import type { EntryMeta } from '../types.js'
import { serializeMeta } from './meta.js'
import { type EntryPaths, tempPath } from './paths.js'

/**
 * Audio first, then meta, each through its own exclusive temp file and a rename: the meta is the
 * commit marker, so a reader never sees a meta whose audio is not complete. The old meta goes before
 * the new audio lands: a writer killed between the renames leaves audio without meta (a miss that
 * cleanup removes), never new audio under the old meta, which a read would return when the lengths match.
 */
export function writeEntry(dir: string, key: string, paths: EntryPaths, data: Uint8Array, meta: EntryMeta): void {
  mkdirSync(dir, { recursive: true })
  const temps: string[] = []
  try {
    const audio = writeTemp(dir, key, data, temps)
    const metaTemp = writeTemp(dir, key, serializeMeta(meta), temps)
    rmSync(paths.meta, { force: true })
    renameSync(audio, paths.audio)
    renameSync(metaTemp, paths.meta)
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true })
    throw error
  }
}

function writeTemp(dir: string, key: string, content: Uint8Array | string, temps: string[]): string {
  const temp = tempPath(dir, key)
  temps.push(temp)
  writeFileSync(temp, content, { flag: 'wx' })
  return temp
}
