import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { type Audio, AudioCache, cacheKey, DEFAULT_CACHE_DIR } from '../src/index.js'
import {
  backdate,
  bytesOf,
  captureLogger,
  DEAD_PID,
  entryFiles,
  exists,
  holdLock,
  makeAudio,
  names,
  tempDir,
} from './helpers/fixtures.js'

function newCache(): { cache: AudioCache; dir: string; warnings: string[] } {
  const { logger, warnings } = captureLogger()
  const dir = join(tempDir(), 'cache')
  return { cache: new AudioCache(dir, { logger }), dir, warnings }
}

describe('AudioCache round trips', () => {
  test('put then get returns the same bytes and fields; channels and sampleWidth survive', () => {
    const { cache, warnings } = newCache()
    const audio = makeAudio({ size: 1000, format: 'wav', sampleRate: 44_100, channels: 2, sampleWidth: 4 })
    const key = cache.cacheKey('stereo please')
    cache.put(key, audio, { prompt: 'stereo please' })
    const got = cache.get(key)
    expect(got).toEqual({ ...audio, data: expect.any(Uint8Array) })
    expect(bytesOf(got)).toEqual(bytesOf(audio))
    expect(cache.get(key, { prompt: 'stereo please' })?.channels).toBe(2)
    expect(warnings).toEqual([])
  })

  test('the meta on disk has the fields Python russo reads, and ours', () => {
    const { cache, dir } = newCache()
    const key = cache.cacheKey('hi', { voice: 'Kore' })
    cache.put(key, makeAudio({ size: 10 }), { prompt: 'hi', extra: { voice: 'Kore' }, synthMs: 123.456 })
    const meta = JSON.parse(readFileSync(entryFiles(dir, key).meta, 'utf8')) as Record<string, unknown>
    expect(meta).toMatchObject({ format: 'pcm', sample_rate: 16_000, prompt: 'hi', channels: 1, sample_width: 2 })
    expect(meta).toMatchObject({ bytes: 10, synth_ms: 123.5, extra: { voice: 'Kore' } })
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(Date.parse(meta.created_at as string)).toBeGreaterThan(Date.now() - 60_000)
    expect(cache.getEntry(key)?.meta).toMatchObject({ prompt: 'hi', synthMs: 123.5, extra: { voice: 'Kore' } })
  })

  test('put overwrites; has, delete, size and clear agree', () => {
    const { cache } = newCache()
    const [a, b] = [cache.cacheKey('a'), cache.cacheKey('b')]
    expect(cache.has(a)).toBe(false)
    cache.put(a, makeAudio({ seed: 1 }))
    cache.put(a, makeAudio({ seed: 2, size: 5 }))
    cache.put(b, makeAudio())
    expect(bytesOf(cache.get(a))).toEqual(bytesOf(makeAudio({ seed: 2, size: 5 })))
    expect([cache.has(a), cache.has(b), cache.size()]).toEqual([true, true, 2])
    expect(cache.delete(a)).toBe(true)
    expect(cache.delete(a)).toBe(false)
    expect([cache.has(a), cache.get(a), cache.size()]).toEqual([false, undefined, 1])
    expect(cache.clear().removed.map((item) => [item.key, item.kind])).toEqual([[b, 'entry']])
    expect(cache.size()).toBe(0)
  })

  test('a missing directory is an empty cache, and reading it does not create it', async () => {
    const { cache, dir } = newCache()
    expect([cache.get('abc'), cache.has('abc'), cache.size(), cache.clear().items, cache.cleanup().items]).toEqual([
      undefined,
      false,
      0,
      [],
      [],
    ])
    expect(await cache.stats()).toEqual({ entries: 0, bytes: 0 })
    expect(await cache.verify()).toMatchObject({ checked: 0, corrupt: [], lfsPointers: [], removal: { removed: [] } })
    expect((await cache.prune([])).items).toEqual([])
    expect(exists(dir)).toBe(false)
  })

  test('entries, stats, prune and verify see every valid entry', async () => {
    const { cache, dir } = newCache()
    const keys = ['one', 'two', 'three'].map((p, i) => {
      const key = cache.cacheKey(p)
      cache.put(key, makeAudio({ size: 10 * (i + 1) }), { prompt: p })
      return key
    })
    const listed = []
    for await (const info of cache.entries()) listed.push(info)
    expect(listed.map((e) => [e.key, e.meta.prompt, e.audioBytes]).sort()).toEqual(
      [
        [keys[0], 'one', 10],
        [keys[1], 'two', 20],
        [keys[2], 'three', 30],
      ].sort(),
    )
    const metaBytes = keys.reduce((n, k) => n + readFileSync(entryFiles(dir, k).meta).length, 0)
    expect(await cache.stats()).toEqual({ entries: 3, bytes: 60 + metaBytes })
    expect(await cache.verify()).toMatchObject({ checked: 3, corrupt: [], removal: { removed: [] } })
    const pruned = await cache.prune([keys[0] as string])
    expect(pruned.removed.map((item) => item.key).sort()).toEqual([keys[1], keys[2]].sort())
    expect(pruned.removed.map((item) => item.prompt).sort()).toEqual(['three', 'two'])
    expect(names(dir)).toEqual([`${keys[0]}.audio`, `${keys[0]}.meta`])
  })

  test('prune leaves an entry another process holds the lock of', async () => {
    const { cache, dir } = newCache()
    const key = cache.cacheKey('busy')
    cache.put(key, makeAudio())
    holdLock(dir, key)
    const report = await cache.prune([])
    expect([report.removed, report.left]).toEqual([
      [],
      [{ item: report.items[0], reason: 'another process holds its lock' }],
    ])
    expect(report.items.map((item) => item.key)).toEqual([key])
    expect(cache.has(key)).toBe(true)
  })

  test('cleanup removes temp files of dead writers, stale locks and old audio without meta', () => {
    const { cache, dir } = newCache()
    const live = cache.cacheKey('live')
    cache.put(live, makeAudio())
    const deadTemp = join(dir, `.${live}.${DEAD_PID}-0123abcd.tmp`)
    const liveTemp = join(dir, `.${live}.${process.pid}-0123abcd.tmp`)
    writeFileSync(deadTemp, 'x')
    writeFileSync(liveTemp, 'x')
    holdLock(dir, 'stale', DEAD_PID)
    holdLock(dir, 'held')
    const [orphan, fresh] = [`${cache.cacheKey('orphan')}.audio`, `${cache.cacheKey('fresh')}.audio`]
    writeFileSync(join(dir, orphan), 'x')
    backdate(60_000, join(dir, orphan))
    writeFileSync(join(dir, fresh), 'x')
    const first = cache.cleanup()
    expect(first.removed.map((item) => [item.kind, item.files]).sort()).toEqual(
      [
        ['lock', ['stale.lock']],
        ['orphan-audio', [orphan]],
        ['temp', [deadTemp.slice(dir.length + 1)]],
      ].sort(),
    )
    const left = [liveTemp.slice(dir.length + 1), fresh, 'held.lock', `${live}.audio`, `${live}.meta`]
    expect(names(dir)).toEqual(left.sort())
    backdate(60_000, liveTemp, join(dir, fresh))
    expect(cache.cleanup({ olderThanMs: 30_000 }).removed).toHaveLength(2)
  })

  test('the default directory is .russo_cache against the working directory', () => {
    expect(new AudioCache().cacheDir).toBe(resolve(DEFAULT_CACHE_DIR))
    expect(DEFAULT_CACHE_DIR).toBe('.russo_cache')
    expect(new AudioCache('rel/dir').cacheDir).toBe(resolve('rel/dir'))
  })

  test('cache.cacheKey is cacheKey', () => {
    expect(new AudioCache('x').cacheKey('p', { voice: 'v' })).toBe(cacheKey('p', { voice: 'v' }))
  })
})

