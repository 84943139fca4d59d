import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { type Audio, AudioCache, CachedSynthesizer, cacheKey } from '../src/index.js'
import { decode, fakeSynthesizer, gate, spoken } from './helpers/fake-synthesizer.js'
import { captureLogger, tempDir } from './helpers/fixtures.js'

function synthFor(inner = fakeSynthesizer(), cacheKeyExtra?: Record<string, unknown>) {
  const { logger } = captureLogger()
  const cache = new AudioCache(join(tempDir(), 'cache'), { logger })
  return new CachedSynthesizer(inner, { cache, logger, ...(cacheKeyExtra ? { cacheKeyExtra } : {}) })
}

describe('objects from another realm (node:vm, Vitest vm pools, Jest test contexts) are plain objects', () => {
  const foreign = runInNewContext('({ voice: "Kore", nested: { speed: 1.5 }, list: [{ a: 1 }] })') as Record<
    string,
    unknown
  >

  test('the vm object really is from another realm', () => {
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype)
  })

  test('as cacheKeyExtra of the options and of the inner synthesizer, with the same key as a local literal', async () => {
    const local = { voice: 'Kore', nested: { speed: 1.5 }, list: [{ a: 1 }] }
    expect(cacheKey('hello', foreign)).toBe(cacheKey('hello', local))
    const fromOptions = synthFor(fakeSynthesizer(), foreign)
    const fromInner = synthFor(fakeSynthesizer({ cacheKeyExtra: foreign }))
    expect(fromOptions.keyFor('hello')).toBe(cacheKey('hello', local))
    expect(fromInner.keyFor('hello')).toBe(cacheKey('hello', local))
    expect(decode(await fromOptions.synthesize('hello'))).toBe('hello#1')
  })

  test('a class instance from another realm is still refused, by its class name', () => {
    const instance = runInNewContext('class Voice { constructor() { this.name = "Kore" } }; new Voice()')
    expect(() => cacheKey('hello', { voice: instance })).toThrowError(
      'extra.voice is a Voice, not a plain object; convert it to plain JSON values first.',
    )
  })
})

describe('undefined in a key extra is left out, as JSON.stringify leaves it out', () => {
  test('{ instructions: undefined } has the key of {} (and so of Python russo without that setting)', () => {
    expect(cacheKey('hello', { voice: 'Kore', instructions: undefined })).toBe(cacheKey('hello', { voice: 'Kore' }))
  })

  test('an undefined array item is null, as in JSON', () => {
    expect(cacheKey('hello', { list: [1, undefined] })).toBe(cacheKey('hello', { list: [1, null] }))
  })

  test("an option set to undefined leaves the synthesizer's own value in the key", () => {
    const synth = synthFor(fakeSynthesizer({ cacheKeyExtra: { voice: 'Kore' } }), { voice: undefined, speed: 2 })
    expect(synth.cacheKeyExtra).toEqual({ voice: 'Kore', speed: 2 })
    expect(synth.keyFor('hi')).toBe(cacheKey('hi', { voice: 'Kore', speed: 2 }))
  })

  test('prompt: undefined in the extra is no "prompt" setting', () => {
    expect(cacheKey('hello', { prompt: undefined })).toBe(cacheKey('hello'))
  })
})

describe('audio data may be a Uint8Array, a Buffer or an ArrayBuffer; the cache stores and returns a Uint8Array', () => {
  const fields = { format: 'pcm', sampleRate: 24_000, channels: 1, sampleWidth: 2 } as const
  const bytes = new TextEncoder().encode('some pcm')

  test.each([
    ['an ArrayBuffer (await res.arrayBuffer())', () => bytes.slice().buffer],
    ['a Buffer', () => Buffer.from(bytes)],
    [
      'a Buffer that is a slice of a larger pool',
      () => Buffer.concat([Buffer.from('xx'), Buffer.from(bytes)]).subarray(2),
    ],
    [
      'an ArrayBuffer from another realm',
      () => runInNewContext('new Uint8Array([115,111,109,101,32,112,99,109]).buffer'),
    ],
  ])('%s', async (_, data) => {
    const synth = synthFor(fakeSynthesizer({ respond: () => ({ ...fields, data: data() }) as unknown as Audio }))
    const first = await synth.synthesize('hi')
    expect(Object.getPrototypeOf(first.data)).toBe(Uint8Array.prototype)
    expect(decode(first)).toBe('some pcm')
    const again = await synth.synthesize('hi')
    expect(synth.stats).toMatchObject({ hits: 1, syntheses: 1 })
    expect(decode(again)).toBe('some pcm')
  })

  test('AudioCache.put takes an ArrayBuffer too', () => {
    const cache = new AudioCache(join(tempDir(), 'cache'))
    cache.put('k', { ...fields, data: bytes.slice().buffer as unknown as Uint8Array })
    expect(new Uint8Array(cache.get('k')?.data ?? [])).toEqual(bytes)
  })

  test('anything else is refused with what it was and what is accepted', async () => {
    const synth = synthFor(fakeSynthesizer({ respond: () => ({ ...fields, data: new Int16Array(4) }) as never }))
    await expect(synth.synthesize('hi')).rejects.toThrowError(
      `CachedSynthesizer: the synthesizer's result for "hi".data must be a Uint8Array, a Buffer or an ArrayBuffer, got an Int16Array.`,
    )
  })
})

