import { spawn } from 'node:child_process'
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cacheKey } from '@russo/cache'
import { describe, expect, test } from 'vitest'
import type { VerifyOutput } from '../src/commands/verify.js'
import { backdate, names, putPython, putTs, sinePcm, tempCache } from './helpers/caches.js'
import { BIN, russo } from './helpers/run-russo.js'

/** A cache with every kind of damage next to intact entries of both writers. */
function damagedCache() {
  const dir = tempCache()
  const good = putTs(dir, 'intact')
  const [python] = putPython(dir, [{ prompt: 'python intact', data: sinePcm(0.2) }])
  const flipped = putTs(dir, 'flipped byte')
  const audio = readFileSync(join(dir, `${flipped}.audio`))
  audio[100] = (audio[100] ?? 0) ^ 0xff
  writeFileSync(join(dir, `${flipped}.audio`), audio)
  const truncated = putTs(dir, 'truncated')
  writeFileSync(join(dir, `${truncated}.audio`), audio.subarray(0, 10))
  backdate(join(dir, `${truncated}.audio`), 60_000)
  const badjson = cacheKey('bad json')
  writeFileSync(join(dir, `${badjson}.meta`), '{ nope')
  const orphan = cacheKey('orphan')
  writeFileSync(join(dir, `${orphan}.audio`), 'lost its meta')
  backdate(join(dir, `${orphan}.audio`), 60_000)
  writeFileSync(join(dir, '..', 'precious.txt'), 'outside the cache')
  symlinkSync(join(dir, '..', 'precious.txt'), join(dir, 'linked.meta'))
  writeFileSync(join(dir, 'README.md'), 'mine')
  return { dir, good, python: python as string, flipped, truncated, badjson, orphan }
}

describe('russo verify', () => {
  test('an intact cache of both writers passes with exit 0', async () => {
    const dir = tempCache()
    putTs(dir, 'one')
    putPython(dir, [{ prompt: 'two', data: sinePcm(0.1) }])
    const run = await russo(['verify', '--dir', dir])
    expect([run.code, run.stdout.trim()]).toEqual([0, '2 entries checked, 2 intact, 0 corrupt.'])
  })

  test('reports every corrupt entry, orphan, link and foreign file, removes nothing, exits 1', async () => {
    const { dir, flipped, truncated, badjson, orphan } = damagedCache()
    const before = names(dir)
    const run = await russo(['verify', '--dir', dir, '--json'])
    expect(run.code).toBe(1)
    const out = run.json<VerifyOutput>()
    expect(out.checked).toBe(5)
    expect(out.ok).toBe(2)
    expect(Object.fromEntries(out.corrupt.map((c) => [c.key, c.reason]))).toEqual({
      [flipped]: 'audio does not match meta.sha256',
      [truncated]: expect.stringMatching(/^audio has 10 bytes, meta says \d+$/),
      [badjson]: 'meta is not valid JSON',
    })
    expect(out.corrupt.every((c) => !c.removed)).toBe(true)
    expect(out.orphanAudio).toEqual([`${orphan}.audio`])
    expect(out.foreign.map((f) => f.name).sort()).toEqual(['README.md', 'linked.meta'])
    expect(out.foreign.find((f) => f.name === 'linked.meta')?.why).toContain('a symbolic link')
    expect(names(dir)).toEqual(before)
    const text = await russo(['verify', '--dir', dir])
    expect(text.stdout).toContain(`corrupt  ${flipped}: audio does not match meta.sha256`)
    expect(text.stdout).toContain('Run `russo verify --fix`')
  })

  test('--fix removes corrupt entries and leftovers of ours only: never the link, its target or a foreign file', async () => {
    const { dir, good, python, flipped, truncated, badjson, orphan } = damagedCache()
    const run = await russo(['verify', '--fix', '--dir', dir, '--json'])
    const out = run.json<VerifyOutput>()
    expect(
      out.corrupt
        .filter((c) => c.removed)
        .map((c) => c.key)
        .sort(),
    ).toEqual([badjson, flipped, truncated].sort())
    expect(out.cleanedUp.map((item) => item.files)).toEqual([[`${orphan}.audio`]])
    expect(names(dir)).toEqual(
      ['README.md', 'linked.meta', `${good}.audio`, `${good}.meta`, `${python}.audio`, `${python}.meta`].sort(),
    )
    expect(readFileSync(join(dir, '..', 'precious.txt'), 'utf8')).toBe('outside the cache')
    // The link is foreign, not corrupt: what is russo's is clean now.
    expect(run.code).toBe(0)
  })

  test('--fix on a cache with only removable damage ends clean, exit 0, and a second verify agrees', async () => {
    const dir = tempCache()
    putTs(dir, 'fine')
    writeFileSync(join(dir, `${cacheKey('broken')}.meta`), '[]')
    const fix = await russo(['verify', '--fix', '--dir', dir])
    expect([fix.code, fix.stdout]).toEqual([0, expect.stringContaining('1 corrupt, 1 removed')])
    expect((await russo(['verify', '--dir', dir])).code).toBe(0)
  })

  test('plain progress lines on a pipe for a cache that takes a moment, none with --json', async () => {
    const dir = tempCache()
    for (let i = 0; i < 600; i++) putTs(dir, `prompt ${i}`)
    const run = await russo(['verify', '--dir', dir])
    expect(run.code).toBe(0)
    expect(run.stderr.trim().split('\n').at(-1)).toBe('verify: 600/600')
    expect(run.stderr).not.toContain('\u001b[')
    expect((await russo(['verify', '--dir', dir, '--json'])).stderr).toBe('')
  })

  test('a progress bar on a terminal (stderr), gone when done', async () => {
    const dir = tempCache()
    for (let i = 0; i < 600; i++) putTs(dir, `prompt ${i}`)
    const output = await new Promise<string>((resolve) => {
      const child = spawn('script', ['-qec', `${process.execPath} ${BIN} verify --dir ${dir}`, '/dev/null'])
      let text = ''
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString()
      })
      child.on('close', () => resolve(text))
    })
    expect(output).toMatch(/verify \[[\u2588\u2591]{40}\] \d+\/600/)
    expect(output).toContain('600 entries checked, 600 intact, 0 corrupt.')
    expect(output).not.toMatch(/verify: \d+\/600/)
  })
})
