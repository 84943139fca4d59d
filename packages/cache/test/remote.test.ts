import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  AudioCache,
  CachedSynthesizer,
  decodeRemoteEntry,
  encodeRemoteEntry,
  isRemoteStoreError,
  type PutResult,
  type RemoteEntry,
  type RemoteOptions,
  type RemoteStore,
  RemoteStoreError,
} from '../src/index.js'
import { decode, fakeSynthesizer } from './helpers/fake-synthesizer.js'

/** An in-memory store that honours If-None-Match / If-Match, counts requests and fails on demand. */
class MemoryStore implements RemoteStore {
  readonly location = 's3://memory/test'
  readonly objects = new Map<string, RemoteEntry>()
  gets = 0
  puts = 0
  failGet: RemoteStoreError | undefined
  failPut: RemoteStoreError | undefined
  #version = 0

  async get(key: string): Promise<RemoteEntry | undefined> {
    this.gets++
    if (this.failGet) throw this.failGet
    return this.objects.get(key)
  }

  async put(key: string, body: Uint8Array, options: { ifMatch?: string } = {}): Promise<PutResult> {
    this.puts++
    if (this.failPut) throw this.failPut
    const current = this.objects.get(key)
    if (options.ifMatch === undefined ? current !== undefined : current?.etag !== options.ifMatch) return 'exists'
    this.objects.set(key, { body: body.slice(), etag: `v${++this.#version}` })
    return 'stored'
  }
}

function machine(remote: Partial<RemoteOptions> & { store: RemoteStore }, mode: 'auto' | 'offline' = 'auto') {
  const warnings: string[] = []
  const logger = { warn: (message: string) => warnings.push(message) }
  const inner = fakeSynthesizer()
  const cache = new AudioCache(mkdtempSync(join(tmpdir(), 'russo-remote-')), { logger })
  return { synth: new CachedSynthesizer(inner, { cache, mode, logger, remote }), inner, cache, warnings }
}

// Each test its own store location: the "remote off" state is per location, for the whole process.
let n = 0
const fresh = () => Object.assign(new MemoryStore(), { location: `s3://memory/t${n++}` })

describe('remote store in CachedSynthesizer', () => {
  test('local hits never ask the remote; a local miss asks once, then the entry is local', async () => {
    const store = fresh()
    const a = machine({ store })
    await a.synth.synthesize('hi')
    expect([store.gets, store.puts]).toEqual([1, 1])
    await a.synth.synthesize('hi')
    expect([store.gets, store.puts]).toEqual([1, 1])
    const b = machine({ store }, 'offline')
    expect(decode(await b.synth.synthesize('hi'))).toBe('hi#1')
    expect(b.synth.stats).toMatchObject({ hits: 1, remoteHits: 1 })
    expect(b.cache.has(b.synth.keyFor('hi'), { prompt: 'hi' })).toBe(true)
  })

  test('10 concurrent calls on a machine: one GET, one synthesis, one upload', async () => {
    const store = fresh()
    const a = machine({ store })
    await Promise.all(Array.from({ length: 10 }, () => a.synth.synthesize('same')))
    expect([store.gets, store.puts, a.inner.calls.length]).toEqual([1, 1, 1])
  })

  test('the first unreachable error: one warning, and the remote is off for the process (no more requests)', async () => {
    const store = fresh()
    store.failGet = new RemoteStoreError('unreachable', `${store.location}: cannot reach the server (ECONNREFUSED)`)
    const a = machine({ store })
    for (const text of ['one', 'two', 'three']) await a.synth.synthesize(text)
    const b = machine({ store })
    await b.synth.synthesize('four')
    expect([store.gets, store.puts]).toEqual([1, 0])
    expect(a.warnings).toHaveLength(1)
    expect(a.warnings[0]).toMatch(/remote cache is not usable.*ECONNREFUSED.*RUSSO_REMOTE_REQUIRED=1/)
    expect(b.warnings).toEqual([])
    expect(a.synth.stats).toMatchObject({ syntheses: 3, remoteErrors: 1, errors: 0 })
  })

  test('required: every remote error fails the call, nothing is synthesized', async () => {
    const store = fresh()
    store.failGet = new RemoteStoreError('server', `${store.location}: server error (HTTP 503)`)
    const a = machine({ store, required: true })
    for (const text of ['one', 'two']) {
      const error = await a.synth.synthesize(text).catch((e: unknown) => e)
      expect(isRemoteStoreError(error) && error.failure).toBe('server')
    }
    expect(a.inner.calls).toEqual([])
    expect(a.synth.stats).toMatchObject({ errors: 2, remoteErrors: 2 })
  })

  test('a 403 on upload: one warning naming RUSSO_REMOTE_MODE=read, uploads stop, reads go on', async () => {
    const store = fresh()
    store.failPut = new RemoteStoreError('denied', `${store.location}: access denied (HTTP 403 AccessDenied)`, {
      status: 403,
    })
    const a = machine({ store })
    for (const text of ['one', 'two', 'three']) await a.synth.synthesize(text)
    expect([store.gets, store.puts]).toEqual([3, 1])
    expect(a.warnings).toHaveLength(1)
    expect(a.warnings[0]).toMatch(/refused an upload.*RUSSO_REMOTE_MODE=read/)
  })

  test('read mode never writes', async () => {
    const store = fresh()
    await machine({ store, mode: 'read' }).synth.synthesize('x')
    expect([store.gets, store.puts]).toEqual([1, 0])
  })

  test('another writer first (412): not an error, not counted as an upload', async () => {
    const store = fresh()
    const a = machine({ store })
    const key = a.synth.keyFor('race')
    const original = store.get.bind(store)
    // The other machine's object lands between our GET and our PUT.
    store.get = async (k: string) => {
      const found = await original(k)
      await store.put(
        k,
        encodeRemoteEntry(key, { format: 'pcm', sampleRate: 24_000, prompt: 'race', extra: {} }, new Uint8Array([9])),
      )
      return found
    }
    await a.synth.synthesize('race')
    expect(a.synth.stats).toMatchObject({ syntheses: 1, uploads: 0, remoteErrors: 0 })
    expect(a.warnings).toEqual([])
  })

  test('a damaged object: miss with one warning, replaced with If-Match; an object without an ETag stays', async () => {
    const store = fresh()
    const a = machine({ store })
    const key = a.synth.keyFor('hurt')
    const body = encodeRemoteEntry(
      key,
      { format: 'pcm', sampleRate: 24_000, prompt: 'hurt' },
      new Uint8Array([1, 2, 3]),
    )
    store.objects.set(key, { body: body.subarray(0, body.length - 1), etag: 'bad' })
    expect(decode(await a.synth.synthesize('hurt'))).toBe('hurt#1')
    expect(a.warnings[0]).toMatch(/ignoring the object for key .*audio is 2 bytes, the meta says 3/)
    const replaced = decodeRemoteEntry(key, store.objects.get(key)?.body as Uint8Array, { prompt: 'hurt' })
    expect(replaced.ok).toBe(true)
    const untagged = fresh()
    const b = machine({ store: untagged })
    const key2 = b.synth.keyFor('x')
    untagged.objects.set(key2, { body: new TextEncoder().encode('not an entry') })
    await b.synth.synthesize('x')
    expect(untagged.puts).toBe(0)
  })
})

