import { AudioCache } from '@russo/cache'
import { configError } from './flags.js'
import { type OptionsWhere, VITEST_OPTIONS } from './options.js'
import { removalProblem } from './probe.js'

/** Directories this process has cleared: `--russo-clear-cache` acts once per run, never per worker or rerun. */
const cleared = new Set<string>()

/**
 * Empties the cache before any worker starts; returns the entries removed, or `undefined` if done
 * already. A path that cannot be cleared stops the run here: the user asked for an empty cache, and a
 * run on the old entries would pass on stale audio. The directory is checked before (a read-only one)
 * and after (entries still there), whatever the core's `clear()` reports.
 */
export function clearOnce(cacheDir: string, source: string, where: OptionsWhere = VITEST_OPTIONS): number | undefined {
  if (cleared.has(cacheDir)) return undefined
  cleared.add(cacheDir)
  const stop = (why: string) =>
    configError(
      `${source} cannot clear the cache ${cacheDir}: ${why}. Point the cache at a directory you can read and write ` +
        `(--russo-cache-dir=DIR, RUSSO_CACHE_DIR or ${where.option('cacheDir')}).`,
    )
  const problem = removalProblem(cacheDir)
  if (problem !== undefined) throw stop(problem)
  const cache = new AudioCache(cacheDir)
  let removed: number
  try {
    removed = entries(cache.clear().removed)
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    throw stop(code === 'ENOTDIR' ? 'it is a file, not a directory' : `${message.split(', ')[0]}`)
  }
  const left = entries(cache.planClear().items)
  if (left > 0)
    throw stop(`${left} ${left === 1 ? 'entry' : 'entries'} could not be removed (check the files' permissions)`)
  return removed
}

/** Items with audio or meta are entries; locks and temp files of crashed writers are not counted. */
function entries(items: readonly { kind: string }[]): number {
  return items.filter((item) => item.kind !== 'lock' && item.kind !== 'temp').length
}
