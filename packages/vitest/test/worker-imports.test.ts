import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

// Every test file's process loads the fixtures' module graph (forks pool: one process per file), so what
// it reaches is paid per file: runner-kit's main entry (flags, settings, report, prune, picocolors) cost
// ~25 ms a file on Vitest 5 (docs/benchmarks.md). Walks the built imports from @russo/vitest's test entry.
const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url))

function graph(start: string): Set<string> {
  const seen = new Set<string>()
  const todo = [start]
  while (todo.length > 0) {
    const file = todo.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const [, specifier] of source.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
      if (specifier === undefined || specifier.startsWith('node:') || specifier === 'vitest') continue
      const resolved = specifier.startsWith('.')
        ? join(dirname(file), specifier)
        : createRequire(file).resolve(specifier)
      todo.push(resolved)
    }
  }
  return seen
}

test("the test entry reaches runner-kit's worker modules only, not its main-process ones", () => {
  const reached = [...graph(entry)].map((file) => file.replace(/.*\/(node_modules|packages)\//, ''))
  const kit = reached.filter((file) => /runner-kit\/dist\//.test(file)).map((file) => file.replace(/.*\//, ''))
  expect(kit.sort()).toEqual(['config-error.js', 'make-synthesizer.js', 'probe.js', 'remote.js', 'worker.js'])
  expect(reached.filter((file) => /picocolors/.test(file))).toEqual([])
})
