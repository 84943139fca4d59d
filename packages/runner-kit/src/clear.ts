import { AudioCache } from '@russo/cache'
import { configError } from './flags.js'
import { type OptionsWhere, VITEST_OPTIONS } from './options.js'

/** Directories this process has cleared: `--russo-clear-cache` acts once per run, never per worker or rerun. */
const cleared = new Set<string>()

/**
 * Empties the cache before any worker starts; returns the entries removed, or `undefined` if done
 * already. A path that cannot be cleared stops the run here: the user asked for an empty cache.
 */
export function clearOnce(cacheDir: string, source: string, where: OptionsWhere = VITEST_OPTIONS): number | undefined {
  if (cleared.has(cacheDir)) return undefined
  cleared.add(cacheDir)
  try {
    // Items with audio or meta are entries; locks and temp files of crashed writers are not counted.
    return new AudioCache(cacheDir).clear().removed.filter((item) => item.kind !== 'lock' && item.kind !== 'temp')
      .length
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    const why = code === 'ENOTDIR' ? 'it is a file, not a directory' : `${message.split(', ')[0]}`
    throw configError(
      `${source} cannot clear the cache ${cacheDir}: ${why}. Point the cache at a directory you can read and write ` +
        `(--russo-cache-dir=DIR, RUSSO_CACHE_DIR or ${where.option('cacheDir')}).`,
    )
  }
}
