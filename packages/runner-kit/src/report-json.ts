import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CacheMode, CacheStats } from '@russo/cache'

export interface FileFigures {
  project: string
  /** Relative to the project root. */
  file: string
  cacheDir: string
  stats: CacheStats
}

/** The JSON report: the figures of the printed block, per test file and in total. */
export interface RussoJsonReport {
  version: 1
  cacheDirs: string[]
  modes: CacheMode[]
  total: CacheStats
  files: FileFigures[]
  /** Entries no test used; `null` when the run did not run every test. */
  unused: number | null
  /** Entries `--russo-prune` removed; `null` when it was not asked for or refused. */
  pruned: number | null
  /** Entries `--russo-clear-cache` removed before the run; `null` when it was not asked for. */
  cleared: number | null
  /** Whether `CI` was set. */
  ci: boolean
}

export function writeJsonReport(path: string, report: RussoJsonReport): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
}
