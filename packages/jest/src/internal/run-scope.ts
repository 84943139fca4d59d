/** The parts of Jest's global config and results that say whether a run ran every test. */
export interface RunScopeInput {
  shard?: { shardIndex: number; shardCount: number } | null
  testNamePattern?: string | null
  /** Jest 29. */
  testPathPattern?: string
  /** Jest 30. */
  testPathPatterns?: { patterns?: readonly string[] } | readonly string[]
  onlyChanged?: boolean
  onlyFailures?: boolean
  findRelatedTests?: boolean
  filter?: string | null
  bail?: number
}

/** What the results say about how far the run got. */
export interface RunProgress {
  numTotalTestSuites: number
  /** One per test file that finished. */
  testResults: readonly unknown[]
  numFailedTests: number
  numPendingTests: number
  wasInterrupted?: boolean
}

/**
 * Jest options that leave out tests or projects but reach a reporter only through the project configs
 * they changed (`--testMatch`) or not at all (`--selectProjects`: Jest drops the other projects before
 * the run). Written as a user types them: camelCase or kebab-case, `--name value` or `--name=value`.
 */
const FILTER_OPTIONS: Record<string, string> = {
  selectProjects: 'a project filter (--selectProjects) left out projects',
  ignoreProjects: 'a project filter (--ignoreProjects) left out projects',
  testMatch: 'a test file filter (--testMatch) left out test files',
  testRegex: 'a test file filter (--testRegex) left out test files',
  testPathIgnorePatterns: 'a test file filter (--testPathIgnorePatterns) left out test files',
  modulePathIgnorePatterns: 'a module filter (--modulePathIgnorePatterns) left out test files',
  roots: 'a --roots option left out test files',
  changedSince: 'only tests related to changed files ran',
  lastCommit: 'only tests related to changed files ran',
}

/**
 * Why this run did not run every test of every project, or `undefined` when it did. Only such a run
 * knows which cache entries no test uses. `argv` is the main process's command line: the only place
 * some filters show.
 */
export function partialRunReason(
  config: RunScopeInput,
  results: RunProgress,
  argv: readonly string[] = [],
): string | undefined {
  if (config.shard) return `this run is shard ${config.shard.shardIndex}/${config.shard.shardCount}`
  if (config.testNamePattern) return 'a test name filter (-t) left out tests'
  const patterns = Array.isArray(config.testPathPatterns)
    ? config.testPathPatterns
    : ((config.testPathPatterns as { patterns?: readonly string[] } | undefined)?.patterns ?? [])
  if (patterns.length > 0 || config.testPathPattern) return 'a test path filter left out test files'
  if (config.onlyChanged || config.findRelatedTests) return 'only tests related to changed files ran'
  if (config.onlyFailures) return 'only failed tests ran'
  if (config.filter) return 'a --filter module left out tests'
  const filtered = argvFilter(argv)
  if (filtered !== undefined) return filtered
  if (results.wasInterrupted || results.testResults.length < results.numTotalTestSuites) {
    const bailed = config.bail !== undefined && config.bail > 0 && results.numFailedTests >= config.bail
    return bailed ? 'the run stopped at its first failures (--bail)' : 'the run stopped before every test file ran'
  }
  const skipped = results.numPendingTests
  if (skipped > 0) return `${skipped} test${skipped === 1 ? ' was' : 's were'} skipped`
  return undefined
}

/** The first filter option on the command line (before a bare `--`), as a reason. */
function argvFilter(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    if (arg === '--') return undefined
    if (!arg.startsWith('--')) continue
    const name = arg.slice(2).split('=')[0] as string
    const camel = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
    const reason = FILTER_OPTIONS[camel]
    if (reason !== undefined) return reason
  }
  return undefined
}
