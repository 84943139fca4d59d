import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { createInstall, type Install, JEST_PACKAGES } from './install.js'

declare module 'vitest' {
  interface ProvidedContext {
    russoInstalls: Install[]
  }
}

/** One install per Jest major under test, shared by every test; `RUSSO_E2E_JEST=current` narrows it. */
export function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'russo-jest-e2e-'))
  const wanted = (process.env.RUSSO_E2E_JEST ?? 'current,oldest').split(',')
  const labels = (Object.keys(JEST_PACKAGES) as (keyof typeof JEST_PACKAGES)[]).filter((l) => wanted.includes(l))
  project.provide(
    'russoInstalls',
    labels.map((label) => createInstall(root, label)),
  )
  return () => rmSync(root, { recursive: true, force: true })
}