describe('remote entry objects', () => {
  const meta = { format: 'pcm', sampleRate: 24_000, prompt: 'p', extra: { voice: 'v' } }
  const audio = new Uint8Array([1, 2, 3, 4])

  test('round trip: audio and meta come back; a key its prompt and extra do not make is refused', async () => {
    const { cacheKey } = await import('../src/index.js')
    const key = cacheKey('p', { voice: 'v' })
    const decoded = decodeRemoteEntry(key, encodeRemoteEntry(key, meta, audio), { prompt: 'p' })
    expect(decoded.ok && [...decoded.audio.data]).toEqual([1, 2, 3, 4])
    expect(decoded.ok && decoded.meta).toMatchObject({ prompt: 'p', extra: { voice: 'v' }, bytes: 4 })
    expect(decodeRemoteEntry('kkk', encodeRemoteEntry('kkk', meta, audio))).toMatchObject({
      problem: expect.stringMatching(/do not make its key/),
    })
  })

  test('refuses: another key label, a wrong signature, an unsigned object where one is asked for', async () => {
    const { cacheKey } = await import('../src/index.js')
    const key = cacheKey('p', { voice: 'v' })
    const signed = encodeRemoteEntry(key, meta, audio, 'secret')
    expect(decodeRemoteEntry(key, signed, { signingKey: 'secret', prompt: 'p' })).toMatchObject({ ok: true })
    expect(decodeRemoteEntry(key, signed, { signingKey: 'other' })).toMatchObject({
      problem: expect.stringMatching(/signature/),
    })
    expect(decodeRemoteEntry(key, encodeRemoteEntry(key, meta, audio), { signingKey: 'secret' })).toMatchObject({
      problem: expect.stringMatching(/not signed/),
    })
    const other = cacheKey('q', { voice: 'v' })
    expect(decodeRemoteEntry(other, signed)).toMatchObject({ problem: expect.stringMatching(/labelled with key/) })
    expect(decodeRemoteEntry(key, new TextEncoder().encode('plain bytes'))).toMatchObject({ ok: false })
    // The signature covers the meta: a changed sample rate (same length, audio untouched) breaks it.
    const tampered = Buffer.from(signed)
    const metaAt = tampered.indexOf('"sample_rate": 24000')
    tampered.write('"sample_rate": 16000', metaAt)
    expect(decodeRemoteEntry(key, tampered, { signingKey: 'secret' })).toMatchObject({
      problem: expect.stringMatching(/signature/),
    })
    expect(decodeRemoteEntry(key, tampered)).toMatchObject({ ok: true })
  })
})
