import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CliError } from '../exit-codes.js'

/** One test file of a run report (the JSON report of @russo/vitest's reporter). */
export interface ReportFile {
  project: string
  file: string
  cacheDir: string
  stats: { hits: number; misses: number; [name: string]: number }
  /** Keys the file looked up; absent in reports of versions that did not record them. */
  keys?: string[]
}

export interface RunReport {
  path: string
  files: ReportFile[]
}

/** Reads and checks a run report, with an error that names the file and what is wrong with it. */
export function readRunReport(path: string): RunReport {
  const absolute = resolve(path)
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(absolute, 'utf8'))
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new CliError(
      'RUSSO_CLI_USAGE',
      `Cannot read run report ${absolute} (${why}); pass the JSON report a test run wrote (@russo/vitest's report: { json: 'russo-report.json' }).`,
    )
  }
  const report = raw as { version?: unknown; files?: unknown }
  if (report === null || typeof report !== 'object' || report.version !== 1 || !Array.isArray(report.files)) {
    throw new CliError(
      'RUSSO_CLI_USAGE',
      `${absolute} is not a russo run report (expected { "version": 1, "files": [...] }).`,
    )
  }
  const files = (report.files as ReportFile[]).filter(
    (f) => f !== null && typeof f === 'object' && typeof f.cacheDir === 'string',
  )
  return { path: absolute, files }
}

/**
 * Every key the reports' test files used in `cacheDir`. Refuses reports that do not record keys, and
 * reports none of whose files used this directory: pruning with them would empty the cache.
 */
export function usedKeys(reports: RunReport[], cacheDir: string): Set<string> {
  const keys = new Set<string>()
  const seenDirs = new Set<string>()
  for (const report of reports) {
    if (report.files.length > 0 && report.files.every((f) => !Array.isArray(f.keys))) {
      throw new CliError(
        'RUSSO_CLI_USAGE',
        `Run report ${report.path} does not list the keys its tests used (written by an older @russo/vitest); rerun the tests with a current version to write one.`,
      )
    }
    for (const file of report.files) {
      seenDirs.add(file.cacheDir)
      if (resolve(file.cacheDir) === cacheDir) for (const key of file.keys ?? []) keys.add(key)
    }
  }
  if (!seenDirs.has(cacheDir)) {
    const dirs = [...seenDirs].join(', ') || 'none'
    throw new CliError(
      'RUSSO_CLI_USAGE',
      `None of the run reports used ${cacheDir} (they used: ${dirs}); pass --dir to the cache they used, or the reports of the runs that use this one.`,
    )
  }
  return keys
}
