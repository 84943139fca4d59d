import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CachedSynthesizer } from '@russo/cache'
import { afterEach, describe, expect, it } from 'vitest'
import { pcmFor } from '../../audio/test/helpers/audio-bytes.js'
import { GEMINI_TEST_KEY, type GeminiRequestBody } from '../../audio/test/helpers/gemini-server.js'
import { rejectionOf } from '../../audio/test/helpers/rejection.js'
import { abortStalledCall, serversClosedAfterEach } from '../../audio/test/helpers/server-lifecycle.js'
import { type Handler, sendJson, type TtsServer } from '../../audio/test/helpers/tts-server.js'
import { classifyGemini } from '../src/errors.js'
import { GeminiSynthesizer, type GeminiSynthesizerOptions } from '../src/index.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const serve = serversClosedAfterEach()
const gemini = (server: TtsServer, options: GeminiSynthesizerOptions = {}) =>
  new GeminiSynthesizer({ apiKey: GEMINI_TEST_KEY, httpOptions: { baseUrl: server.url }, retryDelayMs: 1, ...options })

const textOf = (body: string) => (JSON.parse(body) as GeminiRequestBody).contents[0]!.parts[0]!.text
const audioReply: Handler = (request, response) => {
  const data = Buffer.from(pcmFor(textOf(request.body))).toString('base64')
  sendJson(response, 200, {
    candidates: [{ content: { parts: [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=24000', data } }] } }],
  })
}
const exhausted = (retryDelay: string) => ({
  error: {
    code: 429,
    message: 'Resource has been exhausted (e.g. check quota).',
    status: 'RESOURCE_EXHAUSTED',
    details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }],
  },
})

describe('retries', () => {
  it("retries a 429 after the RetryInfo delay Gemini sends, and returns the retry's audio", async () => {
    const server = await serve((request, response) =>
      server.requests.length === 1 ? sendJson(response, 429, exhausted('0s')) : audioReply(request, response),
    )
    // A minute of backoff unless the RetryInfo delay (0 s) is honoured: the test would time out.
    const audio = await gemini(server, { retryDelayMs: 60_000 }).synthesize('Quota')
    expect(server.requests).toHaveLength(2)
    expect(audio.data.byteLength).toBe(pcmFor('Quota').byteLength)
  })

  it('honours a Retry-After header where the error body names no delay', async () => {
    const server = await serve((request, response) =>
      server.requests.length === 1
        ? sendJson(
            response,
            503,
            { error: { code: 503, message: 'Overloaded', status: 'UNAVAILABLE' } },
            { 'retry-after': '0' },
          )
        : audioReply(request, response),
    )
    await gemini(server, { retryDelayMs: 60_000 }).synthesize('Busy')
    expect(server.requests).toHaveLength(2)
  })

  it('gives up with TTS_RATE_LIMITED once maxRateLimitWaitMs has passed, saying so', async () => {
    const server = await serve((_, response) => sendJson(response, 429, exhausted('0.05s')))
    const error = await rejectionOf(gemini(server, { maxRetries: 0, maxRateLimitWaitMs: 300 }).synthesize('Quota'))
    expect(error).toMatchObject({ code: 'TTS_RATE_LIMITED', status: 429, attempts: server.requests.length })
    expect(server.requests.length).toBeGreaterThan(1)
    expect(error.message).toContain('RESOURCE_EXHAUSTED: Resource has been exhausted')
    expect(error.message).toMatch(/answered 429 for \d+\.\d s\)\. .*maxRateLimitWaitMs/)
  })

  it('reads the delay from RetryInfo first, else from the Retry-After the fetch saw', () => {
    const apiError = (body: unknown, status = 429) =>
      Object.assign(new Error(JSON.stringify(body)), { name: 'ApiError', status })
    const limited = { retry: true, rateLimited: true }
    expect(classifyGemini(apiError(exhausted('37s')), () => 5000)).toEqual({ ...limited, retryAfterMs: 37_000 })
    expect(classifyGemini(apiError({ error: { code: 429 } }), () => 5000)).toEqual({ ...limited, retryAfterMs: 5000 })
    expect(classifyGemini(apiError({ error: { code: 503 } }, 503), () => undefined)).toEqual({
      retry: true,
      rateLimited: false,
    })
    expect(classifyGemini(apiError({ error: { code: 400 } }, 400), () => 0)).toEqual({ retry: false })
  })
})

describe('abort', () => {
  it("rejects with the signal's reason at once and closes the request to a stalled server", async () => {
    const { outcome, reason, abandoned } = await abortStalledCall(serve, (server, signal) =>
      gemini(server).synthesize('Stalled', { signal }),
    )
    expect(outcome).toBe(reason)
    expect(abandoned.path).toBe('/v1beta/models/gemini-2.5-flash-preview-tts:generateContent')
  })
})

describe('concurrency', () => {
  it('keeps a synthesizer at its limit: 16 parallel prompts against a server that answers 429 above 2', async () => {
    const server = await serve(async (request, response) => {
      if (request.concurrent > 2) return sendJson(response, 429, exhausted('0s'))
      await new Promise((resolve) => setTimeout(resolve, 20))
      audioReply(request, response)
    })
    const synth = gemini(server, { concurrency: 2 })
    await Promise.all(Array.from({ length: 16 }, (_, i) => synth.synthesize(`prompt ${i}`)))
    expect(server.requests).toHaveLength(16)
    expect(server.peak).toBe(2)
  })
})

describe('credentials and failures', () => {
  const cacheDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'russo-gemini-'))
    dirs.push(dir)
    return dir
  }

  it('needs no key to construct; a synthesis without one names GEMINI_API_KEY and --russo-offline', async () => {
    const saved = { GOOGLE_API_KEY: process.env.GOOGLE_API_KEY, GEMINI_API_KEY: process.env.GEMINI_API_KEY }
    delete process.env.GOOGLE_API_KEY
    delete process.env.GEMINI_API_KEY
    try {
      const error = await rejectionOf(new GeminiSynthesizer().synthesize('Hello'))
      expect(error).toMatchObject({ name: 'TtsProviderError', code: 'TTS_MISSING_CREDENTIAL' })
      expect(error.message).toContain('GEMINI_API_KEY')
      expect(error.message).toContain('--russo-offline')
    } finally {
      for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value
    }
  })

  it('reads the key from GEMINI_API_KEY at the first synthesis', async () => {
    const server = await serve(audioReply)
    const saved = process.env.GEMINI_API_KEY
    process.env.GEMINI_API_KEY = GEMINI_TEST_KEY
    try {
      await new GeminiSynthesizer({ httpOptions: { baseUrl: server.url } }).synthesize('From the environment')
    } finally {
      if (saved === undefined) delete process.env.GEMINI_API_KEY
      else process.env.GEMINI_API_KEY = saved
    }
    expect(server.requests[0]!.headers['x-goog-api-key']).toBe(GEMINI_TEST_KEY)
  })

  it('uses a client given as option (Vertex AI, custom auth) and needs no key of its own', async () => {
    const calls: unknown[] = []
    const data = Buffer.from(pcmFor('Vertex')).toString('base64')
    const client = {
      models: {
        generateContent: async (params: unknown) => {
          calls.push(params)
          return { candidates: [{ content: { parts: [{ inlineData: { mimeType: 'audio/L16;rate=24000', data } }] } }] }
        },
      },
    }
    const audio = await new GeminiSynthesizer({ client, voice: 'Puck' }).synthesize('Vertex')
    expect(audio).toMatchObject({ format: 'pcm', sampleRate: 24000 })
    expect(calls).toEqual([
      expect.objectContaining({
        model: 'gemini-2.5-flash-preview-tts',
        contents: [{ role: 'user', parts: [{ text: 'Vertex' }] }],
        config: expect.objectContaining({
          responseModalities: ['AUDIO'],
          speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } } },
        }),
      }),
    ])
  })

  it("sends the requests through the user's own httpOptions.fetch", async () => {
    const server = await serve(audioReply)
    const seen: string[] = []
    const userFetch: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input))
      return fetch(input, init)
    }
    await gemini(server, { httpOptions: { baseUrl: server.url, fetch: userFetch } }).synthesize('Proxied')
    expect(seen).toEqual([`${server.url}/v1beta/models/gemini-2.5-flash-preview-tts:generateContent`])
  })

  it('a response without audio (a safety stop) is TTS_NO_AUDIO and is not cached', async () => {
    const server = await serve((_, response) => sendJson(response, 200, { candidates: [{ finishReason: 'SAFETY' }] }))
    const dir = cacheDir()
    const error = await rejectionOf(new CachedSynthesizer(gemini(server), { cacheDir: dir }).synthesize('Hm'))
    expect(error).toMatchObject({ code: 'TTS_NO_AUDIO' })
    expect(error.message).toContain('the response held no audio (finishReason SAFETY)')
    expect(readdirSync(dir)).toEqual([])
  })
})
