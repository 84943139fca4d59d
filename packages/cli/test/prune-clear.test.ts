import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { backdate, names, putPython, putTs, sinePcm, tempCache } from './helpers/caches.js'
import { BIN, russo } from './helpers/run-russo.js'

/** A run report as @russo/vitest writes it (`RussoJsonReport`), for a run that used `used` of `dir`. */
function writeReport(
  path: string,
  dir: string,
  files: Record<string, string[]>,
  options: { unused?: { key: string; prompt: string }[] | null; withKeys?: boolean } = {},
): string {
  const report = {
    version: 1,
    cacheDirs: [dir],
    modes: ['auto'],
    total: { hits: 0, misses: 0 },
    files: Object.entries(files).map(([file, keys]) => ({
      project: 'app',
      file,
      cacheDir: dir,
      stats: { hits: keys.length, misses: 0 },
      ...(options.withKeys === false ? {} : { keys }),
    })),
    unused: options.unused === undefined || options.unused === null ? null : options.unused.length,
    unusedEntries:
      options.unused === undefined || options.unused === null
        ? null
        : options.unused.map((e) => ({ cacheDir: dir, ...e })),
    pruned: null,
    cleared: null,
    ci: false,
  }
  writeFileSync(path, JSON.stringify(report))
  return path
}

function cacheOfFour() {
  const dir = tempCache()
  const [a, b, c] = ['used by shard 1', 'used by shard 2', 'used by nobody'].map((p) => putTs(dir, p)) as string[]
  const [py] = putPython(dir, [{ prompt: 'python, unused', data: sinePcm(0.1) }])
  writeFileSync(join(dir, 'KEEP.txt'), 'foreign')
  return { dir, a: a as string, b: b as string, c: c as string, py: py as string }
}

describe('russo prune --unused', () => {
  test('with the keys of several full runs (one per runner): keeps what any used; --dry-run lists prompt and key and removes nothing', async () => {
    const { dir, a, b, c, py } = cacheOfFour()
    // Each runner's own unused list cannot see the other's tests: the per-file keys decide.
    const r1 = writeReport(join(dir, '..', 'vitest.json'), dir, { 'a.test.ts': [a] }, { unused: [] })
    const r2 = writeReport(join(dir, '..', 'jest.json'), dir, { 'b.test.ts': [b] }, { unused: [] })
    const before = names(dir)
    // Shards are partial runs: their keys say nothing of the tests other shards ran, so they never prune.
    const s1 = writeReport(join(dir, '..', 'shard1.json'), dir, { 'a.test.ts': [a] })
    const s2 = writeReport(join(dir, '..', 'shard2.json'), dir, { 'b.test.ts': [b] })
    const shards = await russo(['prune', '--unused', '--report', s1, s2, '--dir', dir])
    expect([shards.code, shards.stderr]).toEqual([2, expect.stringContaining('comes from a partial run')])
    expect(names(dir)).toEqual(before)
    const dry = await russo(['prune', '--unused', '--report', r1, r2, '--dry-run', '--dir', dir])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(`would remove  ${c}  entry  unused by the reported runs  "used by nobody"`)
    expect(dry.stdout).toContain(`would remove  ${py}  entry  unused by the reported runs  "python, unused"`)
    expect(dry.stdout).toContain('would remove 2 of 4 entries')
    expect(names(dir)).toEqual(before)
    const run = await russo(['prune', '--unused', '--report', r1, '--report', r2, '--dir', dir, '--json'])
    expect(run.json<{ removed: { key: string }[]; kept: number }>()).toMatchObject({
      dryRun: false,
      removed: expect.arrayContaining([
        expect.objectContaining({ key: c, prompt: 'used by nobody', kind: 'entry' }),
        expect.objectContaining({ key: py, prompt: 'python, unused', kind: 'entry' }),
      ]),
      kept: 2,
    })
    expect(names(dir)).toEqual(['KEEP.txt', `${a}.audio`, `${a}.meta`, `${b}.audio`, `${b}.meta`].sort())
  })

  test("with full-run reports' unused entries (one per runner): removes only what every run left unused", async () => {
    const { dir, a, b, c, py } = cacheOfFour()
    const files = { 'a.test.ts': [], 'b.test.ts': [] }
    const linux = writeReport(join(dir, '..', 'linux.json'), dir, files, {
      withKeys: false,
      unused: [
        { key: b, prompt: 'used by shard 2' },
        { key: c, prompt: 'used by nobody' },
        { key: py, prompt: 'python, unused' },
      ],
    })
    const mac = writeReport(join(dir, '..', 'mac.json'), dir, files, {
      withKeys: false,
      unused: [
        { key: c, prompt: 'used by nobody' },
        { key: py, prompt: 'python, unused' },
      ],
    })
    const run = await russo(['prune', '--unused', '--report', linux, mac, '--dir', dir, '--json'])
    expect(run.code).toBe(0)
    expect(
      run
        .json<{ removed: { key: string }[] }>()
        .removed.map((r) => r.key)
        .sort(),
    ).toEqual([c, py].sort())
    expect(names(dir)).toEqual(['KEEP.txt', `${a}.audio`, `${a}.meta`, `${b}.audio`, `${b}.meta`].sort())
  })

  test('refuses partial-run reports, reports for another cache, or unreadable ones, naming the file (exit 2)', async () => {
    const { dir, a } = cacheOfFour()
    const other = writeReport(join(dir, '..', 'other.json'), '/somewhere/else/.russo_cache', { 'x.test.ts': [a] })
    const partial = writeReport(
      join(dir, '..', 'partial.json'),
      dir,
      { 'x.test.ts': [a] },
      { withKeys: false, unused: null },
    )
    const before = names(dir)
    for (const [report, message] of [
      [other, 'None of the run reports used'],
      [partial, 'comes from a partial run'],
      [join(dir, '..', 'missing.json'), 'Cannot read run report'],
    ] as const) {
      const run = await russo(['prune', '--unused', '--report', report, '--dir', dir])
      expect([run.code, run.stderr], report).toEqual([2, expect.stringContaining(message)])
    }
    expect((await russo(['prune', '--unused', '--dir', dir])).stderr).toContain('--report R.json')
    expect(names(dir)).toEqual(before)
  })
})

