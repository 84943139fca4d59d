import { ENTRY_FILE, TEMP_FILE } from './internal/paths.js'

export type CacheFileKind = 'audio' | 'meta' | 'lock' | 'temp'

/**
 * What a file directly in a cache directory is to russo, by its name alone; `undefined` for a file
 * that is not russo's. Tools that list or clean a cache use it to leave foreign files alone.
 */
export function cacheFileKind(name: string): { key: string; kind: CacheFileKind } | undefined {
  const entry = ENTRY_FILE.exec(name)
  if (entry) return { key: entry[1] as string, kind: entry[2] as CacheFileKind }
  const temp = TEMP_FILE.exec(name)
  return temp ? { key: temp[1] as string, kind: 'temp' } : undefined
}
