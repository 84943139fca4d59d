import { readFileSync } from 'node:fs'
import { KNOWN_ENV, KNOWN_FLAGS } from '@russo/runner-kit'
import { expect, test } from 'vitest'

// The README's flag table is what users read: every flag and variable runner-kit knows is in it.
test('the README flag table lists every russo flag and variable', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const rows = readme.split('\n').filter((line) => line.startsWith('| `--russo-') || line.startsWith('|    '))
  const flags = rows.map((row) => /^\| `(--russo-[a-z-]+)/.exec(row)?.[1]).filter((flag) => flag !== undefined)
  expect([...flags].sort()).toEqual([...KNOWN_FLAGS].sort())
  for (const name of KNOWN_ENV) expect(readme).toContain(`\`${name}`)
})
