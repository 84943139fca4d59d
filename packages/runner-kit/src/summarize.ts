import { addStats, type CacheStats, emptyStats } from '@russo/cache'
import type { FileUse } from './file-meta.js'
import type { FileFigures } from './report-json.js'

export interface RunSummary {
  files: FileFigures[]
  total: CacheStats
  /** Every key looked up in the run, by cache directory. */
  usedKeys: Map<string, Set<string>>
}

/** One test file's recorded use, as the runner collected it from its worker. */
export interface FileRecord {
  project: string
  /** Relative to the project root. */
  file: string
  use: FileUse
}

/** Adds up what each test file's `synth` recorded: per file, in total, and the keys used per directory. */
export function summarizeUses(records: Iterable<FileRecord>): RunSummary {
  const summary: RunSummary = { files: [], total: emptyStats(), usedKeys: new Map() }
  for (const { project, file, use } of records) {
    summary.files.push({ project, file, cacheDir: use.cacheDir, stats: use.stats, keys: use.keys })
    addStats(summary.total, use.stats)
    const keys = summary.usedKeys.get(use.cacheDir) ?? new Set<string>()
    summary.usedKeys.set(use.cacheDir, keys)
    for (const key of use.keys) keys.add(key)
  }
  return summary
}
