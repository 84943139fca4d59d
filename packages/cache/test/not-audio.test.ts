// `put` refuses what is not audio, for every synthesizer (a user's own adapter included): an error
// page or JSON body passed off as samples, a WAV whose header declares more data than arrived.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { type Audio, AudioCache, CachedSynthesizer, isInvalidAudioError } from '../src/index.js'
import { captureLogger, makeAudio, tempDir } from './helpers/fixtures.js'

/** A canonical 44-byte-header WAV of `bytes` sample bytes whose data chunk declares `declared`. */
function wav(bytes: number, declared = bytes): Uint8Array {
  const out = new Uint8Array(44 + bytes)
  const view = new DataView(out.buffer)
  out.set(new TextEncoder().encode('RIFF'), 0)
  view.setUint32(4, declared === 0xffffffff ? 0xffffffff : 36 + declared, true)
  out.set(new TextEncoder().encode('WAVEfmt '), 8)
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, 1, true)
  view.setUint32(24, 24_000, true)
  view.setUint32(28, 48_000, true)
  view.setUint16(32, 2, true)
  view.setUint16(34, 16, true)
  out.set(new TextEncoder().encode('data'), 36)
  view.setUint32(40, declared, true)
  return out
}

const pcm = (data: Uint8Array, format = 'pcm'): Audio => ({
  data,
  format,
  sampleRate: 24_000,
  channels: 1,
  sampleWidth: 2,
})
const text = (s: string) => new TextEncoder().encode(s)
const page = '<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head><body>Try later</body></html>\n'

function newCache() {
  const dir = join(tempDir(), 'cache')
  return { cache: new AudioCache(dir, { logger: captureLogger().logger }), dir }
}

describe('AudioCache.put refuses what is not audio', () => {
  test.each([
    ['an HTML page of even length labelled pcm', pcm(text(page.length % 2 ? `${page} ` : page)), 'an HTML or XML page'],
    ['a JSON error body labelled pcm', pcm(text('{"error": {"message": "quota"}}\n')), 'a JSON document'],
    ['an HTML page labelled mp3', pcm(text(`  \n${page}`), 'mp3'), 'an HTML or XML page'],
    [
      'a WAV declaring 12,000 data bytes with 2,001 bytes in all',
      pcm(wav(1957, 12_000), 'wav'),
      '12000 data bytes, 1957 arrived',
    ],
  ])('%s: InvalidAudioError naming the key and why, and nothing is written', (_, audio, why) => {
    const { cache, dir } = newCache()
    let thrown: unknown
    try {
      cache.put('somekey', audio, { prompt: 'p' })
    } catch (error) {
      thrown = error
    }
    expect(isInvalidAudioError(thrown)).toBe(true)
    expect(thrown).toMatchObject({ name: 'InvalidAudioError', code: 'RUSSO_INVALID_AUDIO', key: 'somekey' })
    expect((thrown as Error).message).toContain(why)
    expect((thrown as Error).message).toMatch(/^AudioCache\.put: refused to cache key somekey: /)
    expect(() => readdirSync(dir)).toThrow(/ENOENT/)
  })

  test.each([
    ['a whole WAV', wav(2000)],
    ['a streaming WAV (data size 0xFFFFFFFF)', wav(2000, 0xffffffff)],
    ['a streaming WAV (data size 0)', wav(2000, 0)],
    ['a WAV with more data than declared (a trailing chunk)', wav(2000, 1000)],
  ])('%s is stored', (_, data) => {
    const { cache } = newCache()
    cache.put('k', pcm(data, 'wav'))
    expect(cache.get('k')?.data.byteLength).toBe(data.byteLength)
  })

  test('raw samples are stored whatever their values, even when they are printable bytes', () => {
    const { cache } = newCache()
    cache.put('a', makeAudio({ size: 1000 }))
    cache.put('b', pcm(text('hello world, these bytes happen to be printable')))
    expect([cache.has('a'), cache.has('b')]).toEqual([true, true])
  })
})

describe('CachedSynthesizer and what is not audio', () => {
  test("a user's adapter returning an error page as audio: the call fails, nothing is cached, the next call asks again", async () => {
    const { cache, dir } = newCache()
    let calls = 0
    const inner = {
      synthesize: async () => {
        calls++
        return calls === 1 ? pcm(text(page.length % 2 ? `${page} ` : page)) : makeAudio({ size: 480 })
      },
    }
    const synth = new CachedSynthesizer(inner, { cache })
    await expect(synth.synthesize('hello')).rejects.toMatchObject({ code: 'RUSSO_INVALID_AUDIO' })
    expect(readdirSync(dir)).toEqual([])
    expect((await synth.synthesize('hello')).data.byteLength).toBe(480)
    expect(synth.stats).toMatchObject({ errors: 1, syntheses: 1 })
  })

  test("synth_ms is what the synthesizer reports through onRequestMs, not the call's whole time", async () => {
    const { cache } = newCache()
    const inner = {
      synthesize: async (_: string, options?: { onRequestMs?: (ms: number) => void }) => {
        // Queued and backed off for a while, then a request of 12.5 ms.
        await new Promise((resolve) => setTimeout(resolve, 40))
        options?.onRequestMs?.(12.5)
        return makeAudio()
      },
    }
    const reported: number[] = []
    const synth = new CachedSynthesizer(inner, { cache })
    await synth.synthesize('timed', { onRequestMs: (ms) => reported.push(ms) })
    expect(cache.getEntry(synth.keyFor('timed'))?.meta.synthMs).toBe(12.5)
    expect(synth.stats.synthMs).toBe(12.5)
    expect(reported).toEqual([12.5])
  })
})
