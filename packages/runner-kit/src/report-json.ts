import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CacheMode, CacheStats } from '@russo/cache'
import type { UnusedEntry } from './prune.js'

export interface FileFigures {
  project: string
  /** Relative to the project root. */
  file: string
  cacheDir: string
  stats: CacheStats
  /** Keys the file looked up (what `russo remote pull --report` fetches). */
  keys: string[]
}

/** The JSON report: the figures of the printed block, per test file and in total. */
export interface RussoJsonReport {
  version: 1
  cacheDirs: string[]
  modes: CacheMode[]
  /** Times (`synthMs`, `msSaved`) are milliseconds rounded to 0.1. */
  total: CacheStats
  files: FileFigures[]
  /** How many entries no test used; `null` when the run did not run every test. */
  unused: number | null
  /** The entries no test used (what `--russo-prune` removes); `null` when the run did not run every test. */
  unusedEntries: UnusedEntry[] | null
  /** Entries `--russo-prune` removed; `null` when it was not asked for or refused. */
  pruned: number | null
  /** Entries `--russo-clear-cache` removed before the run; `null` when it was not asked for. */
  cleared: number | null
  /** Whether `CI` was set. */
  ci: boolean
  /** Remote caches in use; their figures are `remoteHits`, `uploads` and `remoteErrors` in the stats. */
  remotes: string[]
}

export function writeJsonReport(path: string, report: RussoJsonReport): void {
  const rounded = {
    ...report,
    total: roundTimes(report.total),
    files: report.files.map((file) => ({ ...file, stats: roundTimes(file.stats) })),
  }
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(rounded, null, 2)}\n`)
}

/** `2040.3999999999999` is noise: a tenth of a millisecond is as fine as the figures are. */
function roundTimes(stats: CacheStats): CacheStats {
  return { ...stats, synthMs: Math.round(stats.synthMs * 10) / 10, msSaved: Math.round(stats.msSaved * 10) / 10 }
}
