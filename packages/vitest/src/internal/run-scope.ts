import type { TestModule, TestSpecification, Vitest } from 'vitest/node'

/**
 * Why this run did not run every test of every project, or `undefined` when it did. Only such a run
 * knows which cache entries no test uses.
 */
export async function partialRunReason(
  vitest: Vitest,
  specifications: readonly TestSpecification[],
  modules: readonly TestModule[],
): Promise<string | undefined> {
  const config = vitest.config as typeof vitest.config & { project?: unknown }
  if (config.shard) return `this run is shard ${config.shard.index}/${config.shard.count}`
  if (Array.isArray(config.project) && config.project.length > 0)
    return `--project ${config.project.join(', ')} left out other projects`
  if (vitest.getGlobalTestNamePattern() !== undefined) return 'a test name filter (-t) left out tests'
  // Merged blob reports hold the modules of every shard that was merged: a missing shard leaves files out.
  const merged = Boolean(config.mergeReports)
  const ran = new Set(
    merged
      ? modules.map((m) => id(m.project.name, m.moduleId))
      : specifications.map((s) => id(s.project.name, s.moduleId)),
  )
  const left = (await vitest.globTestSpecifications()).filter(
    (spec) => !ran.has(id(spec.project.name, spec.moduleId)),
  ).length
  const files = `${left} test file${left === 1 ? '' : 's'}`
  if (left > 0) return merged ? `${files} are missing from the merged reports` : `a file filter left out ${files}`
  let skipped = 0
  for (const module of modules) {
    for (const test of module.children.allTests('skipped')) if (test.options.mode !== 'todo') skipped++
  }
  if (skipped > 0) return `${skipped} test${skipped === 1 ? ' was' : 's were'} skipped`
  return undefined
}

function id(project: string, moduleId: string): string {
  return `${project}\0${moduleId}`
}
