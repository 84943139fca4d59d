import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { AudioCache, CachedSynthesizer, cacheKey } from '../src/index.js'
import { fakeSynthesizer } from './helpers/fake-synthesizer.js'
import { bytesOf, captureLogger, entryFiles, makeAudio, tempDir } from './helpers/fixtures.js'
import { findPython, runPython, SEED_CACHE_PY, warnNoPython } from './helpers/python.js'

const PROMPTS: { prompt: string; extra: Record<string, unknown> }[] = [
  { prompt: 'Book a flight from Berlin to Rome', extra: {} },
  { prompt: 'Café crème, 日本語, emoji 🎧', extra: { voice: 'Kore', model: 'gemini-2.5-flash-preview-tts' } },
  { prompt: 'quotes " and \\ backslash\nnewline', extra: { speed: 1.25, seed: 7, style: null } },
]

interface PyRead {
  entries: ({
    data_hex: string
    format: string
    sample_rate: number
    sample_rate_is_int: boolean
    prompt: string
  } | null)[]
  size: number
}

/** A locale whose preferred encoding is ASCII, as Windows' cp1252 is not UTF-8 either. */
const NON_UTF8_ENV = { ...process.env, LC_ALL: 'C', LANG: 'C', PYTHONUTF8: '0', PYTHONCOERCECLOCALE: '0' }

function writeWithTs(dir: string): string[] {
  const cache = new AudioCache(dir, { logger: captureLogger().logger })
  return PROMPTS.map(({ prompt, extra }, i) => {
    const key = cache.cacheKey(prompt, extra)
    cache.put(key, makeAudio({ size: 50 + i, seed: i, format: i === 1 ? 'wav' : 'pcm', sampleRate: 22_050 }), {
      prompt,
      extra,
    })
    return key
  })
}

test('meta files russo-ts writes are pure ASCII, as json.dumps writes them', () => {
  const dir = tempDir()
  for (const key of writeWithTs(dir)) {
    const meta = readFileSync(entryFiles(dir, key).meta)
    expect(meta.every((byte) => byte < 0x80)).toBe(true)
    expect((JSON.parse(meta.toString('utf8')) as { prompt: string }).prompt).toBe(
      PROMPTS.find((p) => cacheKey(p.prompt, p.extra) === key)?.prompt,
    )
  }
})

test("Python russo's get reads entries written by russo-ts: same bytes, format, int sample_rate, prompt", () => {
  const python = findPython()
  const dir = tempDir()
  const keys = writeWithTs(dir)
  if (!python.found) {
    warnNoPython(python.reason, 'Checked the TS side of the format only.')
    expect(keys.map((k) => new AudioCache(dir).has(k))).toEqual([true, true, true])
    return
  }
  for (const env of [process.env, NON_UTF8_ENV]) {
    const read = runPython<PyRead>(python.command, [SEED_CACHE_PY, 'read', dir], [...keys, 'absent0key'], env)
    expect(read.size).toBe(3)
    expect(read.entries.at(-1)).toBeNull()
    PROMPTS.forEach(({ prompt }, i) => {
      const audio = makeAudio({ size: 50 + i, seed: i })
      expect(read.entries[i]).toEqual({
        data_hex: Buffer.from(audio.data).toString('hex'),
        format: i === 1 ? 'wav' : 'pcm',
        sample_rate: 22_050,
        sample_rate_is_int: true,
        prompt,
      })
    })
  }
})

/** The bytes CPython's `json.dumps(meta, indent=2)` wrote for PROMPTS[1] (no trailing newline). */
const RECORDED_PY_META =
  '{\n  "format": "wav",\n  "sample_rate": 24000,\n  "prompt": "Caf\\u00e9 cr\\u00e8me, \\u65e5\\u672c\\u8a9e, emoji \\ud83c\\udfa7"\n}'

test("entries written by Python russo's put are hits in russo-ts under the same key, as 16-bit mono", async () => {
  const recorded = tempDir()
  const { prompt = '', extra = {} } = PROMPTS[1] ?? {}
  writeFileSync(entryFiles(recorded, cacheKey(prompt, extra)).audio, makeAudio({ size: 41, seed: 10 }).data)
  writeFileSync(entryFiles(recorded, cacheKey(prompt, extra)).meta, RECORDED_PY_META)
  const entry = new AudioCache(recorded).getEntry(cacheKey(prompt, extra), { prompt })
  expect(entry?.audio).toMatchObject({ format: 'wav', sampleRate: 24_000, channels: 1, sampleWidth: 2 })
  expect(entry?.meta).toEqual({ format: 'wav', sampleRate: 24_000, prompt })

  const python = findPython()
  if (!python.found) {
    warnNoPython(python.reason, 'Checked the recorded bytes of a Python-written entry only.')
    return
  }
  const dir = join(tempDir(), 'written-by-python')
  const request = PROMPTS.map(({ prompt, extra }, i) => ({
    prompt,
    extra,
    data_hex: Buffer.from(makeAudio({ size: 40 + i, seed: 9 + i }).data).toString('hex'),
    format: 'wav',
    sample_rate: 24_000,
  }))
  const pyKeys = runPython<string[]>(python.command, [SEED_CACHE_PY, 'write', dir], request)
  expect(pyKeys).toEqual(PROMPTS.map(({ prompt, extra }) => cacheKey(prompt, extra)))
  expect(readFileSync(entryFiles(dir, pyKeys[1] as string).meta, 'utf8')).toBe(RECORDED_PY_META)

  const { logger, warnings } = captureLogger()
  const cache = new AudioCache(dir, { logger })
  PROMPTS.forEach(({ prompt }, i) => {
    const entry = cache.getEntry(pyKeys[i] as string, { prompt })
    expect(entry?.audio).toMatchObject({ format: 'wav', sampleRate: 24_000, channels: 1, sampleWidth: 2 })
    expect(bytesOf(entry?.audio)).toEqual(bytesOf(makeAudio({ size: 40 + i, seed: 9 + i })))
    expect(entry?.meta).toEqual({ format: 'wav', sampleRate: 24_000, prompt })
  })
  expect(await cache.verify()).toMatchObject({ checked: 3, corrupt: [] })

  const inner = fakeSynthesizer({ cacheKeyExtra: PROMPTS[1]?.extra ?? {} })
  const offline = new CachedSynthesizer(inner, { cache, logger, mode: 'offline' })
  expect(bytesOf(await offline.synthesize(PROMPTS[1]?.prompt ?? ''))).toEqual(
    bytesOf(makeAudio({ size: 41, seed: 10 })),
  )
  expect([inner.calls.length, warnings]).toEqual([0, []])
})
