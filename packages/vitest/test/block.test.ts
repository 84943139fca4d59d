import { stripVTControlCharacters } from 'node:util'
import { emptyStats } from '@russo/cache'
import { type BlockInput, formatBlock } from '@russo/runner-kit'
import { describe, expect, test } from 'vitest'

const root = '/project'
const cacheDir = '/project/.russo_cache'
const entry = (n: number) => ({ cacheDir, key: `key${n}`, prompt: `prompt ${n}` })

function block(input: Partial<BlockInput>): string[] {
  const base: BlockInput = {
    root,
    cacheDirs: [cacheDir],
    modes: ['auto'],
    total: emptyStats(),
    unused: [],
    cleared: undefined,
    prune: undefined,
    dryRun: false,
    failed: false,
    ci: false,
  }
  // Colours depend on the terminal (and CI); the words do not.
  return stripVTControlCharacters(formatBlock({ ...base, ...input }))
    .split('\n')
    .filter((line) => line !== '')
}

describe('the russo block', () => {
  test('counts read as written: 1 entry, 2 entries', () => {
    const one = block({ cleared: 1, prune: 1 })
    expect(one).toContain('       cleared 1 entry before the run (--russo-clear-cache)')
    expect(one).toContain('       pruned 1 unused entry (--russo-prune)')
    const two = block({ cleared: 2, prune: 2 })
    expect(two).toContain('       cleared 2 entries before the run (--russo-clear-cache)')
    expect(two).toContain('       pruned 2 unused entries (--russo-prune)')
  })

  test('unused entries point to the dry run on a passing run, and to nothing on a failing one', () => {
    expect(block({ unused: [entry(1)] })[0]).toContain('unused 1 (--russo-prune-dry-run lists them)')
    expect(block({ unused: [entry(1)], failed: true })[0]).toMatch(/unused 1$/)
    expect(block({ unused: [] })[0]).toMatch(/unused 0$/)
  })

  test('the dry run lists key and prompt of each entry prune would remove, up to 20, then a count', () => {
    const lines = block({ dryRun: true, unused: Array.from({ length: 22 }, (_, i) => entry(i)) })
    expect(lines[1]).toBe('       --russo-prune-dry-run: --russo-prune would remove 22 entries:')
    expect(lines[2]).toBe('         key0  "prompt 0"')
    expect(lines).toHaveLength(1 + 1 + 20 + 1)
    expect(lines.at(-1)).toBe('         … and 2 more (all of them in the JSON report)')
  })

  test('a dry run of a filtered run says why it lists nothing', () => {
    expect(block({ dryRun: true, unused: undefined })[1]).toBe(
      '       --russo-prune-dry-run lists nothing: only a run of every test knows which entries are unused',
    )
  })
})
