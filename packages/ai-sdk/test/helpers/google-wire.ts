import { describe, expect, it } from 'vitest'
import { parseWav } from '../../../audio/src/index.js'
import { pcmFor } from '../../../audio/test/helpers/audio-bytes.js'
import { GEMINI_TEST_KEY, startGeminiServer } from '../../../audio/test/helpers/gemini-server.js'
import { rejectionOf } from '../../../audio/test/helpers/rejection.js'
import { serverForSuite } from '../../../audio/test/helpers/server-lifecycle.js'
import { SpeechModelSynthesizer } from '../../src/index.js'
import type { MakeModel } from './providers.js'

/** Gemini speech through the AI SDK's Google provider (its 4.x line is the first with speech). */
export function testGoogleWire(label: string, makeModel: MakeModel): void {
  describe(`Gemini speech through ${label}`, () => {
    const server = serverForSuite(startGeminiServer)
    const synth = (options: ConstructorParameters<typeof SpeechModelSynthesizer>[1] = {}) =>
      new SpeechModelSynthesizer(makeModel({ url: `${server().url}/v1beta`, apiKey: GEMINI_TEST_KEY }), {
        retryDelayMs: 1,
        ...options,
      })

    it('sends POST /v1beta/models/{model}:generateContent with x-goog-api-key and the voice in speechConfig', async () => {
      const audio = await synth({ voice: 'Puck', language: 'en-US' }).synthesize('Hi there')
      const request = server().requests.at(-1)!
      expect({ method: request.method, path: request.path }).toEqual({
        method: 'POST',
        path: '/v1beta/models/gemini-2.5-flash-preview-tts:generateContent',
      })
      expect(request.headers['x-goog-api-key']).toBe(GEMINI_TEST_KEY)
      expect(JSON.parse(request.body)).toEqual({
        contents: [{ role: 'user', parts: [{ text: 'Hi there' }] }],
        generationConfig: {
          responseModalities: ['AUDIO'],
          speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } }, languageCode: 'en-US' },
        },
      })
      // The provider puts a WAV header on Gemini's L16 by default: the header is what is described.
      expect(audio).toMatchObject({ format: 'wav', sampleRate: 24000, channels: 1, sampleWidth: 2 })
      expect(
        Buffer.from(audio.data.subarray(parseWav(audio.data).dataOffset)).equals(Buffer.from(pcmFor('Hi there'))),
      ).toBe(true)
    })

    it("labels outputFormat pcm pcm, at the rate of Gemini's mime type", async () => {
      const audio = await synth({ outputFormat: 'pcm' }).synthesize('Raw')
      expect(audio).toEqual({ data: pcmFor('Raw'), format: 'pcm', sampleRate: 24000, channels: 1, sampleWidth: 2 })
    })

    it('keeps only the first of several audio parts: a limit of the Google provider (use @russo/gemini)', async () => {
      const text = 'A longer answer that Gemini splits over parts'
      const audio = await synth({ outputFormat: 'pcm' }).synthesize(text)
      expect(audio.data.byteLength).toBe(4000)
      expect(pcmFor(text).byteLength).toBeGreaterThan(4000)
    })

    it("reads Google's error body, never the key", async () => {
      const wrong = makeModel({ url: `${server().url}/v1beta`, apiKey: 'AIzaSyWrongWrongWrong0123456789abcd' })
      const error = await rejectionOf(new SpeechModelSynthesizer(wrong).synthesize('Hi'))
      expect(error).toMatchObject({ code: 'TTS_BAD_REQUEST', status: 400 })
      expect(error.message).toContain('HTTP 400: API key not valid ([redacted])')
      expect(error.message).not.toContain('AIzaSyWrong')
    })
  })
}
