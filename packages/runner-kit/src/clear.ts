import { AudioCache } from '@russo/cache'

/** Directories this process has cleared: `--russo-clear-cache` acts once per run, never per worker or rerun. */
const cleared = new Set<string>()

/** Empties the cache before any worker starts; returns the entries removed, or `undefined` if done already. */
export function clearOnce(cacheDir: string): number | undefined {
  if (cleared.has(cacheDir)) return undefined
  cleared.add(cacheDir)
  return new AudioCache(cacheDir).clear()
}
