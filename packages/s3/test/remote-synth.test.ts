import { encodeRemoteEntry, isCacheMissError, isRemoteStoreError } from '@russo/cache'
import { describe, expect, test } from 'vitest'
import { storeAs } from './helpers/store.js'
import { machine, text } from './helpers/synth.js'

describe('CachedSynthesizer with an S3 remote (radosgw)', () => {
  test('a miss synthesizes and uploads; another machine gets it from the remote, stored locally, offline', async () => {
    const a = machine({ store: storeAs('writer', 'rs-basic') })
    expect(text(await a.synth.synthesize('hello'))).toBe('audio:hello')
    expect(a.synth.stats).toMatchObject({ syntheses: 1, uploads: 1, remoteHits: 0, remoteErrors: 0 })
    const b = machine({ store: storeAs('reader', 'rs-basic'), mode: 'read' }, 'offline')
    expect(text(await b.synth.synthesize('hello'))).toBe('audio:hello')
    expect(b.synth.stats).toMatchObject({ hits: 1, remoteHits: 1, syntheses: 0, uploads: 0 })
    expect(b.inner.calls).toEqual([])
    expect(b.cache.get(b.synth.keyFor('hello'), { prompt: 'hello' })).toBeDefined()
    // Local first: the next call never asks the remote.
    await b.synth.synthesize('hello')
    expect(b.synth.stats).toMatchObject({ hits: 2, remoteHits: 1 })
    expect(b.warnings).toEqual([])
  })

  test('offline and missing everywhere: CacheMissError', async () => {
    const b = machine({ store: storeAs('reader', 'rs-offline-miss'), mode: 'read' }, 'offline')
    const error = await b.synth.synthesize('never recorded').catch((e: unknown) => e)
    expect(isCacheMissError(error)).toBe(true)
  })

  test('read mode never writes, even with write credentials', async () => {
    const a = machine({ store: storeAs('writer', 'rs-read-mode'), mode: 'read' })
    await a.synth.synthesize('x')
    expect(a.synth.stats.uploads).toBe(0)
    expect(await storeAs('writer', 'rs-read-mode').get(a.synth.keyFor('x'))).toBeUndefined()
  })

  test('read-only credentials in readwrite: one warning naming RUSSO_REMOTE_MODE=read, then no more uploads', async () => {
    const pr = machine({ store: storeAs('reader', 'rs-pr') })
    await pr.synth.synthesize('one')
    await pr.synth.synthesize('two')
    expect(pr.inner.calls).toEqual(['one', 'two'])
    expect(pr.warnings).toHaveLength(1)
    expect(pr.warnings[0]).toMatch(/refused an upload.*RUSSO_REMOTE_MODE=read/)
    expect(pr.synth.stats).toMatchObject({ uploads: 0, remoteErrors: 1, errors: 0 })
  })

  test('a damaged object is a miss with one warning, never its audio; the writer replaces it (If-Match)', async () => {
    const writer = storeAs('writer', 'rs-damaged')
    const a = machine({ store: writer })
    const key = a.synth.keyFor('hurt')
    const good = encodeRemoteEntry(
      key,
      { format: 'pcm', sampleRate: 16_000, prompt: 'hurt' },
      new TextEncoder().encode('audio:wrong'),
    )
    // The audio changed after the meta was written: its sha256 no longer matches.
    const damaged = Buffer.from(good)
    damaged.writeUInt8((damaged.at(-1) as number) ^ 1, damaged.length - 1)
    expect(await writer.put(key, damaged)).toBe('stored')
    expect(text(await a.synth.synthesize('hurt'))).toBe('audio:hurt')
    expect(a.warnings).toHaveLength(1)
    expect(a.warnings[0]).toMatch(new RegExp(`ignoring the object for key ${key}.*sha256`))
    expect(a.synth.stats).toMatchObject({ syntheses: 1, uploads: 1, remoteHits: 0, remoteErrors: 1 })
    const b = machine({ store: storeAs('reader', 'rs-damaged'), mode: 'read' }, 'offline')
    expect(text(await b.synth.synthesize('hurt'))).toBe('audio:hurt')
    expect(b.warnings).toEqual([])
  })

  test('an object for another prompt under the key (a forged key) is refused', async () => {
    const writer = storeAs('writer', 'rs-forged')
    const a = machine({ store: writer }, 'offline')
    const key = a.synth.keyFor('asked')
    await writer.put(
      key,
      encodeRemoteEntry(key, { format: 'pcm', sampleRate: 16_000, prompt: 'other' }, new Uint8Array([1, 2])),
    )
    expect(isCacheMissError(await a.synth.synthesize('asked').catch((e: unknown) => e))).toBe(true)
    expect(a.warnings[0]).toMatch(/another prompt/)
  })

  test('signed uploads are accepted by key holders; unsigned and badly signed objects are refused', async () => {
    const signingKey = 'trusted-main-branch-key'
    const main = machine({ store: storeAs('writer', 'rs-signed'), signingKey })
    await main.synth.synthesize('signed prompt')
    const reader = machine({ store: storeAs('reader', 'rs-signed'), mode: 'read', signingKey }, 'offline')
    expect(text(await reader.synth.synthesize('signed prompt'))).toBe('audio:signed prompt')
    // An untrusted writer (no key) uploads first for another prompt: holders of the key refuse it.
    const untrusted = machine({ store: storeAs('writer', 'rs-signed') })
    await untrusted.synth.synthesize('poisoned')
    const strict = machine({ store: storeAs('reader', 'rs-signed'), mode: 'read', signingKey }, 'offline')
    expect(isCacheMissError(await strict.synth.synthesize('poisoned').catch((e: unknown) => e))).toBe(true)
    expect(strict.warnings[0]).toMatch(/not signed/)
    const wrongKey = machine(
      { store: storeAs('reader', 'rs-signed'), mode: 'read', signingKey: 'another key' },
      'offline',
    )
    expect(isCacheMissError(await wrongKey.synth.synthesize('signed prompt').catch((e: unknown) => e))).toBe(true)
    expect(wrongKey.warnings[0]).toMatch(/signature does not match/)
    // A reader without a key takes signed objects too.
    const plain = machine({ store: storeAs('reader', 'rs-signed'), mode: 'read' }, 'offline')
    expect(text(await plain.synth.synthesize('signed prompt'))).toBe('audio:signed prompt')
  })

  test('RUSSO_REMOTE_REQUIRED: a remote error fails the call instead of turning the remote off', async () => {
    const bad = { accessKeyId: 'NOSUCHKEY0000000', secretAccessKey: 'nosuchsecret000000000000' }
    const open = machine({ store: storeAs(bad, 'rs-required') })
    await open.synth.synthesize('fine')
    expect(open.warnings).toHaveLength(1)
    expect(open.warnings[0]).toMatch(/not usable.*not valid/)
    const closed = machine({ store: storeAs(bad, 'rs-required-2'), required: true })
    const error = await closed.synth.synthesize('fails').catch((e: unknown) => e)
    expect(isRemoteStoreError(error) && error.failure).toBe('denied')
    expect(closed.inner.calls).toEqual([])
  })
})
