import { formatBlock } from './format.js'
import type { RussoSettings } from './options.js'
import { listUnused, pruneUnused, type UnusedEntry } from './prune.js'
import { writeJsonReport } from './report-json.js'
import type { RunSummary } from './summarize.js'

/** What a runner's reporter knows at the end of a run, in the main process. */
export interface RunEnd {
  /** The runner's root: cache directories show relative to it. */
  root: string
  /** Settings of the projects that ran. */
  settings: readonly RussoSettings[]
  summary: RunSummary
  /** Why the run did not run every test (`undefined`: it did); only a full run knows what is unused. */
  partial(): Promise<string | undefined> | string | undefined
  failed: boolean
  /** Why this runner never prunes in this run (watch mode), if so. */
  noPrune: string | undefined
  /** Entries `--russo-clear-cache` removed before the run; `undefined` when not asked. */
  cleared: number | undefined
  warn(message: string): void
}

/**
 * The run-level end shared by the runner plugins: counts (and, when asked and allowed, prunes) the
 * unused entries, writes each JSON report asked for, and returns the block to print after the
 * runner's summary, or `undefined` when every project turned the report off.
 */
export async function finishRun(end: RunEnd): Promise<string | undefined> {
  const { settings, summary } = end
  // A directory no file touched still counts: all of its entries are unused.
  for (const { cacheDir } of settings) if (!summary.usedKeys.has(cacheDir)) summary.usedKeys.set(cacheDir, new Set())
  let unused: UnusedEntry[] | undefined
  let prune: number | string | undefined
  try {
    const partial = await end.partial()
    unused = partial === undefined ? await listUnused(summary.usedKeys) : undefined
    if (settings.some((s) => s.prune)) {
      if (end.noPrune !== undefined) prune = end.noPrune
      else if (partial !== undefined) prune = `${partial}; prune after a run of every test`
      else if (end.failed) prune = 'the run failed; prune after a passing run'
      else prune = await pruneUnused(summary.usedKeys)
    }
  } catch (error) {
    end.warn(`russo: cannot read the cache to count or prune unused entries: ${(error as Error).message}`)
  }
  const cacheDirs = [...summary.usedKeys.keys()]
  const modes = [...new Set(settings.map((s) => s.mode.value))]
  const ci = isCI(process.env.CI)
  const remotes = [...new Set(settings.flatMap((s) => (s.remote ? [s.remote.url] : [])))]
  for (const path of new Set(settings.flatMap((s) => (s.json === undefined ? [] : [s.json])))) {
    writeJsonReport(path, {
      version: 1,
      cacheDirs,
      modes,
      total: summary.total,
      files: summary.files,
      unused: unused?.length ?? null,
      unusedEntries: unused ?? null,
      pruned: typeof prune === 'number' ? prune : null,
      cleared: end.cleared ?? null,
      ci,
      remotes,
    })
  }
  if (settings.length > 0 && !settings.some((s) => s.print)) return undefined
  return formatBlock({
    root: end.root,
    cacheDirs,
    modes,
    total: summary.total,
    unused,
    cleared: end.cleared,
    prune,
    dryRun: settings.some((s) => s.pruneDryRun),
    failed: end.failed,
    ci,
    remotes,
  })
}

function isCI(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase())
}
