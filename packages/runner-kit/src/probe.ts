import { accessSync, constants, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CacheMode } from '@russo/cache'
import type { OptionsWhere } from './options.js'

/**
 * Why the cache directory cannot be used as it should, or `undefined` when it can. Checked once in the
 * main process, so a cache path that is a file or a directory nobody may write costs one warning for
 * the run, not one per test file.
 */
export function cacheDirProblem(dir: string): string | undefined {
  let stat: ReturnType<typeof statSync>
  try {
    stat = statSync(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') return `it cannot be reached (${code})`
    return creatable(dirname(dir)) ? undefined : 'it does not exist and cannot be created there'
  }
  if (!stat.isDirectory()) return 'it is a file, not a directory'
  if (!accessible(dir, constants.R_OK | constants.X_OK)) return 'it cannot be read (permission denied)'
  if (!accessible(dir, constants.W_OK)) return 'it is read-only: cached entries are read, new ones are not stored'
  return undefined
}

/**
 * Why russo's files in an existing directory cannot be removed (`--russo-clear-cache`, `--russo-prune`),
 * or `undefined` when they can: removing a file needs write and search permission on its directory.
 * Checked up front because the core's removals skip files they cannot remove.
 */
export function removalProblem(dir: string): string | undefined {
  let isDirectory: boolean
  try {
    isDirectory = statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false
  } catch (error) {
    return `it cannot be reached (${(error as NodeJS.ErrnoException).code})`
  }
  if (!isDirectory) return undefined
  return accessible(dir, constants.W_OK | constants.X_OK) ? undefined : 'it is read-only (permission denied)'
}

/** Whether `mkdir -p` of a child would work: the nearest existing ancestor is a directory we may write. */
function creatable(parent: string): boolean {
  try {
    return statSync(parent).isDirectory() && accessible(parent, constants.W_OK | constants.X_OK)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(parent) === parent) return false
    return creatable(dirname(parent))
  }
}

function accessible(path: string, mode: number): boolean {
  try {
    accessSync(path, mode)
    return true
  } catch {
    return false
  }
}

/** The core's warning about a cache it cannot lock or write in (`CachedSynthesizer`). */
export const UNWRITABLE_WARNING = /^russo: cannot (lock entries in|write to) the cache /

/**
 * The one warning for the run about a cache directory `cacheDirProblem` found a problem with. Offline,
 * a prompt that is not cached fails its test instead of being synthesized.
 */
export function unusableCacheWarning(cacheDir: string, problem: string, where: OptionsWhere, mode?: CacheMode): string {
  const uncached =
    mode === 'offline'
      ? 'prompts that are not cached fail their tests (offline mode)'
      : 'prompts that are not cached are synthesized every time'
  return (
    `russo: the cache ${cacheDir} cannot be written: ${problem}. The run goes on; ${uncached}. ` +
    `Point --russo-cache-dir=DIR (or RUSSO_CACHE_DIR, or ${where.option('cacheDir')}) at a ` +
    'directory you can read and write.'
  )
}