describe('AudioCache refuses bad input before touching the disk', () => {
  const badKeys: [string, unknown][] = [
    ['a slash', 'a/b'],
    ['a backslash', 'a\\b'],
    ['..', '..'],
    ['a dot', 'abc.audio'],
    ['NUL', 'a\0b'],
    ['empty', ''],
    ['129 characters', 'k'.repeat(129)],
    ['a space', 'a b'],
    ['a number', 42],
    ['undefined', undefined],
  ]

  test.each(badKeys)('key with %s', (_, key) => {
    const { cache, dir } = newCache()
    const k = key as string
    for (const call of [
      () => cache.get(k),
      () => cache.getEntry(k),
      () => cache.has(k),
      () => cache.put(k, makeAudio()),
      () => cache.delete(k),
    ]) {
      expect(call).toThrowError(TypeError)
      expect(call).toThrowError(/invalid cache key/)
    }
    expect(exists(dir)).toBe(false)
  })

  test('128 characters of [A-Za-z0-9_-] is a valid key', () => {
    const { cache } = newCache()
    const key = `${'aZ09_-'.repeat(21)}ab`
    cache.put(key, makeAudio())
    expect(cache.has(key)).toBe(true)
  })

  test('empty audio is refused, and nothing is written', () => {
    const { cache, dir } = newCache()
    expect(() => cache.put('empty', makeAudio({ size: 0 }))).toThrowError(TypeError)
    expect(() => cache.put('empty', makeAudio({ size: 0 }))).toThrowError(/empty \(0 bytes\)/)
    expect(exists(dir)).toBe(false)
  })

  const badAudio: [string, unknown, RegExp][] = [
    ['null', null, /audio must be an Audio object/],
    ['data as an array', { ...makeAudio(), data: [1, 2] }, /audio\.data must be a Uint8Array/],
    [
      'data as a DataView',
      { ...makeAudio(), data: new DataView(new ArrayBuffer(2)) },
      /audio\.data must be a Uint8Array, a Buffer or an ArrayBuffer, got a DataView/,
    ],
    ['data as a string', { ...makeAudio(), data: 'abc' }, /audio\.data must be a Uint8Array/],
    ['format missing', { ...makeAudio(), format: undefined }, /audio\.format must be a non-empty string/],
    ['format empty', { ...makeAudio(), format: '' }, /audio\.format must be a non-empty string/],
    ['sampleRate 0', { ...makeAudio(), sampleRate: 0 }, /audio\.sampleRate must be a positive integer/],
    ['sampleRate "16000"', { ...makeAudio(), sampleRate: '16000' }, /audio\.sampleRate must be a positive integer/],
    ['sampleRate 16000.5', { ...makeAudio(), sampleRate: 16000.5 }, /audio\.sampleRate must be a positive integer/],
    ['channels -1', { ...makeAudio(), channels: -1 }, /audio\.channels must be a positive integer/],
    ['sampleWidth NaN', { ...makeAudio(), sampleWidth: Number.NaN }, /audio\.sampleWidth must be a positive integer/],
  ]

  test.each(badAudio)('audio with %s', (_, audio, message) => {
    const { cache, dir } = newCache()
    expect(() => cache.put('k', audio as Audio)).toThrowError(TypeError)
    expect(() => cache.put('k', audio as Audio)).toThrowError(message)
    expect(exists(dir)).toBe(false)
  })

  test('a Buffer is audio data', () => {
    const { cache } = newCache()
    cache.put('buf', { ...makeAudio(), data: Buffer.from('RIFF') })
    expect(Buffer.from(cache.get('buf')?.data ?? []).toString()).toBe('RIFF')
  })

  test.each([
    ['an empty cacheDir', () => new AudioCache(''), /cacheDir must be a non-empty path, got ""/],
    [
      'lockStaleMs 0',
      () => new AudioCache('d', { lockStaleMs: 0 }),
      /lockStaleMs must be a positive number .* got number 0/,
    ],
    [
      'lockWaitMs -1',
      () => new AudioCache('d', { lockWaitMs: -1 }),
      /lockWaitMs must be a positive number .* got number -1/,
    ],
  ])('constructor with %s: a TypeError naming the option and the value', (_, make, message) => {
    expect(make).toThrowError(TypeError)
    expect(make).toThrowError(message)
  })
})
