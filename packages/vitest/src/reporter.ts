import {
  formatBlock,
  listUnused,
  pruneUnused,
  type RussoSettings,
  type UnusedEntry,
  writeJsonReport,
} from '@russo/runner-kit'
import type { Reporter, SerializedError, TestModule, TestRunEndReason, TestSpecification, Vitest } from 'vitest/node'
import { partialRunReason } from './internal/run-scope.js'
import { summarize } from './internal/run-summary.js'

/**
 * Runs in Vitest's main process, after Vitest's own reporters: adds up the figures every test file
 * recorded, prunes when asked, prints one block and writes the JSON report. One per Vitest instance,
 * so several projects give one block; figures are per run, so watch-mode reruns start from zero.
 */
export class RussoReporter implements Reporter {
  /** The run's start: in `refresh` mode, entries written since then are this run's and count as fresh. */
  readonly startedAt = Date.now()
  readonly #vitest: Vitest
  readonly #projects = new Map<string, RussoSettings>()
  /** Entries `--russo-clear-cache` removed before the run; `undefined` when not asked. Reported once. */
  #cleared: number | undefined
  #specifications: readonly TestSpecification[] = []

  constructor(vitest: Vitest) {
    this.#vitest = vitest
  }

  addProject(name: string, settings: RussoSettings, cleared: number | undefined): void {
    this.#projects.set(name, settings)
    if (cleared !== undefined) this.#cleared = (this.#cleared ?? 0) + cleared
  }

  onTestRunStart(specifications: readonly TestSpecification[]): void {
    this.#specifications = specifications
  }

  async onTestRunEnd(
    modules: readonly TestModule[],
    errors: readonly SerializedError[],
    reason: TestRunEndReason,
  ): Promise<void> {
    const summary = summarize(modules)
    const names = new Set([...this.#specifications.map((s) => s.project.name), ...modules.map((m) => m.project.name)])
    const settings = [...this.#projects].filter(([name]) => names.has(name)).map(([, s]) => s)
    // A directory no file touched still counts: all of its entries are unused.
    for (const { cacheDir } of settings) if (!summary.usedKeys.has(cacheDir)) summary.usedKeys.set(cacheDir, new Set())
    const failed = reason !== 'passed' || errors.length > 0 || modules.some((m) => !m.ok())
    const wantsPrune = settings.some((s) => s.prune)
    let unused: UnusedEntry[] | undefined
    let prune: number | string | undefined
    try {
      const partial = await partialRunReason(this.#vitest, this.#specifications, modules)
      unused = partial === undefined ? await listUnused(summary.usedKeys) : undefined
      if (wantsPrune) {
        if (this.#vitest.config.watch) prune = 'it only prunes in `vitest run`, not in watch mode'
        else if (partial !== undefined) prune = `${partial}; prune after a run of every test`
        else if (failed) prune = 'the run failed; prune after a passing run'
        else prune = await pruneUnused(summary.usedKeys)
      }
    } catch (error) {
      this.#vitest.logger.warn(
        `russo: cannot read the cache to count or prune unused entries: ${(error as Error).message}`,
      )
    }
    const report = {
      root: this.#vitest.config.root,
      cacheDirs: [...summary.usedKeys.keys()],
      modes: [...new Set(settings.map((s) => s.mode.value))],
      total: summary.total,
      unused,
      cleared: this.#cleared,
      prune,
      dryRun: settings.some((s) => s.pruneDryRun),
      failed,
      ci: isCI(process.env.CI),
    }
    this.#cleared = undefined
    if (settings.length === 0 || settings.some((s) => s.print)) {
      // `--reporter=json > out.json`: stdout is the user's machine output, so the block goes to stderr.
      const block = formatBlock(report)
      if (writesMachineOutputToStdout(this.#vitest.config)) this.#vitest.logger.error(block)
      else this.#vitest.logger.log(block)
    }
    for (const path of new Set(settings.flatMap((s) => (s.json === undefined ? [] : [s.json])))) {
      writeJsonReport(path, {
        version: 1,
        cacheDirs: report.cacheDirs,
        modes: report.modes,
        total: report.total,
        files: summary.files,
        unused: unused?.length ?? null,
        unusedEntries: unused ?? null,
        pruned: typeof prune === 'number' ? prune : null,
        cleared: report.cleared ?? null,
        ci: report.ci,
      })
    }
  }
}

/** Reporters that print machine-readable output, which goes to stdout unless given an `outputFile`. */
const MACHINE_REPORTERS = ['json', 'junit', 'tap', 'tap-flat']

function writesMachineOutputToStdout(config: Vitest['config']): boolean {
  const outputFile = config.outputFile as string | Record<string, string> | undefined
  return config.reporters.some((entry) => {
    const [name, options] = (Array.isArray(entry) ? entry : [entry, undefined]) as [
      unknown,
      { outputFile?: string } | undefined,
    ]
    if (typeof name !== 'string' || !MACHINE_REPORTERS.includes(name)) return false
    const file = options?.outputFile ?? (typeof outputFile === 'string' ? outputFile : outputFile?.[name])
    return file === undefined || file === ''
  })
}

function isCI(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase())
}