describe('an empty prompt never reaches the synthesizer', () => {
  test.each([[''], ['   '], ['\n\t']])('%j is refused before any synthesis or lookup', async (text) => {
    const inner = fakeSynthesizer()
    const synth = synthFor(inner)
    await expect(synth.synthesize(text)).rejects.toThrowError(
      /text is (empty|only white space).*Pass the words to synthesize/,
    )
    expect(inner.calls).toHaveLength(0)
    expect(synth.usedKeys.size).toBe(0)
  })
})

describe('each caller gets its own Audio', () => {
  test('callers that joined one synthesis can edit their audio without touching the others', async () => {
    const opened = gate()
    const inner = fakeSynthesizer({
      respond: async (text, call) => {
        await opened.promise
        return spoken(text, call)
      },
    })
    const synth = synthFor(inner)
    const calls = Array.from({ length: 3 }, () => synth.synthesize('shared'))
    opened.open()
    const [a, b, c] = (await Promise.all(calls)) as [Audio, Audio, Audio]
    expect(inner.calls).toHaveLength(1)
    expect(new Set([a, b, c]).size).toBe(3)
    a.data.fill(0)
    a.format = 'edited'
    expect(decode(b)).toBe('shared#1')
    expect(decode(c)).toBe('shared#1')
    expect(b.format).toBe('pcm')
  })
})

describe('messages read as a person writes them', () => {
  test.each([
    [{ voice: new Map() }, 'extra.voice is a Map, not a plain object'],
    [{ when: new ArrayBuffer(1) }, 'extra.when is an ArrayBuffer, not a plain object'],
    [{ f: () => 1 }, 'extra.f is a function, which has no JSON form'],
    [{ s: Symbol('x') }, 'extra.s is the symbol x, which has no JSON form'],
    [{ n: 10n }, 'extra.n is the BigInt 10n, which has no JSON form'],
  ])('%o', (extra, message) => {
    expect(() => cacheKey('hello', extra)).toThrowError(message)
  })

  test('a class instance as the whole extra says what it got', () => {
    class Settings {}
    expect(() => new CachedSynthesizer(fakeSynthesizer(), { cacheKeyExtra: new Settings() as never })).toThrowError(
      'CachedSynthesizer: options.cacheKeyExtra must be a plain object of JSON values, got a Settings.',
    )
  })
})

describe('no credential reaches a .meta file (they are committed)', () => {
  test.each([
    [{ apiKey: 'sk-1' }, 'apiKey'],
    [{ API_KEY: 'sk-1' }, 'API_KEY'],
    [{ provider: { 'xi-api-key': 'k' } }, 'provider.xi-api-key'],
    [{ headers: [{ Authorization: 'Bearer k' }] }, 'headers[0].Authorization'],
    [{ accessToken: 't' }, 'accessToken'],
  ])('%o is refused, naming the field', (extra, field) => {
    const message = `CachedSynthesizer: cacheKeyExtra field "${field}" looks like a credential.`
    expect(() => synthFor(fakeSynthesizer(), extra)).toThrowError(message)
    expect(() => synthFor(fakeSynthesizer({ cacheKeyExtra: extra }))).toThrowError(message)
  })

  test('settings that merely contain the words pass: maxTokens, voice, tokenizer', () => {
    expect(() => synthFor(fakeSynthesizer(), { maxTokens: 5, voice: 'Kore', tokenizer: 'x' })).not.toThrow()
  })
})
