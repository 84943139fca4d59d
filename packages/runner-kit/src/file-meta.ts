import { type CacheStats, emptyStats } from '@russo/cache'

/**
 * What one test file's `synth` did, stored as `meta.russo` of the file task (written in fixtures.ts):
 * Vitest sends task meta from any worker or pool to the main process and keeps it in blob reports, so
 * counts survive `--shard` and `--merge-reports`, where files on disk would not.
 */
export interface FileUse {
  cacheDir: string
  stats: CacheStats
  /** Keys the file looked up, for the unused-entry count and `--russo-prune`. */
  keys: string[]
}

/** The recorded use, or `undefined` for files that never touched `synth` (or malformed meta). */
export function readFileUse(meta: object): FileUse | undefined {
  const raw = (meta as { russo?: Partial<FileUse> }).russo
  if (raw === null || typeof raw !== 'object' || typeof raw.cacheDir !== 'string') return undefined
  const stats = emptyStats()
  for (const name of Object.keys(stats) as (keyof CacheStats)[]) {
    const value = raw.stats?.[name]
    if (typeof value === 'number' && Number.isFinite(value)) stats[name] = value
  }
  const keys = Array.isArray(raw.keys) ? raw.keys.filter((k): k is string => typeof k === 'string') : []
  return { cacheDir: raw.cacheDir, stats, keys }
}
