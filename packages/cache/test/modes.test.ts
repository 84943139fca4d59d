import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  AudioCache,
  CachedSynthesizer,
  type CachedSynthesizerOptions,
  CacheMissError,
  type CacheMode,
  cacheKey,
  emptyStats,
  isCacheMissError,
  type Synthesizer,
} from '../src/index.js'
import { decode, type FakeSynthesizer, fakeSynthesizer, gate, spoken } from './helpers/fake-synthesizer.js'
import { captureLogger, entryFiles, exists, tempDir, writeRaw } from './helpers/fixtures.js'

function setup(mode: CacheMode, options: CachedSynthesizerOptions & { inner?: FakeSynthesizer } = {}) {
  const dir = join(tempDir(), 'cache')
  const { logger, warnings } = captureLogger()
  const inner = options.inner ?? fakeSynthesizer()
  const cache = new AudioCache(dir, { logger })
  const synth = new CachedSynthesizer(inner, { cache, logger, mode, ...options })
  return {
    dir,
    inner,
    cache,
    synth,
    warnings,
    again: (o: CachedSynthesizerOptions = {}) => new CachedSynthesizer(inner, { cache, logger, mode, ...o }),
  }
}

/** Moves an entry's created_at into the past, as if a previous run wrote it. */
function writtenLastYear(dir: string, key: string): void {
  const path = entryFiles(dir, key).meta
  const meta = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  writeRaw(path, { ...meta, created_at: new Date(Date.now() - 365 * 86_400_000).toISOString() })
}

