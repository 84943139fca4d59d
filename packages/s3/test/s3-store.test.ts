import { encodeRemoteEntry, isRemoteStoreError } from '@russo/cache'
import { afterAll, describe, expect, test } from 'vitest'
import { storeAs } from './helpers/store.js'

const body = (text: string) => new TextEncoder().encode(text)
const stores: { close(): Promise<void> }[] = []
const open = (...args: Parameters<typeof storeAs>) => {
  const store = storeAs(...args)
  stores.push(store)
  return store
}
afterAll(async () => {
  for (const store of stores) await store.close()
})

describe('S3Store on radosgw', () => {
  test('get of a missing key is undefined; put then get returns the bytes and an ETag', async () => {
    const store = open('writer', 'store-basic')
    expect(await store.get('abc')).toBeUndefined()
    expect(await store.put('abc', body('one'))).toBe('stored')
    const got = await store.get('abc')
    expect(new TextDecoder().decode(got?.body)).toBe('one')
    expect(got?.etag).toMatch(/^"?[0-9a-f]{32}"?$/)
  })

  test('the first writer wins: a second put is "exists" and leaves the first object', async () => {
    const store = open('writer', 'store-first-wins')
    expect(await store.put('k', body('first'))).toBe('stored')
    expect(await store.put('k', body('second'))).toBe('exists')
    expect(new TextDecoder().decode((await store.get('k'))?.body)).toBe('first')
  })

  test('If-Match replaces exactly the version read, and refuses a stale one', async () => {
    const store = open('writer', 'store-if-match')
    await store.put('k', body('damaged'))
    const etag = (await store.get('k'))?.etag as string
    expect(await store.put('k', body('fixed'), { ifMatch: etag })).toBe('stored')
    expect(await store.put('k', body('again'), { ifMatch: etag })).toBe('exists')
    expect(new TextDecoder().decode((await store.get('k'))?.body)).toBe('fixed')
  })

  test('the reader can get and list, and its put is denied (403)', async () => {
    await open('writer', 'store-reader').put('k', body('x'))
    const reader = open('reader', 'store-reader')
    expect(new TextDecoder().decode((await reader.get('k'))?.body)).toBe('x')
    expect(await reader.get('missing')).toBeUndefined()
    const listed = []
    for await (const object of reader.list()) listed.push(object.key)
    expect(listed).toEqual(['k'])
    const error = await reader.put('k2', body('y')).catch((e: unknown) => e)
    expect(isRemoteStoreError(error) && error.failure).toBe('denied')
    expect(isRemoteStoreError(error) && error.status).toBe(403)
  })

  test('list pages through more objects than one page holds', async () => {
    const store = open('writer', 'store-list')
    const keys = Array.from({ length: 23 }, (_, i) => `k${String(i).padStart(2, '0')}`)
    await Promise.all(
      keys.map((key) =>
        store.put(key, encodeRemoteEntry(key, { format: 'pcm', sampleRate: 1, prompt: key }, body(key))),
      ),
    )
    const listed: string[] = []
    for await (const object of store.list({ pageSize: 5 })) listed.push(object.key)
    expect(listed.sort()).toEqual(keys)
  })

  test('wrong credentials are "denied" and the message holds neither the key id nor the secret', async () => {
    const bad = open({ accessKeyId: 'NOTAKEY123456789', secretAccessKey: 'not-a-secret-value-12345' }, 'store-bad')
    const error = await bad.get('k').catch((e: unknown) => e)
    expect(isRemoteStoreError(error) && error.failure).toBe('denied')
    expect(String((error as Error).message)).not.toMatch(/NOTAKEY|not-a-secret/)
  })
})
