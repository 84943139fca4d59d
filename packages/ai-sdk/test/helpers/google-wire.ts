import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWav } from '../../../audio/src/index.js'
import { pcmFor } from '../../../audio/test/helpers/audio-bytes.js'
import { sendJson, startTtsServer, type TtsServer } from '../../../audio/test/helpers/tts-server.js'
import { SpeechModelSynthesizer } from '../../src/index.js'
import { API_KEY, type MakeModel, rejectionOf } from './providers.js'

/** Gemini's `POST /v1beta/models/{model}:generateContent`: base64 L16 in `inlineData`, errors in Google's shape. */
export async function startGeminiServer(): Promise<TtsServer> {
  return startTtsServer((request, response) => {
    if (request.headers['x-goog-api-key'] !== API_KEY) {
      return sendJson(response, 400, {
        error: {
          code: 400,
          message: `API key not valid: ${request.headers['x-goog-api-key']}`,
          status: 'INVALID_ARGUMENT',
        },
      })
    }
    const body = JSON.parse(request.body) as { contents: Array<{ parts: Array<{ text: string }> }> }
    const text = body.contents[0]!.parts[0]!.text
    const data = Buffer.from(pcmFor(text, 24000)).toString('base64')
    sendJson(response, 200, {
      candidates: [
        {
          content: { role: 'model', parts: [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=24000', data } }] },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: { promptTokenCount: 4 },
      modelVersion: 'gemini-2.5-flash-preview-tts',
    })
  })
}

/** Gemini speech through the AI SDK's Google provider (its 4.x line is the first with speech). */
export function testGoogleWire(label: string, makeModel: MakeModel): void {
  describe(`Gemini speech through ${label}`, () => {
    let server: TtsServer
    beforeAll(async () => {
      server = await startGeminiServer()
    })
    afterAll(() => server.close())
    const synth = (options: ConstructorParameters<typeof SpeechModelSynthesizer>[1] = {}) =>
      new SpeechModelSynthesizer(makeModel({ url: `${server.url}/v1beta`, apiKey: API_KEY }), {
        retryDelayMs: 1,
        ...options,
      })

    it('sends POST /v1beta/models/{model}:generateContent with x-goog-api-key and the voice in speechConfig', async () => {
      const audio = await synth({ voice: 'Puck', language: 'en-US' }).synthesize('Say hello')
      const request = server.requests.at(-1)!
      expect({ method: request.method, path: request.path }).toEqual({
        method: 'POST',
        path: '/v1beta/models/gemini-2.5-flash-preview-tts:generateContent',
      })
      expect(request.headers['x-goog-api-key']).toBe(API_KEY)
      expect(JSON.parse(request.body)).toEqual({
        contents: [{ role: 'user', parts: [{ text: 'Say hello' }] }],
        generationConfig: {
          responseModalities: ['AUDIO'],
          speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } }, languageCode: 'en-US' },
        },
      })
      // The provider puts a WAV header on Gemini's L16 by default: the header is what is described.
      expect(audio).toMatchObject({ format: 'wav', sampleRate: 24000, channels: 1, sampleWidth: 2 })
      expect(
        Buffer.from(audio.data.subarray(parseWav(audio.data).dataOffset)).equals(Buffer.from(pcmFor('Say hello'))),
      ).toBe(true)
    })

    it("labels outputFormat pcm pcm, at the rate of Gemini's mime type", async () => {
      const audio = await synth({ outputFormat: 'pcm' }).synthesize('Raw')
      expect(audio).toEqual({ data: pcmFor('Raw'), format: 'pcm', sampleRate: 24000, channels: 1, sampleWidth: 2 })
    })

    it("reads Google's error body, never the key", async () => {
      const wrong = makeModel({ url: `${server.url}/v1beta`, apiKey: 'AIzaSyWrongWrongWrong0123456789abcd' })
      const error = await rejectionOf(new SpeechModelSynthesizer(wrong).synthesize('Hi'))
      expect(error).toMatchObject({ code: 'TTS_BAD_REQUEST', status: 400 })
      expect(error.message).toContain('HTTP 400: API key not valid: [redacted]')
      expect(error.message).not.toContain('AIzaSyWrong')
    })
  })
}
