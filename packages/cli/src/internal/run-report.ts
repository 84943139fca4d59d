import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CliError } from '../exit-codes.js'

/** One test file of a run report (the JSON report of @russo/vitest's reporter). */
export interface ReportFile {
  project: string
  file: string
  cacheDir: string
  stats: { hits: number; misses: number; [name: string]: number }
  /** Keys the file looked up, where the report records them. */
  keys?: string[]
}

export interface RunReport {
  path: string
  /** The cache directories the run used, resolved. */
  cacheDirs: string[]
  files: ReportFile[]
  /** Entries no test of the run used; `null` for a partial run (filtered, sharded), which cannot tell. */
  unusedEntries: { cacheDir: string; key: string; prompt: string }[] | null
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
      `Cannot read run report ${absolute} (${why}); pass the JSON report a test run wrote (@russo/vitest: report: { json: 'russo-report.json' }).`,
    )
  }
  const report = raw as { version?: unknown; files?: unknown; cacheDirs?: unknown; unusedEntries?: unknown }
  if (report === null || typeof report !== 'object' || report.version !== 1 || !Array.isArray(report.files)) {
    throw new CliError(
      'RUSSO_CLI_USAGE',
      `${absolute} is not a russo run report (expected { "version": 1, "files": [...] }).`,
    )
  }
  const files = (report.files as ReportFile[]).filter(
    (f) => f !== null && typeof f === 'object' && typeof f.cacheDir === 'string',
  )
  const listed = Array.isArray(report.cacheDirs)
    ? report.cacheDirs.filter((d): d is string => typeof d === 'string')
    : []
  const cacheDirs = [...new Set([...listed, ...files.map((f) => f.cacheDir)].map((d) => resolve(d)))]
  const unusedEntries = Array.isArray(report.unusedEntries)
    ? (report.unusedEntries as RunReport['unusedEntries'])
    : null
  return { path: absolute, cacheDirs, files, unusedEntries }
}

/** The keys a run used in `cacheDir`: its files' keys where recorded, else every entry it did not list as unused. */
function usedBy(report: RunReport, cacheDir: string, entryKeys: string[]): Set<string> | string {
  // A partial run's keys are only what its tests used: pruning by them would remove what the others need.
  if (report.unusedEntries === null) {
    return `Run report ${report.path} comes from a partial run (filtered, failed early or sharded): it cannot say which entries are unused. Use the report of a run of every test.`
  }
  const files = report.files.filter((f) => resolve(f.cacheDir) === cacheDir)
  if (files.some((f) => Array.isArray(f.keys))) return new Set(files.flatMap((f) => f.keys ?? []))
  const unused = new Set(report.unusedEntries.filter((e) => resolve(e.cacheDir) === cacheDir).map((e) => e.key))
  return new Set(entryKeys.filter((key) => !unused.has(key)))
}

/**
 * The entries of `cacheDir` any of the reports used (one report per runner or shard), or why the
 * reports cannot tell: none used this directory, or one is of a partial run. Pruning then would empty
 * the cache, or remove what the tests that did not run need.
 */
export function usedKeys(reports: RunReport[], cacheDir: string, entryKeys: string[]): Set<string> | string {
  const covering = reports.filter((r) => r.cacheDirs.includes(cacheDir))
  if (covering.length === 0) {
    const dirs = [...new Set(reports.flatMap((r) => r.cacheDirs))].join(', ') || 'none'
    return `None of the run reports used ${cacheDir} (they used: ${dirs}); pass --dir to the cache they used, or the reports of the runs that use this one.`
  }
  const used = new Set<string>()
  for (const report of covering) {
    const keys = usedBy(report, cacheDir, entryKeys)
    if (typeof keys === 'string') return keys
    for (const key of keys) used.add(key)
  }
  return used
}