describe('auto', () => {
  test('a miss synthesizes and stores, the next call is a hit; stats count both', async () => {
    const { synth, inner, cache } = setup('auto')
    expect(decode(await synth.synthesize('hello 🎧'))).toBe('hello 🎧#1')
    expect(decode(await synth.synthesize('hello 🎧'))).toBe('hello 🎧#1')
    expect(inner.calls.map((c) => c.text)).toEqual(['hello 🎧'])
    expect(cache.get(synth.keyFor('hello 🎧'), { prompt: 'hello 🎧' })).toBeDefined()
    const bytes = new TextEncoder().encode('hello 🎧#1').length
    expect(synth.stats).toMatchObject({ hits: 1, misses: 1, syntheses: 1, errors: 0 })
    expect(synth.stats).toMatchObject({
      charsSynthesized: 7,
      charsSaved: 7,
      bytesSynthesized: bytes,
      bytesFromCache: bytes,
    })
    expect(synth.stats.msSaved).toBe(cache.getEntry(synth.keyFor('hello 🎧'))?.meta.synthMs)
  })

  test('the stored entry records prompt, key extra and synthesis time', async () => {
    const inner = fakeSynthesizer({ cacheKeyExtra: { voice: 'Kore' } })
    const { synth, cache } = setup('auto', { inner })
    await synth.synthesize('hi')
    const meta = cache.getEntry(synth.keyFor('hi'))?.meta
    expect(meta).toMatchObject({ prompt: 'hi', format: 'pcm', sampleRate: 24_000, extra: { voice: 'Kore' } })
    expect(meta?.synthMs).toBeGreaterThanOrEqual(0)
  })

  test('10 concurrent calls for one prompt: 1 synthesis, 9 hits', async () => {
    const { synth, inner } = setup('auto')
    const results = await Promise.all(Array.from({ length: 10 }, () => synth.synthesize('same')))
    expect(new Set(results.map(decode))).toEqual(new Set(['same#1']))
    expect(inner.calls).toHaveLength(1)
    expect(synth.stats).toMatchObject({ hits: 9, misses: 1, syntheses: 1 })
  })

  test('a failed synthesis is not cached, counts as an error, and the next call retries', async () => {
    const inner = fakeSynthesizer({
      respond: (text, n) => (n === 1 ? Promise.reject(new Error('TTS quota exceeded')) : spoken(text, n)),
    })
    const { synth, cache } = setup('auto', { inner })
    await expect(synth.synthesize('x')).rejects.toThrow('TTS quota exceeded')
    expect([cache.size(), synth.stats.errors, synth.stats.misses]).toEqual([0, 1, 1])
    expect(decode(await synth.synthesize('x'))).toBe('x#2')
    expect([cache.size(), inner.calls.length]).toEqual([1, 2])
  })

  test('empty audio is returned but never cached, with one warning', async () => {
    const inner = fakeSynthesizer({ respond: () => ({ ...spoken('', 0), data: new Uint8Array(0) }) })
    const { synth, cache, warnings } = setup('auto', { inner })
    expect((await synth.synthesize('silence')).data.byteLength).toBe(0)
    expect((await synth.synthesize('silence')).data.byteLength).toBe(0)
    expect([cache.size(), inner.calls.length]).toEqual([0, 2])
    expect(warnings).toEqual([expect.stringMatching(/empty audio for "silence"; not cached/)])
  })

  test.each([
    ['undefined', undefined, /must be an Audio object/],
    ['a string', 'RIFF....', /must be an Audio object/],
    ['data that is not bytes', { ...spoken('x', 1), data: 'RIFF' }, /\.data must be a Uint8Array/],
    ['no sampleRate', { ...spoken('x', 1), sampleRate: undefined }, /\.sampleRate must be a positive integer/],
  ])('a synthesizer that returns %s: TypeError naming the synthesizer', async (_, result, message) => {
    const inner = fakeSynthesizer({ respond: () => result as never })
    const { synth, cache } = setup('auto', { inner })
    const error = await synth.synthesize('x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(/^CachedSynthesizer: the synthesizer's result for "x"/)
    expect((error as Error).message).toMatch(message)
    expect([cache.size(), synth.stats.errors]).toEqual([0, 1])
  })

  test('the AbortSignal reaches the inner synthesizer', async () => {
    const { synth, inner } = setup('auto')
    const controller = new AbortController()
    await synth.synthesize('x', { signal: controller.signal })
    expect(inner.calls[0]?.options?.signal).toBe(controller.signal)
  })

  test('an aborted signal rejects before synthesizing', async () => {
    const { synth, inner } = setup('auto')
    await expect(synth.synthesize('x', { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i)
    expect(inner.calls).toHaveLength(0)
  })

  /** Synthesizes once `release` opens; rejects with its caller's signal's reason when that aborts first. */
  function waitingSynthesizer() {
    const release = gate()
    const started = [gate(), gate()]
    const calls: string[] = []
    const inner: Synthesizer = {
      async synthesize(text, options) {
        calls.push(text)
        const call = calls.length
        started[call - 1]?.open()
        await new Promise<void>((resolve, reject) => {
          options?.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true })
          void release.promise.then(resolve)
        })
        return spoken(text, call)
      },
    }
    return { inner, calls, release, started: (call: number) => started[call - 1]?.promise }
  }

  test("one caller's abort does not cancel the callers that joined its lookup", async () => {
    const { inner, calls, release, started } = waitingSynthesizer()
    const synth = new CachedSynthesizer(inner, { cacheDir: tempDir(), logger: captureLogger().logger })
    const starter = new AbortController()
    const first = synth.synthesize('x', { signal: starter.signal })
    const joined = synth.synthesize('x')
    await started(1)
    starter.abort()
    await expect(first).rejects.toThrow(/abort/i)
    await started(2)
    release.open()
    expect(decode(await joined)).toBe('x#2')
    expect(calls).toHaveLength(2)
  })

  test("a joined caller's own signal ends its wait; the lookup goes on for the others", async () => {
    const { inner, calls, release } = waitingSynthesizer()
    const synth = new CachedSynthesizer(inner, { cacheDir: tempDir(), logger: captureLogger().logger })
    const first = synth.synthesize('x')
    const joiner = new AbortController()
    const joined = synth.synthesize('x', { signal: joiner.signal })
    joiner.abort()
    await expect(joined).rejects.toThrow(/abort/i)
    release.open()
    expect(decode(await first)).toBe('x#1')
    expect(calls).toHaveLength(1)
  })

  test('resetStats zeroes the figures and forgets usedKeys; stats is a copy', async () => {
    const { synth } = setup('auto')
    await synth.synthesize('a')
    await synth.synthesize('b')
    expect(synth.usedKeys).toEqual(new Set([synth.keyFor('a'), synth.keyFor('b')]))
    const snapshot = synth.stats
    snapshot.hits = 99
    expect(synth.stats.hits).toBe(0)
    synth.resetStats()
    expect(synth.stats).toEqual(emptyStats())
    expect(synth.usedKeys.size).toBe(0)
  })
})

describe('key extras', () => {
  test("the inner synthesizer's cacheKeyExtra is part of the key; options.cacheKeyExtra overrides it", async () => {
    const inner = fakeSynthesizer({ cacheKeyExtra: { voice: 'Kore', model: 'm1' } })
    const { synth, again } = setup('auto', { inner })
    expect(synth.keyFor('hi')).toBe(cacheKey('hi', { voice: 'Kore', model: 'm1' }))
    const other = again({ cacheKeyExtra: { voice: 'Puck', speed: 1.5 } })
    expect(other.cacheKeyExtra).toEqual({ voice: 'Puck', model: 'm1', speed: 1.5 })
    expect(other.keyFor('hi')).toBe(cacheKey('hi', { voice: 'Puck', model: 'm1', speed: 1.5 }))
    await synth.synthesize('hi')
    await other.synthesize('hi')
    expect(inner.calls).toHaveLength(2)
  })

  test('a bad extra fails at construction, naming where it came from', () => {
    const inner = fakeSynthesizer({ cacheKeyExtra: { when: new Date() } })
    expect(() => new CachedSynthesizer(inner)).toThrowError(/extra\.when is a Date/)
    expect(() => new CachedSynthesizer(fakeSynthesizer(), { cacheKeyExtra: [] as never })).toThrowError(
      /options\.cacheKeyExtra must be a plain object/,
    )
  })
})

