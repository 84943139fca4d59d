import { describe, expect, it } from 'vitest'
import { pcmFor } from '../../../audio/test/helpers/audio-bytes.js'
import { GEMINI_TEST_KEY, startGeminiServer } from '../../../audio/test/helpers/gemini-server.js'
import { rejectionOf } from '../../../audio/test/helpers/rejection.js'
import { serverForSuite } from '../../../audio/test/helpers/server-lifecycle.js'
import { GeminiSynthesizer, type GeminiSynthesizerOptions } from '../../src/index.js'

/** Gemini's wire format through whichever `@google/genai` major `@google/genai` resolves to. */
export function testGeminiWire(label: string, sdkMajor: number): void {
  describe(`GeminiSynthesizer on ${label}`, () => {
    const server = serverForSuite(startGeminiServer)
    const synth = (options: GeminiSynthesizerOptions = {}) =>
      new GeminiSynthesizer({
        apiKey: GEMINI_TEST_KEY,
        httpOptions: { baseUrl: server().url },
        retryDelayMs: 1,
        ...options,
      })

    it('sends POST /v1beta/models/{model}:generateContent with x-goog-api-key and the voice, and joins every audio part', async () => {
      const text = 'Book a table for two at eight tonight, please.'
      const audio = await synth().synthesize(text)
      const request = server().requests.at(-1)!
      expect({ method: request.method, path: request.path, query: request.query }).toEqual({
        method: 'POST',
        path: '/v1beta/models/gemini-2.5-flash-preview-tts:generateContent',
        query: {},
      })
      expect(request.headers['x-goog-api-key']).toBe(GEMINI_TEST_KEY)
      expect(request.headers['x-goog-api-client']).toMatch(new RegExp(`^google-genai-sdk/${sdkMajor}\\.`))
      expect(JSON.parse(request.body)).toEqual({
        contents: [{ role: 'user', parts: [{ text }] }],
        generationConfig: {
          responseModalities: ['AUDIO'],
          speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } },
        },
      })
      // Several parts of L16, joined in order, labelled pcm (not wav: there is no header).
      expect(pcmFor(text).byteLength).toBeGreaterThan(8000)
      expect(audio).toEqual({ data: pcmFor(text), format: 'pcm', sampleRate: 24000, channels: 1, sampleWidth: 2 })
    })

    it("takes the sample rate from the mime type's rate=", async () => {
      const audio = await synth().synthesize('rate=16000 please')
      expect(audio).toMatchObject({ format: 'pcm', sampleRate: 16000 })
      expect(audio.data).toEqual(pcmFor('rate=16000 please', 16000))
    })

    it('sends model, voice, language, instructions and two speakers as Gemini documents them', async () => {
      await synth({
        model: 'gemini-2.5-pro-preview-tts',
        languageCode: 'de-DE',
        instructions: 'Read aloud in a warm tone',
        speakers: [
          { speaker: 'Joe', voice: 'Kore' },
          { speaker: 'Jane', voice: 'Puck' },
        ],
      }).synthesize('Joe: Hallo!\nJane: Guten Tag!')
      const request = server().requests.at(-1)!
      expect(request.path).toBe('/v1beta/models/gemini-2.5-pro-preview-tts:generateContent')
      expect(JSON.parse(request.body)).toEqual({
        contents: [{ role: 'user', parts: [{ text: 'Read aloud in a warm tone: Joe: Hallo!\nJane: Guten Tag!' }] }],
        generationConfig: {
          responseModalities: ['AUDIO'],
          speechConfig: {
            languageCode: 'de-DE',
            multiSpeakerVoiceConfig: {
              speakerVoiceConfigs: [
                { speaker: 'Joe', voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } },
                { speaker: 'Jane', voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } } },
              ],
            },
          },
        },
      })
    })

    it("turns Google's error body into a TtsProviderError, never the key", async () => {
      const wrongKey = 'AIzaSyWrongKeyWrongKey0123456789abcd'
      const error = await rejectionOf(
        new GeminiSynthesizer({ apiKey: wrongKey, httpOptions: { baseUrl: server().url } }).synthesize('Hello'),
      )
      expect(error).toMatchObject({
        name: 'TtsProviderError',
        code: 'TTS_BAD_REQUEST',
        status: 400,
        provider: 'gemini',
      })
      expect(error.message).toBe(
        'gemini (model gemini-2.5-flash-preview-tts) HTTP 400: INVALID_ARGUMENT: API key not valid ([redacted]). Please pass a valid API key.',
      )
      expect(JSON.stringify({ ...error, stack: error.stack })).not.toContain(wrongKey)
    })

    it.each([
      [404, 'TTS_NOT_FOUND', 1],
      [403, 'TTS_FORBIDDEN', 1],
      [500, 'TTS_SERVER_ERROR', 3],
    ])('gives HTTP %i the code %s after %i attempt(s)', async (status, code, attempts) => {
      const before = server().requests.length
      const error = await synth()
        .synthesize(`fail:${status}`)
        .catch((e: unknown) => e)
      expect(error).toMatchObject({ code, status, attempts, providerMessage: `SOME_STATUS: The model says ${status}` })
      expect(server().requests.length - before).toBe(attempts)
    })
  })
}
