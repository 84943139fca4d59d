import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { finishRun, type RussoSettings, readArgv, readEnv, summarizeUses, unknownEnv } from '@russo/runner-kit'
import { clearForRun, takeCleared } from './internal/clear-run.js'
import { printAfterJest } from './internal/print-after-jest.js'
import { currentRun, endRun, type RunInfo, readRecords, startRun } from './internal/run-dir.js'
import { partialRunReason, type RunProgress, type RunScopeInput } from './internal/run-scope.js'
import { type ProjectConfigLike, projectSettings, russoArgv } from './internal/settings.js'

interface GlobalConfigLike extends RunScopeInput {
  rootDir: string
  watch?: boolean
  watchAll?: boolean
}
interface TestLike {
  context: { config: ProjectConfigLike }
}
interface AggregatedResultsLike extends RunProgress {
  numFailedTestSuites: number
  numRuntimeErrorTestSuites: number
  runExecError?: unknown
}

/**
 * Jest's main process: makes the run directory the test files write their figures into, clears the
 * cache before a project's first test file if the preset's globalSetup did not, and after the run adds
 * the figures up, prunes when asked, prints the russo line after Jest's summary and writes the JSON
 * report. Jest makes a new reporter per run (watch mode too), so figures are per run; clearing is once
 * per process.
 */
// biome-ignore lint/style/noDefaultExport: Jest loads a reporter from the module's default export
export default class RussoReporter {
  readonly #globalConfig: GlobalConfigLike
  readonly #projects = new Map<string, RussoSettings>()
  #run: RunInfo | undefined

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
    if (settings !== undefined) clearForRun(settings)
  }

  async onRunComplete(contexts: ReadonlySet<TestLike['context']>, results: AggregatedResultsLike): Promise<void> {
    const run = this.#run ?? currentRun()
    if (run === undefined) return
    try {
      for (const { config } of contexts) this.#settingsOf(config)
      const block = await this.#finish(run, results)
      if (block !== undefined) printAfterJest(block, Boolean(this.#globalConfig.watch || this.#globalConfig.watchAll))
    } finally {
      endRun(run)
    }
  }

  #finish(run: RunInfo, results: AggregatedResultsLike): Promise<string | undefined> {
    const config = this.#globalConfig
    return finishRun({
      root: config.rootDir,
      settings: [...this.#projects.values()],
      summary: summarizeUses(readRecords(run.dir)),
      partial: () => partialRunReason(config, results, process.argv.slice(2)),
      failed:
        results.numFailedTests > 0 ||
        results.numFailedTestSuites > 0 ||
        results.numRuntimeErrorTestSuites > 0 ||
        Boolean(results.runExecError),
      noPrune: config.watch || config.watchAll ? 'it does not prune in watch mode' : undefined,
      cleared: takeCleared(),
      warn: (message) => console.warn(message),
    })
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
  if (config.testEnvironmentOptions?.russo !== undefined) return true
  try {
    return config.testEnvironment !== undefined && realpathSync(config.testEnvironment) === ENVIRONMENT
  } catch {
    return false
  }
}
