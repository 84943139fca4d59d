import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { createInstall, type Install, VITEST_PACKAGES } from './install.js'

declare module 'vitest' {
  interface ProvidedContext {
    russoInstalls: Install[]
  }
}

/** One install per Vitest version under test; `RUSSO_E2E_VITEST=current` (or `oldest`) narrows it. */
export function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'russo-e2e-'))
  const wanted = (process.env.RUSSO_E2E_VITEST ?? 'current,oldest').split(',')
  const labels = (Object.keys(VITEST_PACKAGES) as (keyof typeof VITEST_PACKAGES)[]).filter((label) =>
    wanted.includes(label),
  )
  project.provide(
    'russoInstalls',
    labels.map((label) => createInstall(root, label)),
  )
  return () => rmSync(root, { recursive: true, force: true })
}
