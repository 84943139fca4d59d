import type { CacheMode } from '@russo/cache'
import { cacheDirProblem, unusableCacheWarning } from '@russo/runner-kit'
import { JEST_OPTIONS } from './settings.js'

// Cache directories the main process warned about, for the workers (they inherit it): a cache that
// cannot be written costs one warning for the run, not one per test file.
const WARNED = '_RUSSO_JEST_UNWRITABLE'

/** In the main process, before any test: warns once about a cache directory that cannot be written. */
export function checkCacheDir(cacheDir: string, mode: CacheMode): void {
  const warned = warnedDirs()
  if (warned.includes(cacheDir)) return
  const problem = cacheDirProblem(cacheDir)
  if (problem === undefined) return
  console.warn(unusableCacheWarning(cacheDir, problem, JEST_OPTIONS, mode))
  process.env[WARNED] = JSON.stringify([...warned, cacheDir])
}

/** Whether the main process already warned that `cacheDir` cannot be written. */
export function warnedUnwritable(cacheDir: string): boolean {
  return warnedDirs().includes(cacheDir)
}

function warnedDirs(): string[] {
  try {
    const parsed = JSON.parse(process.env[WARNED] ?? '[]') as unknown
    return Array.isArray(parsed) ? parsed.filter((dir): dir is string => typeof dir === 'string') : []
  } catch {
    return []
  }
}
