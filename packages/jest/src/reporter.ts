import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  clearOnce,
  formatBlock,
  listUnused,
  pruneUnused,
  type RussoSettings,
  readArgv,
  readEnv,
  summarizeUses,
  type UnusedEntry,
  unknownEnv,
  writeJsonReport,
} from '@russo/runner-kit'
import { printAfterJest } from './internal/print-after-jest.js'
import { currentRun, endRun, type RunInfo, readRecords, startRun } from './internal/run-dir.js'
import { partialRunReason, type RunScopeInput } from './internal/run-scope.js'
import { type ProjectConfigLike, projectSettings, russoArgv } from './internal/settings.js'

interface GlobalConfigLike extends RunScopeInput {
  rootDir: string
  watch?: boolean
  watchAll?: boolean
}
interface TestLike {
  context: { config: ProjectConfigLike }
}
interface AggregatedResultsLike {
  numFailedTests: number
  numFailedTestSuites: number
  numRuntimeErrorTestSuites: number
  numPendingTests: number
  runExecError?: unknown
}

/**
 * Jest's main process: makes the run directory the test files write their figures into, clears the
 * cache once before the first file of a project runs, and after the run adds the figures up, prunes
 * when asked, prints the russo line after Jest's summary and writes the JSON report. Jest makes a new
 * reporter per run (watch mode too), so figures are per run; clearing is once per process.
 */
// biome-ignore lint/style/noDefaultExport: Jest loads a reporter from the module's default export
export default class RussoReporter {
  readonly #globalConfig: GlobalConfigLike
  readonly #projects = new Map<string, RussoSettings>()
  #run: RunInfo | undefined
  #cleared: number | undefined

  constructor(globalConfig: GlobalConfigLike) {
    this.#globalConfig = globalConfig
  }

  onRunStart(): void {
    // Bad flags or variables stop the run here, before any test.
    readArgv(russoArgv())
    readEnv(process.env)
    const unknown = unknownEnv(process.env)
    if (unknown !== undefined && !warnedUnknownEnv) console.warn(unknown)
    warnedUnknownEnv = true
    this.#run = startRun()
  }

  onTestFileStart(test: TestLike): void {
    const settings = this.#settingsOf(test.context.config)
    if (settings?.clear) {
      const removed = clearOnce(settings.cacheDir, settings.clearSource)
      if (removed !== undefined) this.#cleared = (this.#cleared ?? 0) + removed
    }
  }

  async onRunComplete(contexts: ReadonlySet<TestLike['context']>, results: AggregatedResultsLike): Promise<void> {
    const run = this.#run ?? currentRun()
    if (run === undefined) return
    try {
      for (const { config } of contexts) this.#settingsOf(config)
      printAfterJest(await this.#finish(run, results))
    } finally {
      endRun(run)
    }
  }

  async #finish(run: RunInfo, results: AggregatedResultsLike): Promise<string> {
    const settings = [...this.#projects.values()]
    const summary = summarizeUses(readRecords(run.dir))
    // A directory no file touched still counts: all of its entries are unused.
    for (const { cacheDir } of settings) if (!summary.usedKeys.has(cacheDir)) summary.usedKeys.set(cacheDir, new Set())
    const failed =
      results.numFailedTests > 0 ||
      results.numFailedTestSuites > 0 ||
      results.numRuntimeErrorTestSuites > 0 ||
      Boolean(results.runExecError)
    const partial = partialRunReason(this.#globalConfig, results.numPendingTests)
    let unused: UnusedEntry[] | undefined
    let prune: number | string | undefined
    try {
      unused = partial === undefined ? await listUnused(summary.usedKeys) : undefined
      if (settings.some((s) => s.prune)) {
        if (this.#globalConfig.watch || this.#globalConfig.watchAll) prune = 'it does not prune in watch mode'
        else if (partial !== undefined) prune = `${partial}; prune after a run of every test`
        else if (failed) prune = 'the run failed; prune after a passing run'
        else prune = await pruneUnused(summary.usedKeys)
      }
    } catch (error) {
      console.warn(`russo: cannot read the cache to count or prune unused entries: ${(error as Error).message}`)
    }
    const report = {
      root: this.#globalConfig.rootDir,
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
    return settings.length === 0 || settings.some((s) => s.print) ? formatBlock(report) : ''
  }

  /** Settings of a project that uses russo (its environment or options); `undefined` for others. */
  #settingsOf(config: ProjectConfigLike): RussoSettings | undefined {
    const key = config.id ?? config.rootDir
    let settings = this.#projects.get(key)
    if (settings === undefined && usesRusso(config)) {
      settings = projectSettings(config)
      this.#projects.set(key, settings)
    }
    return settings
  }
}

/** Watch mode makes a reporter per run: warn about unknown variables once per process. */
let warnedUnknownEnv = false

const ENVIRONMENT = realpathSync(fileURLToPath(new URL('./environment.js', import.meta.url)))

function usesRusso(config: ProjectConfigLike): boolean {
  return config.testEnvironmentOptions?.russo !== undefined || config.testEnvironment === ENVIRONMENT
}

function isCI(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase())
}
