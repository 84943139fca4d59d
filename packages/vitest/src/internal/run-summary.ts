import { type FileRecord, type RunSummary, readFileUse, summarizeUses } from '@russo/runner-kit'
import type { TestModule } from 'vitest/node'

/** Adds up what each test file's `synth` recorded in its meta: exact across workers, pools and shards. */
export function summarize(modules: readonly TestModule[]): RunSummary {
  const records: FileRecord[] = []
  for (const module of modules) {
    const use = readFileUse(module.meta())
    if (use !== undefined) records.push({ project: module.project.name, file: module.relativeModuleId, use })
  }
  return summarizeUses(records)
}
