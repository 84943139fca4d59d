import { AudioCache } from '@russo/cache'

/** Entries in each directory that no test of the run looked up. */
export async function countUnused(usedKeys: ReadonlyMap<string, ReadonlySet<string>>): Promise<number> {
  let unused = 0
  for (const [dir, keys] of usedKeys) {
    for await (const entry of new AudioCache(dir).entries()) if (!keys.has(entry.key)) unused++
  }
  return unused
}

/** Removes those entries (skipping any another process holds); returns how many went. */
export async function pruneUnused(usedKeys: ReadonlyMap<string, ReadonlySet<string>>): Promise<number> {
  let removed = 0
  for (const [dir, keys] of usedKeys) removed += (await new AudioCache(dir).prune(keys)).length
  return removed
}
