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
  selectProjects?: readonly string[]
  ignoreProjects?: readonly string[]
}

/**
 * Why this run did not run every test of every project, or `undefined` when it did. Only such a run
 * knows which cache entries no test uses.
 */
export function partialRunReason(config: RunScopeInput, skippedTests: number): string | undefined {
  if (config.shard) return `this run is shard ${config.shard.shardIndex}/${config.shard.shardCount}`
  if (config.testNamePattern) return 'a test name filter (-t) left out tests'
  const patterns = Array.isArray(config.testPathPatterns)
    ? config.testPathPatterns
    : ((config.testPathPatterns as { patterns?: readonly string[] } | undefined)?.patterns ?? [])
  if (patterns.length > 0 || config.testPathPattern) return 'a test path filter left out test files'
  if (config.onlyChanged || config.findRelatedTests) return 'only tests related to changed files ran'
  if (config.onlyFailures) return 'only failed tests ran'
  if (config.selectProjects?.length || config.ignoreProjects?.length) return 'a project filter left out projects'
  if (skippedTests > 0) return `${skippedTests} test${skippedTests === 1 ? ' was' : 's were'} skipped`
  return undefined
}
