import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { createInstall, type Install, VITEST_PACKAGES, type VitestLabel } from './install.js'

declare module 'vitest' {
  interface ProvidedContext {
    russoInstalls: Install[]
  }
}

const [nodeMajor = 0, nodeMinor = 0] = process.versions.node.split('.').map(Number)
const nodeRunsVitest5 = nodeMajor > 22 || (nodeMajor === 22 && nodeMinor >= 12)

/**
 * One install per Vitest version under test: 4.1.x and 4.1.0 on Node 20, Vitest 5 on Node >= 22.12.
 * `RUSSO_E2E_VITEST=current,oldest,v5` (any of them) chooses.
 */
export function setup(project: TestProject): () => void {
  const wanted = (process.env.RUSSO_E2E_VITEST || (nodeRunsVitest5 ? 'v5' : 'current,oldest')).split(',')
  const unknown = wanted.filter((label) => !(label in VITEST_PACKAGES))
  if (unknown.length > 0) {
    throw new Error(`RUSSO_E2E_VITEST: unknown ${unknown.join(', ')}; use ${Object.keys(VITEST_PACKAGES).join(', ')}.`)
  }
  if (wanted.includes('v5') && !nodeRunsVitest5) {
    throw new Error(`RUSSO_E2E_VITEST=v5 needs Node >= 22.12 (Vitest 5's own requirement); this is ${process.version}.`)
  }
  const root = mkdtempSync(join(tmpdir(), 'russo-e2e-'))
  project.provide(
    'russoInstalls',
    (wanted as VitestLabel[]).map((label) => createInstall(root, label)),
  )
  return () => rmSync(root, { recursive: true, force: true })
}