describe('russo prune --older-than', () => {
  test('removes entries older than the age, by created_at or (Python russo) the meta time', async () => {
    const { dir, a, b, c, py } = cacheOfFour()
    const meta = join(dir, `${a}.meta`)
    const old = { ...JSON.parse(readFileSync(meta, 'utf8')), created_at: '2020-01-01T00:00:00.000Z' }
    writeFileSync(meta, JSON.stringify(old, null, 2))
    backdate(join(dir, `${py}.meta`), 40 * 86_400_000)
    const run = await russo(['prune', '--older-than', '30d', '--dir', dir, '--json'])
    expect(run.code).toBe(0)
    const removed = run.json<{ removed: { key: string }[] }>().removed.map((r) => r.key)
    expect(removed.sort()).toEqual([a, py].sort())
    expect(names(dir)).toEqual(['KEEP.txt', `${b}.audio`, `${b}.meta`, `${c}.audio`, `${c}.meta`].sort())
  })

  test('a bad age or a wrong mix of options is a usage error (exit 2)', async () => {
    const { dir } = cacheOfFour()
    const bad = await russo(['prune', '--older-than', '30 days', '--dir', dir])
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--older-than "30 days" is not an age')])
    expect((await russo(['prune', '--dir', dir])).code).toBe(2)
    expect((await russo(['prune', '--unused', '--older-than', '1d', '--dir', dir])).code).toBe(2)
  })
})

/** Runs `russo clear` on a pseudo-terminal (util-linux `script`) and answers its question. */
function clearOnTerminal(dir: string, answer: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', `${process.execPath} ${BIN} clear --dir ${dir}`, '/dev/null'], {
      env: { ...process.env, NO_COLOR: '1' },
    })
    let output = ''
    let answered = false
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (!answered && output.includes('(y/N)')) {
        answered = true
        child.stdin.write(`${answer}\r`)
      }
    })
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe('russo clear', () => {
  test('removes only russo files: foreign files, folders, links and their targets stay', async () => {
    const { dir } = cacheOfFour()
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'sub', 'x.audio'), 'nested')
    writeFileSync(join(dir, '..', 'target.audio'), 'outside')
    symlinkSync(join(dir, '..', 'target.audio'), join(dir, 'abc.audio'))
    const run = await russo(['clear', '--yes', '--dir', dir, '--json'])
    expect(run.code).toBe(0)
    const out = run.json<{ removed: { kind: string }[]; foreign: { name: string }[] }>()
    expect(out.removed.map((item) => item.kind)).toEqual(['entry', 'entry', 'entry', 'entry'])
    expect(out.foreign.map((f) => f.name).sort()).toEqual(['KEEP.txt', 'abc.audio', 'sub'])
    expect(names(dir)).toEqual(['KEEP.txt', 'abc.audio', 'sub'])
    expect(readFileSync(join(dir, '..', 'target.audio'), 'utf8')).toBe('outside')
    expect(readFileSync(join(dir, 'sub', 'x.audio'), 'utf8')).toBe('nested')
  })

  test('without --yes and no terminal it refuses (exit 4) and removes nothing', async () => {
    const { dir } = cacheOfFour()
    const before = names(dir)
    const run = await russo(['clear', '--dir', dir])
    expect([run.code, run.stderr]).toEqual([4, expect.stringContaining('pass --yes')])
    expect(names(dir)).toEqual(before)
  })

  test('on a terminal it asks: "n" keeps everything (exit 4), "y" empties the cache', async () => {
    const { dir } = cacheOfFour()
    const before = names(dir)
    const no = await clearOnTerminal(dir, 'n')
    expect([no.code, no.output]).toEqual([4, expect.stringContaining('Remove all 4 entries')])
    expect(names(dir)).toEqual(before)
    const yes = await clearOnTerminal(dir, 'y')
    expect([yes.code, yes.output]).toEqual([0, expect.stringContaining('Removed 4 entries')])
    expect(names(dir)).toEqual(['KEEP.txt'])
  })
})
