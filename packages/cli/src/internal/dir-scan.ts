import { type Dirent, readdirSync } from 'node:fs'
import { cacheFileKind } from '@russo/cache'

/** What is in a cache directory besides its entries, by name and file type (links are never followed). */
export interface DirScan {
  /** `<key>.meta` files: the entries `verify` checks. */
  metas: number
  /** `<key>.audio` regular files with no `<key>.meta`: a writer crashed, or a copy lost the meta. */
  orphanAudio: string[]
  /** Symbolic links, whatever their name: russo never reads through them or removes them. */
  links: string[]
  /** Files and folders that are not russo's: left alone by every command. */
  foreign: string[]
}

export function scanDir(dir: string): DirScan {
  let dirents: Dirent[]
  try {
    dirents = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') dirents = []
    else throw error
  }
  const scan: DirScan = { metas: 0, orphanAudio: [], links: [], foreign: [] }
  const metaKeys = new Set<string>()
  const audio: string[] = []
  for (const dirent of dirents) {
    const kind = cacheFileKind(dirent.name)
    if (dirent.isSymbolicLink()) scan.links.push(dirent.name)
    else if (kind === undefined || !dirent.isFile()) scan.foreign.push(dirent.name)
    else if (kind.kind === 'audio') audio.push(kind.key)
    // A meta link is counted: `verify` reports it corrupt.
    if (kind?.kind === 'meta' && !dirent.isDirectory()) {
      scan.metas++
      metaKeys.add(kind.key)
    }
  }
  scan.orphanAudio = audio.filter((key) => !metaKeys.has(key)).map((key) => `${key}.audio`)
  return scan
}
