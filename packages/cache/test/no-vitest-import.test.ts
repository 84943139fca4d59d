import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const pkg = fileURLToPath(new URL('..', import.meta.url))

/** Any static import/export-from, dynamic import() or require() of vitest or @vitest/*. */
const VITEST_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](?:vitest|@vitest\/[^'"]*)(?:\/[^'"]*)?['"]/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : /\.[cm]?[jt]s$/.test(entry.name) ? [path] : []
  })
}

test('the pattern catches every way of importing vitest', () => {
  for (const line of [
    "import { test } from 'vitest'",
    'import type { Reporter } from "vitest/node"',
    "export { expect } from '@vitest/expect'",
    "import 'vitest'",
    "await import('vitest/config')",
    "const v = require('vitest')",
  ]) {
    expect(line).toMatch(VITEST_IMPORT)
  }
  expect("import { x } from './vitest-like.js'").not.toMatch(VITEST_IMPORT)
})

test('no file under src imports vitest', () => {
  const files = sourceFiles(join(pkg, 'src'))
  expect(files.length).toBeGreaterThan(10)
  const offenders = files.filter((file) => VITEST_IMPORT.test(readFileSync(file, 'utf8')))
  expect(offenders).toEqual([])
})

test('vitest is not a runtime dependency of @russo/cache', () => {
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as Record<string, Record<string, string>>
  const runtime = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies }
  expect(Object.keys(runtime).filter((name) => name === 'vitest' || name.startsWith('@vitest/'))).toEqual([])
})
