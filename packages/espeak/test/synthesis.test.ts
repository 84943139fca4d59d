import { parseWav } from '@russo/audio'
import { describe, expect, it, vi } from 'vitest'
import { EspeakSynthesizer } from '../src/index.js'
import { rms, samples, seconds } from './pcm.js'

const synth = new EspeakSynthesizer()

describe('EspeakSynthesizer.synthesize', () => {
  it('returns the WAV the engine wrote, with format fields read from its header', async () => {
    const audio = await synth.synthesize('Hello world, book a flight')
    const header = parseWav(audio.data)
    expect(header).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 22050, bitsPerSample: 16 })
    expect(audio).toMatchObject({
      format: 'wav',
      sampleRate: header.sampleRate,
      channels: header.channels,
      sampleWidth: 2,
    })
    expect(header.dataOffset + header.dataBytes).toBe(audio.data.byteLength)
  })

  it('speaks: the audio is not silence and grows with the text', async () => {
    const short = await synth.synthesize('Book a flight.')
    const long = await synth.synthesize('Book a flight from Berlin to Rome on the third of March, with a window seat.')
    expect(rms(samples(short))).toBeGreaterThan(500)
    expect(seconds(short)).toBeGreaterThan(0.5)
    expect(seconds(long)).toBeGreaterThan(seconds(short) * 2.5)
  })

  it('gives the same bytes for the same text and settings', async () => {
    const [a, b] = [
      await synth.synthesize('Same words, same bytes.'),
      await synth.synthesize('Same words, same bytes.'),
    ]
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true)
  })

  it.each([
    ['-v', 'an option of the command line'],
    ['--help', 'a long option'],
    ['-w /etc/passwd', 'an option with a value'],
    ['She said "yes" and \'no\'', 'quotes'],
    ['First line.\nSecond line.', 'a newline'],
    ['Grüße aus Köln, ça va?', 'non-ASCII Latin'],
    ['東京へ 🚄', 'CJK and an emoji'],
  ])('speaks %j (%s) as text', async (text) => {
    const audio = await synth.synthesize(text)
    expect(seconds(audio)).toBeGreaterThan(0.3)
    expect(rms(samples(audio))).toBeGreaterThan(300)
  })

  it('compiles the WebAssembly module once per process, not per call', async () => {
    const api = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> } }).WebAssembly
    const compile = vi.spyOn(api, 'compile')
    // Forget the module this worker compiled already, to watch it being compiled.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('@russo/espeak/wasm-module')]
    try {
      await Promise.all([synth.synthesize('One.'), synth.synthesize('Two.')])
      await synth.synthesize('Three.')
      expect(compile).toHaveBeenCalledTimes(1)
    } finally {
      compile.mockRestore()
    }
  })

  it('keeps the engine off stdout and stderr and leaves Error.stackTraceLimit as it was', async () => {
    const writes = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')]
    const logs = (['log', 'info', 'warn', 'error'] as const).map((m) => vi.spyOn(console, m))
    const before = Error.stackTraceLimit
    Error.stackTraceLimit = 17
    try {
      await synth.synthesize('Quiet, please.')
      await expect(
        new EspeakSynthesizer({ voice: 'zz' }).synthesize('The engine complains on stderr.'),
      ).rejects.toThrow()
      expect(Error.stackTraceLimit).toBe(17)
    } finally {
      Error.stackTraceLimit = before
    }
    for (const spy of [...writes, ...logs]) {
      expect(spy).not.toHaveBeenCalled()
      spy.mockRestore()
    }
  })
})
