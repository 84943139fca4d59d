import { addStats, type CacheStats, emptyStats } from '@russo/cache'
import { type FileFigures, type FileUse, readFileUse } from '@russo/runner-kit'
import type { TestModule } from 'vitest/node'

export interface RunSummary {
  files: FileFigures[]
  total: CacheStats
  /** Every key looked up in the run, by cache directory. */
  usedKeys: Map<string, Set<string>>
}

/** Adds up what each test file's `synth` recorded in its meta: exact across workers, pools and shards. */
export function summarize(modules: readonly TestModule[]): RunSummary {
  const summary: RunSummary = { files: [], total: emptyStats(), usedKeys: new Map() }
  for (const module of modules) {
    const use = readFileUse(module.meta())
    if (use === undefined) continue
    summary.files.push({
      project: module.project.name,
      file: module.relativeModuleId,
      cacheDir: use.cacheDir,
      stats: use.stats,
    })
    addStats(summary.total, use.stats)
    addKeys(summary.usedKeys, use)
  }
  return summary
}

function addKeys(usedKeys: Map<string, Set<string>>, use: FileUse): void {
  const keys = usedKeys.get(use.cacheDir) ?? new Set<string>()
  usedKeys.set(use.cacheDir, keys)
  for (const key of use.keys) keys.add(key)
}
