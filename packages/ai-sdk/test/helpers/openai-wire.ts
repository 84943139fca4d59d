import { describe, expect, it } from 'vitest'
import { mp3For, pcmFor, wavFor } from '../../../audio/test/helpers/audio-bytes.js'
import { rejectionOf } from '../../../audio/test/helpers/rejection.js'
import { serverForSuite } from '../../../audio/test/helpers/server-lifecycle.js'
import { sendBytes, sendJson, startTtsServer, type TtsServer } from '../../../audio/test/helpers/tts-server.js'
import { SpeechModelSynthesizer } from '../../src/index.js'
import { API_KEY, type MakeModel } from './providers.js'

/** What OpenAI's `POST /v1/audio/speech` answers for each `response_format`. */
export async function startOpenAiServer(): Promise<TtsServer> {
  return startTtsServer((request, response) => {
    const body = JSON.parse(request.body) as { input: string; response_format: string }
    if (request.headers.authorization !== `Bearer ${API_KEY}`) {
      return sendJson(response, 401, {
        error: {
          message: `Incorrect API key provided: ${request.headers.authorization}.`,
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      })
    }
    if (body.input.startsWith('fail:')) {
      const status = Number(body.input.slice(5, 8))
      return sendJson(response, status, {
        error: { message: `The server says ${status}`, type: 'server_error', code: null },
      })
    }
    const { input, response_format: format } = body
    if (format === 'wav') return sendBytes(response, wavFor(input), 'audio/wav')
    // OpenAI sends raw PCM as application/octet-stream.
    if (format === 'pcm') return sendBytes(response, pcmFor(input), 'application/octet-stream')
    return sendBytes(response, mp3For(input), 'audio/mpeg')
  })
}

/** The OpenAI speech wire format, checked through one provider major. */
export function testOpenAiWire(label: string, makeModel: MakeModel): void {
  describe(`OpenAI speech through ${label}`, () => {
    const server = serverForSuite(startOpenAiServer)
    const synth = (options: ConstructorParameters<typeof SpeechModelSynthesizer>[1] = {}) =>
      new SpeechModelSynthesizer(makeModel({ url: `${server().url}/v1`, apiKey: API_KEY }), {
        retryDelayMs: 1,
        ...options,
      })

    it('sends POST /v1/audio/speech with a Bearer key and every option in the JSON body', async () => {
      const audio = await synth({ voice: 'alloy', speed: 1.25, instructions: 'Cheerful.' }).synthesize('Hello there')
      const request = server().requests.at(-1)!
      expect({ method: request.method, path: request.path, query: request.query }).toEqual({
        method: 'POST',
        path: '/v1/audio/speech',
        query: {},
      })
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`)
      expect(request.headers['content-type']).toMatch(/^application\/json/)
      expect(JSON.parse(request.body)).toEqual({
        model: 'gpt-4o-mini-tts',
        input: 'Hello there',
        voice: 'alloy',
        response_format: 'mp3',
        speed: 1.25,
        instructions: 'Cheerful.',
      })
      expect(audio).toMatchObject({ format: 'mp3', sampleRate: 44100, channels: 1, sampleWidth: 2 })
      expect(Buffer.from(audio.data).equals(Buffer.from(mp3For('Hello there')))).toBe(true)
    })

    it('describes wav output from its header', async () => {
      const audio = await synth({ voice: 'nova', outputFormat: 'wav' }).synthesize('Wave')
      expect(JSON.parse(server().requests.at(-1)!.body)).toMatchObject({ response_format: 'wav', voice: 'nova' })
      expect(audio).toMatchObject({ format: 'wav', sampleRate: 24000, channels: 1, sampleWidth: 2 })
      expect(audio.data.byteLength).toBe(44 + 4 * 240 * 2)
    })

    it('labels pcm output (sent as application/octet-stream) pcm, 24 kHz 16-bit mono as OpenAI documents', async () => {
      const audio = await synth({ outputFormat: 'pcm' }).synthesize('Raw')
      expect(audio).toEqual({ data: pcmFor('Raw'), format: 'pcm', sampleRate: 24000, channels: 1, sampleWidth: 2 })
    })

    it("turns OpenAI's error body into a TtsProviderError naming provider, model, status and message, never the key", async () => {
      const model = makeModel({ url: `${server().url}/v1`, apiKey: 'sk-wrong-0123456789abcdefghijkl' })
      const error = await rejectionOf(new SpeechModelSynthesizer(model).synthesize('Hi'))
      expect(error).toMatchObject({
        name: 'TtsProviderError',
        code: 'TTS_UNAUTHORIZED',
        status: 401,
        model: 'gpt-4o-mini-tts',
      })
      expect(error.message).toMatch(
        /^openai\.speech \(model gpt-4o-mini-tts\) HTTP 401: Incorrect API key provided: Bearer \[redacted\]\./,
      )
      expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('sk-wrong')
    })

    it.each([
      [400, 'TTS_BAD_REQUEST'],
      [403, 'TTS_FORBIDDEN'],
      [404, 'TTS_NOT_FOUND'],
    ])('gives HTTP %i the code %s without retrying', async (status, code) => {
      const before = server().requests.length
      const error = await rejectionOf(synth({ maxRetries: 3 }).synthesize(`fail:${status}`))
      expect(error).toMatchObject({ code, status, providerMessage: `The server says ${status}`, attempts: 1 })
      expect(server().requests.length - before).toBe(1)
    })
  })
}
