import { finishRun, type RussoSettings } from '@russo/runner-kit'
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
    const block = await finishRun({
      root: this.#vitest.config.root,
      settings: [...this.#projects].filter(([name]) => names.has(name)).map(([, s]) => s),
      summary,
      partial: () => partialRunReason(this.#vitest, this.#specifications, modules),
      failed: reason !== 'passed' || errors.length > 0 || modules.some((m) => !m.ok()),
      noPrune: this.#vitest.config.watch ? 'it only prunes in `vitest run`, not in watch mode' : undefined,
      cleared: this.#cleared,
      warn: (message) => this.#vitest.logger.warn(message),
    })
    this.#cleared = undefined
    if (block === undefined) return
    // `--reporter=json > out.json`: stdout is the user's machine output, so the block goes to stderr.
    if (writesMachineOutputToStdout(this.#vitest)) this.#vitest.logger.error(block)
    else this.#vitest.logger.log(block)
  }
}

/**
 * Whether a reporter prints machine-readable output to stdout: `tap` and `tap-flat` always, unless given
 * an `outputFile`; `json` and `junit` too on Vitest 4, while Vitest 5 writes them to `.vitest/` unless
 * asked for `{ stdout: true }`.
 */
function writesMachineOutputToStdout(vitest: Vitest): boolean {
  const v5 = Number(vitest.version.split('.')[0]) >= 5
  const outputFile = vitest.config.outputFile as string | Record<string, string> | undefined
  return vitest.config.reporters.some((entry) => {
    const [name, options = {}] = (Array.isArray(entry) ? entry : [entry]) as [unknown, ReporterOptions?]
    if (typeof name !== 'string') return false
    const file = options.outputFile ?? (typeof outputFile === 'string' ? outputFile : outputFile?.[name])
    if (file !== undefined && file !== '') return false
    if (name === 'tap' || name === 'tap-flat') return true
    return (name === 'json' || name === 'junit') && (!v5 || options.stdout === true)
  })
}

interface ReporterOptions {
  outputFile?: string
  stdout?: boolean
}