describe('off', () => {
  test.each([
    ['mode off', { mode: 'off' }],
    ['enabled: false', { enabled: false, mode: 'auto' }],
  ] as const)('%s: always synthesizes, writes nothing', async (_, options) => {
    const { synth, inner, dir } = setup('auto', options)
    expect(synth.mode).toBe('off')
    await Promise.all([synth.synthesize('x'), synth.synthesize('x')])
    await synth.synthesize('x')
    expect(inner.calls).toHaveLength(3)
    expect(exists(dir)).toBe(false)
    expect(synth.stats).toMatchObject({ hits: 0, misses: 3, syntheses: 3 })
  })
})

describe('refresh', () => {
  test('re-synthesizes each key once per run and overwrites; a second synthesizer of the run gets a hit', async () => {
    const { synth: auto, dir, inner, cache, again } = setup('auto')
    await auto.synthesize('x')
    writtenLastYear(dir, auto.keyFor('x'))

    const refreshSince = Date.now()
    const refresh = again({ mode: 'refresh', refreshSince })
    expect(decode(await refresh.synthesize('x'))).toBe('x#2')
    expect(decode(await refresh.synthesize('x'))).toBe('x#2')
    expect(decode(cache.get(auto.keyFor('x')) as never)).toBe('x#2')
    expect(decode(await again({ mode: 'refresh', refreshSince }).synthesize('x'))).toBe('x#2')
    expect(inner.calls).toHaveLength(2)
    expect(refresh.stats).toMatchObject({ hits: 1, misses: 1, syntheses: 1 })

    const nextRun = again({ mode: 'refresh', refreshSince: Date.now() + 60_000 })
    expect(decode(await nextRun.synthesize('x'))).toBe('x#3')
  })

  test('an entry without created_at (written by Python russo) is refreshed', async () => {
    const { dir, inner, again } = setup('auto')
    const key = cacheKey('py')
    mkdirSync(dir, { recursive: true })
    writeRaw(entryFiles(dir, key).audio, 'old')
    writeRaw(entryFiles(dir, key).meta, { format: 'pcm', sample_rate: 16000, prompt: 'py' })
    expect(decode(await again({ mode: 'refresh' }).synthesize('py'))).toBe('py#1')
    expect(inner.calls).toHaveLength(1)
  })
})

describe('offline', () => {
  test('a hit works without the synthesizer', async () => {
    const { synth: auto, again, inner } = setup('auto')
    await auto.synthesize('x')
    const offline = again({ mode: 'offline' })
    expect(decode(await offline.synthesize('x'))).toBe('x#1')
    expect([inner.calls.length, offline.stats.hits]).toEqual([1, 1])
  })

  test('a miss throws CacheMissError naming prompt, key, directory and how to record', async () => {
    const { synth, inner, dir } = setup('offline', { missHint: 'run `vitest run -- --russo-record` once' })
    const error = await synth.synthesize('Book a flight').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CacheMissError)
    expect(isCacheMissError(error)).toBe(true)
    const miss = error as CacheMissError
    expect(miss).toMatchObject({
      code: 'RUSSO_CACHE_MISS',
      prompt: 'Book a flight',
      key: synth.keyFor('Book a flight'),
    })
    expect(miss.cacheDir).toBe(dir)
    for (const part of ['"Book a flight"', miss.key, dir, 'run `vitest run -- --russo-record` once']) {
      expect(miss.message).toContain(part)
    }
    expect(inner.calls).toHaveLength(0)
    expect(exists(dir)).toBe(false)
    expect(synth.stats).toMatchObject({ hits: 0, misses: 1, errors: 1 })
  })
})

describe('construction', () => {
  test('a bad mode or inner synthesizer is a TypeError that lists what is allowed', () => {
    expect(() => new CachedSynthesizer(fakeSynthesizer(), { mode: 'record' as never })).toThrowError(
      /mode must be one of auto, off, refresh, offline, got "record"/,
    )
    expect(() => new CachedSynthesizer({} as never)).toThrowError(/inner must be a Synthesizer/)
  })

  test('without a cache option it uses cacheDir, default .russo_cache', () => {
    const dir = tempDir()
    expect(new CachedSynthesizer(fakeSynthesizer(), { cacheDir: dir }).cache.cacheDir).toBe(dir)
    expect(new CachedSynthesizer(fakeSynthesizer()).cache.cacheDir).toMatch(/\.russo_cache$/)
  })
})
