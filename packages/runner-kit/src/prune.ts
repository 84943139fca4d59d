import { statSync } from 'node:fs'
import { AudioCache } from '@russo/cache'
import { removalProblem } from './probe.js'

/** An entry no test of the run looked up. */
export interface UnusedEntry {
  cacheDir: string
  key: string
  prompt: string
}

/** Entries in each directory that no test of the run looked up. */
export async function listUnused(usedKeys: ReadonlyMap<string, ReadonlySet<string>>): Promise<UnusedEntry[]> {
  const unused: UnusedEntry[] = []
  for (const [cacheDir, keys] of usedKeys) {
    if (!isDirectory(cacheDir)) continue
    for await (const { key, meta } of new AudioCache(cacheDir).entries()) {
      if (!keys.has(key)) unused.push({ cacheDir, key, prompt: meta.prompt })
    }
  }
  return unused
}

/**
 * Removes those entries (skipping any another process holds); returns how many went, or why none did:
 * a directory the run cannot remove files from is named before anything is removed (the core's prune
 * would skip each file without a word).
 */
export async function pruneUnused(usedKeys: ReadonlyMap<string, ReadonlySet<string>>): Promise<number | string> {
  for (const dir of usedKeys.keys()) {
    const problem = removalProblem(dir)
    if (problem !== undefined) return `the cache ${dir} cannot be changed: ${problem}`
  }
  let removed = 0
  for (const [dir, keys] of usedKeys)
    if (isDirectory(dir)) removed += (await new AudioCache(dir).prune(keys, { why: 'unused' })).removed.length
  return removed
}

/** A cache path that is missing, or a file (warned about at start), holds no entries. */
function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false
}
