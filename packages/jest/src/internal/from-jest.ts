import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { ProjectConfigLike } from './settings.js'

/**
 * Requires a package of the Jest that runs this project (`jest-environment-node`, `@jest/transform`),
 * so its major always matches the user's Jest. jest-runner depends on both: first from the project's
 * runner, then, for a custom runner, from the jest-runner of the project's own `jest`.
 */
export function requireFromJest<T>(config: ProjectConfigLike, id: string): T {
  const bases = [config.runner, () => jestRunnerOf(config.rootDir)]
  let lastError: unknown
  for (const base of bases) {
    try {
      const from = typeof base === 'function' ? base() : base
      if (from !== undefined) return createRequire(from)(id) as T
    } catch (error) {
      lastError = error
    }
  }
  throw lastError ?? new Error(`cannot find ${id} from the project's Jest (rootDir ${config.rootDir})`)
}

function jestRunnerOf(rootDir: string): string {
  const jest = createRequire(join(rootDir, 'package.json')).resolve('jest')
  const core = createRequire(jest).resolve('@jest/core')
  return createRequire(core).resolve('jest-runner')
}
