import { symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { EntryRow as Row } from '../src/internal/entry-row.js'
import { pcmAudio, putPython, putTs, sinePcm, tempCache } from './helpers/caches.js'
import { russo } from './helpers/run-russo.js'

/** Two russo-ts entries, one Python russo entry, a foreign file and a link to a file outside. */
function mixedCache() {
  const dir = tempCache()
  const flight = putTs(dir, 'Book a flight from Berlin to Rome', pcmAudio(1.5), {
    extra: { voice: 'Kore', model: 'gemini-tts' },
    synthMs: 640,
  })
  const hello = putTs(dir, 'Hello there', pcmAudio(0.25, 24_000), { extra: { voice: 'alloy' } })
  const [python] = putPython(dir, [{ prompt: 'Python wrote me', data: sinePcm(0.5, 24_000), format: 'pcm' }])
  writeFileSync(join(dir, 'NOTES.txt'), 'not russo')
  writeFileSync(join(dir, '..', 'outside.meta'), '{"format":"pcm","sample_rate":16000,"prompt":"outside"}')
  symlinkSync(join(dir, '..', 'outside.meta'), join(dir, 'linked.meta'))
  symlinkSync(join(dir, '..', 'outside.meta'), join(dir, 'linked.audio'))
  return { dir, flight, hello, python: python as string }
}

describe('russo ls', () => {
  test('--json lists every valid entry with its figures, Python ones included, and no link or foreign file', async () => {
    const { dir, flight, hello, python } = mixedCache()
    const run = await russo(['ls', '--dir', dir, '--json'])
    expect(run.code).toBe(0)
    const { cacheDir, entries } = run.json<{ cacheDir: string; entries: Row[] }>()
    expect(cacheDir).toBe(dir)
    expect(entries.map((e) => e.key)).toEqual([flight, hello, python])
    expect(entries[0]).toMatchObject({
      prompt: 'Book a flight from Berlin to Rome',
      format: 'pcm',
      sampleRate: 16_000,
      durationSeconds: 1.5,
      bytes: 48_000,
      voice: 'Kore',
      model: 'gemini-tts',
      synthMs: 640,
      writer: 'russo-ts',
    })
    expect(entries[2]).toMatchObject({
      prompt: 'Python wrote me',
      writer: 'python',
      durationSeconds: 0.5,
      synthMs: null,
    })
  })

  test('--grep filters on prompt, key, voice or model; --sort orders', async () => {
    const { dir, flight, hello } = mixedCache()
    const grep = await russo(['ls', '--dir', dir, '--json', '--grep', 'ALLOY'])
    expect(grep.json<{ entries: Row[] }>().entries.map((e) => e.key)).toEqual([hello])
    const bySize = await russo(['ls', '--dir', dir, '--json', '--sort', 'size'])
    expect(bySize.json<{ entries: Row[] }>().entries[0]?.key).toBe(flight)
    const byDuration = await russo(['ls', '--dir', dir, '--json', '--sort', 'duration'])
    expect(byDuration.json<{ entries: Row[] }>().entries.map((e) => e.durationSeconds)).toEqual([1.5, 0.5, 0.25])
  })

  test('prints a table with the prompt, duration and voice; an empty cache says so', async () => {
    const { dir, flight } = mixedCache()
    const run = await russo(['ls', '--dir', dir])
    expect(run.code).toBe(0)
    const line = run.stdout.split('\n').find((l) => l.startsWith(flight))
    expect(line).toMatch(
      /Book a flight from Berlin to Rome\s+pcm\s+16000\s+1\s+1\.50 s\s+46\.9 kB\s+\d+ s\s+640 ms\s+Kore \/ gemini-tts/,
    )
    expect(run.stdout).toContain(`3 entries in ${dir}`)
    expect(run.stdout).not.toContain('\u001b[')
    const coloured = await russo(['ls', '--dir', dir], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })
    expect(coloured.stdout).toContain('\u001b[1mkey')
    const empty = await russo(['ls', '--dir', tempCache()])
    expect([empty.code, empty.stdout.trim()]).toEqual([0, expect.stringMatching(/^No entries in /)])
  })
})

describe('russo show', () => {
  test('finds an entry by key, key prefix, prompt or part of one, with checks', async () => {
    const { dir, flight, python } = mixedCache()
    for (const query of [flight, flight.slice(0, 8), 'Book a flight from Berlin to Rome', 'berlin']) {
      const run = await russo(['show', query, '--dir', dir, '--json'])
      expect(run.code, query).toBe(0)
      const [entry, ...more] = run.json<{ entries: Record<string, unknown>[] }>().entries
      expect(more).toEqual([])
      expect(entry).toMatchObject({ key: flight, sha256Ok: true, keyMatches: true, bytesPerSecond: 32_000 })
    }
    const py = (await russo(['show', python, '--dir', dir, '--json'])).json<{ entries: Record<string, unknown>[] }>()
    expect(py.entries[0]).toMatchObject({ writer: 'python', sha256Ok: null, keyMatches: null })
    const text = await russo(['show', 'berlin', '--dir', dir])
    expect(text.stdout).toContain('voice/model  Kore / gemini-tts')
    expect(text.stdout).toContain('sha256 ok    yes')
  })

  test('no match exits 3 naming the query; a corrupt entry says to run verify', async () => {
    const { dir } = mixedCache()
    const none = await russo(['show', 'nothing like this', '--dir', dir])
    expect([none.code, none.stderr]).toEqual([3, expect.stringContaining('"nothing like this"')])
    writeFileSync(join(dir, 'deadbeef.meta'), '{ not json')
    const corrupt = await russo(['show', 'deadbeef', '--dir', dir, '--json'])
    expect(corrupt.code).toBe(3)
    expect(corrupt.json()).toEqual({
      error: { code: 'RUSSO_CLI_NOT_FOUND', message: expect.stringContaining('russo verify') },
    })
  })
})

describe('russo stats', () => {
  test('totals by format, voice and writer, with synthesis time and dates', async () => {
    const { dir, flight, hello, python } = mixedCache()
    const run = await russo(['stats', '--dir', dir, '--json'])
    expect(run.code).toBe(0)
    const f = run.json<Record<string, unknown>>()
    expect(f).toMatchObject({
      entries: 3,
      bytes: 48_000 + 12_000 + 24_000,
      durationSeconds: 2.25,
      unknownDuration: 0,
      byWriter: { 'russo-ts': 2, python: 1 },
      byVoice: { 'Kore / gemini-tts': { entries: 1 }, alloy: { entries: 1 }, '-': { entries: 1 } },
      byFormat: { pcm: { entries: 3, durationSeconds: 2.25 } },
      synthMs: 640,
      synthMsEntries: 1,
    })
    expect((f.newest as { key: string }).key).toBe(python)
    expect([flight, hello]).toContain((f.oldest as { key: string }).key)
    const text = await russo(['stats', '--dir', dir])
    expect(text.stdout).toMatch(/russo-ts 2, Python russo 1/)
  })

  test('one entry is "1 entry", in the totals and in every group', async () => {
    const dir = tempCache()
    putTs(dir, 'only one', pcmAudio(0.5), { synthMs: 100 })
    const text = await russo(['stats', '--dir', dir])
    expect(text.stdout).toMatch(/entries\s+1 entry, /)
    expect(text.stdout).toMatch(/format pcm\s+1 entry, /)
    expect(text.stdout).toContain('recorded for 1 entry:')
    expect(text.stdout).not.toContain('1 entries')
  })
})
