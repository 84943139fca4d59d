// The contract every Synthesizer adapter should meet, as one reusable suite (the idea of unstorage's
// testDriver()). Its own entry, so only code that runs it loads Vitest.
import type { Audio, Synthesizer } from '@russo/cache'
import { describe, expect, it } from 'vitest'
import { readAudioInfo } from '../audio-info.js'
import { parseWav } from '../wav.js'

export type { HttpFaultOptions } from './http-faults.js'
export { testHttpFaults } from './http-faults.js'

export interface ContractOptions {
  /** Makes the synthesizer under test. Called once per test. */
  create: () => Synthesizer
  /**
   * The `format` the synthesizer returns. Where the bytes carry a header (WAV, MP3, …) the fields are
   * checked against it; `'pcm'` must be a whole number of frames.
   */
  format: string
  /** The same text and settings give the same bytes (true for local engines, rarely for cloud TTS). */
  deterministic: boolean
}

export function testSynthesizer(name: string, { create, format, deterministic }: ContractOptions): void {
  describe(`${name} meets the Synthesizer contract`, () => {
    it('returns Audio whose fields are positive integers and whose data is a non-empty Uint8Array', async () => {
      const audio = await create().synthesize('The contract says hello.')
      expect(Object.prototype.toString.call(audio.data)).toBe('[object Uint8Array]')
      expect(audio.data.byteLength).toBeGreaterThan(0)
      expect(audio.format).toBe(format)
      for (const field of ['sampleRate', 'channels', 'sampleWidth'] as const) {
        expect(Number.isInteger(audio[field]) && audio[field] > 0, field).toBe(true)
      }
    })

    it('describes its output with the fields its bytes hold', async () => {
      const audio = await create().synthesize('Headers do not lie.')
      const fields = { sampleRate: audio.sampleRate, channels: audio.channels, sampleWidth: audio.sampleWidth }
      if (format === 'pcm') {
        expect(readAudioInfo(audio.data), 'raw PCM must have no container header').toBeUndefined()
        expect(audio.data.byteLength % (audio.channels * audio.sampleWidth)).toBe(0)
        return
      }
      const info = readAudioInfo(audio.data)
      expect(info, `the bytes of ${format} audio carry no header this suite can read`).toBeDefined()
      expect({ ...fields, format: audio.format }).toEqual(info)
      if (format === 'wav') expect(parseWav(audio.data).frames).toBeGreaterThan(0)
    })

    it('refuses empty and whitespace-only text with a TypeError', async () => {
      const synth = create()
      await expect(synth.synthesize('')).rejects.toThrow(TypeError)
      // Whatever the words, the message must say why: empty, white space, nothing to say.
      await expect(synth.synthesize(' \n\t ')).rejects.toThrow(TypeError)
      await expect(synth.synthesize(' \n\t ')).rejects.toThrow(/empty|white ?space|nothing to/i)
    })

    it('declares cacheKeyExtra as a plain record of JSON values, or not at all', () => {
      const extra = create().cacheKeyExtra ?? {}
      expect(Object.getPrototypeOf(extra)).toBe(Object.prototype)
      expect(JSON.parse(JSON.stringify(extra))).toEqual(extra)
      expect(extra).not.toHaveProperty('prompt')
    })

    it('gives each of several concurrent calls the audio of its own text', async () => {
      const synth = create()
      const texts = ['one', 'two two', 'three three three', 'four four four four']
      const together = await Promise.all(texts.map((text) => synth.synthesize(text)))
      const lengths = together.map((audio) => audio.data.byteLength)
      expect(new Set(lengths).size).toBe(texts.length)
      if (deterministic) {
        const alone: Audio[] = []
        for (const text of texts) alone.push(await synth.synthesize(text))
        expect(together.map((a) => Buffer.from(a.data).toString('base64'))).toEqual(
          alone.map((a) => Buffer.from(a.data).toString('base64')),
        )
      }
    })

    it('rejects with the reason of an already aborted signal, before any work', async () => {
      const reason = new Error('stop')
      await expect(create().synthesize('never spoken', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    })
  })
}
