import { describe, expect, it } from 'vitest'
import { mp3For, pcmFor } from '../../../audio/test/helpers/audio-bytes.js'
import { rejectionOf } from '../../../audio/test/helpers/rejection.js'
import { serverForSuite } from '../../../audio/test/helpers/server-lifecycle.js'
import { sendBytes, sendJson, startTtsServer, type TtsServer } from '../../../audio/test/helpers/tts-server.js'
import { SpeechModelSynthesizer } from '../../src/index.js'
import { API_KEY, type MakeModel } from './providers.js'

/** What ElevenLabs' `POST /v1/text-to-speech/{voice_id}?output_format=…` answers. */
export async function startElevenLabsServer(): Promise<TtsServer> {
  return startTtsServer((request, response) => {
    if (request.headers['xi-api-key'] !== API_KEY) {
      return sendJson(response, 401, {
        detail: { status: 'invalid_api_key', message: `Invalid API key: ${request.headers['xi-api-key']}` },
      })
    }
    const { text } = JSON.parse(request.body) as { text: string }
    if (text === 'unprocessable') {
      return sendJson(response, 422, {
        detail: [{ loc: ['body', 'voice_settings'], msg: 'stability out of range', type: 'value_error' }],
      })
    }
    const format = request.query.output_format ?? 'mp3_44100_128'
    const rate = /^pcm_(\d+)$/.exec(format)?.[1]
    if (rate !== undefined) return sendBytes(response, pcmFor(text, Number(rate)), 'application/octet-stream')
    // 8-bit G.711 μ-law, one byte a sample: no header to sniff.
    if (format === 'ulaw_8000') return sendBytes(response, new Uint8Array(text.length * 80).fill(0x7f), 'audio/basic')
    return sendBytes(response, mp3For(text), 'audio/mpeg')
  })
}

/** The ElevenLabs speech wire format, checked through one provider major. */
export function testElevenLabsWire(label: string, makeModel: MakeModel): void {
  describe(`ElevenLabs speech through ${label}`, () => {
    const server = serverForSuite(startElevenLabsServer)
    const synth = (options: ConstructorParameters<typeof SpeechModelSynthesizer>[1] = {}) =>
      new SpeechModelSynthesizer(makeModel({ url: server().url, apiKey: API_KEY }), { retryDelayMs: 1, ...options })

    it('sends POST /v1/text-to-speech/{voice} with xi-api-key, output_format in the query, settings in the body', async () => {
      const audio = await synth({
        voice: 'JBFqnCBsd6RMkjVDRZzb',
        speed: 1.1,
        language: 'de',
        providerOptions: { elevenlabs: { voiceSettings: { stability: 0.4 }, seed: 7 } },
      }).synthesize('Guten Tag')
      const request = server().requests.at(-1)!
      expect({ method: request.method, path: request.path, query: request.query }).toEqual({
        method: 'POST',
        path: '/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb',
        query: { output_format: 'mp3_44100_128' },
      })
      expect(request.headers['xi-api-key']).toBe(API_KEY)
      expect(request.headers.authorization).toBeUndefined()
      expect(JSON.parse(request.body)).toEqual({
        text: 'Guten Tag',
        model_id: 'eleven_multilingual_v2',
        language_code: 'de',
        seed: 7,
        voice_settings: { speed: 1.1, stability: 0.4 },
      })
      expect(audio).toMatchObject({ format: 'mp3', sampleRate: 44100, channels: 1, sampleWidth: 2 })
    })

    it.each([
      ['pcm_16000', 'pcm_16000', 16000],
      ['pcm_22050', 'pcm_22050', 22050],
      ['pcm_24000', 'pcm_24000', 24000],
      ['pcm_44100', 'pcm_44100', 44100],
      ['pcm', 'pcm_44100', 44100],
    ])('labels outputFormat %s (sent as %s) pcm at %i Hz', async (outputFormat, sent, rate) => {
      const audio = await synth({ voice: 'v1', outputFormat }).synthesize('Raw')
      expect(server().requests.at(-1)!.query).toEqual({ output_format: sent })
      expect(audio).toEqual({ data: pcmFor('Raw', rate), format: 'pcm', sampleRate: rate, channels: 1, sampleWidth: 2 })
    })

    it('labels ulaw output ulaw, 8 kHz, one byte a sample', async () => {
      const audio = await synth({ voice: 'v1', outputFormat: 'ulaw' }).synthesize('Phone line')
      expect(server().requests.at(-1)!.query).toEqual({ output_format: 'ulaw_8000' })
      expect(audio).toMatchObject({ format: 'ulaw', sampleRate: 8000, channels: 1, sampleWidth: 1 })
      expect(audio.data.byteLength).toBe(800)
    })

    it("reads ElevenLabs' own error shapes into TtsProviderError, never the key", async () => {
      const wrong = makeModel({ url: server().url, apiKey: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' })
      const unauthorized = await rejectionOf(new SpeechModelSynthesizer(wrong).synthesize('Hi'))
      expect(unauthorized).toMatchObject({ code: 'TTS_UNAUTHORIZED', status: 401, provider: 'elevenlabs.speech' })
      expect(unauthorized.message).toContain('HTTP 401: Invalid API key: [redacted]')
      expect(unauthorized.message).not.toContain('a1b2c3d4')
      const invalid = await rejectionOf(synth({ maxRetries: 2 }).synthesize('unprocessable'))
      expect(invalid).toMatchObject({
        code: 'TTS_BAD_REQUEST',
        status: 422,
        providerMessage: 'stability out of range',
        attempts: 1,
      })
    })
  })
}
