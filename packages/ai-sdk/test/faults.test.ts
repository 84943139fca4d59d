// A misbehaving OpenAI endpoint: hangs, resets mid-body, bodies cut short, HTML where audio should
// be, a key echoed back. Nothing wrong is cached, every failure has its code, the key never shows.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOpenAI } from '@ai-sdk/openai-v3'
import { CachedSynthesizer } from '@russo/cache'
import { afterEach, describe, expect, it } from 'vitest'
import { mp3For, pcmFor } from '../../audio/test/helpers/audio-bytes.js'
import { hang, resetMidBody, sendHtml200, truncatedWav } from '../../audio/test/helpers/misbehaviour.js'
import { rejectionOf } from '../../audio/test/helpers/rejection.js'
import { serversClosedAfterEach } from '../../audio/test/helpers/server-lifecycle.js'
import { type Handler, sendBytes, sendJson, type TtsServer } from '../../audio/test/helpers/tts-server.js'
import { SpeechModelSynthesizer, type SpeechModelSynthesizerOptions } from '../src/index.js'
import { API_KEY } from './helpers/providers.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function cacheDir() {
  const dir = mkdtempSync(join(tmpdir(), 'russo-ai-sdk-faults-'))
  dirs.push(dir)
  return dir
}

const serve = serversClosedAfterEach()
const openai = (server: TtsServer, options: SpeechModelSynthesizerOptions = {}, apiKey = API_KEY) =>
  new SpeechModelSynthesizer(createOpenAI({ baseURL: `${server.url}/v1`, apiKey }).speech('tts-1'), {
    retryDelayMs: 1,
    ...options,
  })
const input = (body: string) => (JSON.parse(body) as { input: string }).input
const mp3Reply: Handler = (request, response) => sendBytes(response, mp3For(input(request.body)), 'audio/mpeg')
/** The first `n` requests get `fault`, the rest are answered properly. */
const firstFail =
  (n: number, fault: Handler, then: Handler = mp3Reply): Handler =>
  (request, response) => {
    served.count++
    return served.count <= n ? fault(request, response) : then(request, response)
  }
const served = { count: 0 }
afterEach(() => {
  served.count = 0
})

describe('timeouts', () => {
  it('abandons an attempt after timeoutMs (TTS_TIMEOUT), retries it, and returns the retry', async () => {
    const server = await serve(firstFail(1, () => hang()))
    const audio = await openai(server, { timeoutMs: 200 }).synthesize('Slow start')
    expect(server.requests).toHaveLength(2)
    expect(audio.format).toBe('mp3')
  })

  it('gives up on a server that never answers with TTS_TIMEOUT naming the attempts and timeoutMs', async () => {
    const server = await serve(() => hang())
    const error = await rejectionOf(openai(server, { timeoutMs: 150, maxRetries: 1 }).synthesize('Anyone there'))
    expect(error).toMatchObject({
      name: 'TtsProviderError',
      code: 'TTS_TIMEOUT',
      attempts: 2,
      provider: 'openai.speech',
    })
    expect(error.message).toMatch(/no answer within timeoutMs \(150 ms\) \(after 2 attempts\)\. Raise .*timeoutMs/)
    expect(server.requests).toHaveLength(2)
  })

  it('has a default timeout of about a minute, and refuses a bad one', () => {
    expect(() => openai({ url: 'http://127.0.0.1:9' } as TtsServer, { timeoutMs: 0 })).toThrow(
      /option timeoutMs must be an integer >= 1 or Infinity, got 0/,
    )
  })
})

describe('broken answers', () => {
  it('a connection reset mid-body is TTS_NETWORK_ERROR and retried', async () => {
    const server = await serve(
      firstFail(1, (request, response) => resetMidBody(response, mp3For(input(request.body)), 'audio/mpeg')),
    )
    const audio = await openai(server).synthesize('Reset me')
    expect(server.requests).toHaveLength(2)
    expect(audio.data.byteLength).toBe(mp3For('Reset me').byteLength)

    const always = await serve((request, response) => resetMidBody(response, mp3For(input(request.body)), 'audio/mpeg'))
    const error = await rejectionOf(openai(always, { maxRetries: 1 }).synthesize('Reset me'))
    expect(error).toMatchObject({ code: 'TTS_NETWORK_ERROR', attempts: 2 })
    expect(error.message).toContain('the connection broke while the answer arrived')
  })

  it('a WAV whose header declares more data than arrived is TTS_NOT_AUDIO, retried, never cached', async () => {
    const server = await serve((_, response) => sendBytes(response, truncatedWav(), 'audio/wav'))
    const dir = cacheDir()
    const cached = new CachedSynthesizer(openai(server, { outputFormat: 'wav', maxRetries: 1 }), { cacheDir: dir })
    const error = await rejectionOf(cached.synthesize('Cut short'))
    expect(error).toMatchObject({ code: 'TTS_NOT_AUDIO', attempts: 2 })
    expect(error.message).toContain('truncated WAV: its header declares 12000 data bytes, 1957 arrived')
    expect(readdirSync(dir).filter((f) => !f.endsWith('.lock'))).toEqual([])
  })

  it('raw PCM answered as a 200 text/html page is TTS_NOT_AUDIO, summarised by its title, never cached', async () => {
    const server = await serve((_, response) => sendHtml200(response))
    const dir = cacheDir()
    const cached = new CachedSynthesizer(openai(server, { outputFormat: 'pcm', maxRetries: 0 }), { cacheDir: dir })
    const error = await rejectionOf(cached.synthesize('Raw please'))
    expect(error).toMatchObject({ code: 'TTS_NOT_AUDIO' })
    expect(error.message).toBe(
      'openai.speech (model tts-1): answered with content type text/html where raw audio was expected: ' +
        'Service Temporarily Unavailable.',
    )
    expect(readdirSync(dir)).toEqual([])
  })

  it('raw PCM as application/octet-stream or audio/pcm is audio', async () => {
    const server = await serve((request, response) =>
      sendBytes(
        response,
        pcmFor(input(request.body)),
        server.requests.length === 1 ? 'audio/pcm' : 'application/octet-stream',
      ),
    )
    const synth = openai(server, { outputFormat: 'pcm' })
    expect((await synth.synthesize('one')).format).toBe('pcm')
    expect((await synth.synthesize('two')).format).toBe('pcm')
  })
})

describe('redaction', () => {
  it('redacts the key it was given, whatever its shape, and keeps request ids and model names', async () => {
    const key = 'my.proxy.secret.KEY42'
    const server = await serve((request, response) =>
      sendJson(response, 401, {
        error: {
          message: `Key ${request.headers.authorization} refused for gpt-4o-mini-tts-2025-12-15-long-preview-name (request req_7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c1e)`,
        },
      }),
    )
    const error = await rejectionOf(openai(server, {}, key).synthesize('Hello'))
    expect(error.message).toContain(
      'Key Bearer [redacted] refused for gpt-4o-mini-tts-2025-12-15-long-preview-name (request req_7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c1e)',
    )
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('KEY42')
  })

  it('redacts a credential passed as the option when the model keeps its key out of reach', async () => {
    const server = await serve((_, response) =>
      sendJson(response, 403, { error: { message: 'token tok.99-zz rejected' } }),
    )
    const error = await rejectionOf(openai(server, { credential: 'tok.99-zz' }).synthesize('Hello'))
    expect(error.message).toContain('token [redacted] rejected')
  })
})

describe('synth_ms', () => {
  it('records the request time alone: queued and backed-off time is not in it', async () => {
    const server = await serve(async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 60))
      // The first answer to each prompt is a 429: the backoff must not count either.
      const seen = server.requests.filter((r) => input(r.body) === input(request.body)).length
      if (seen === 1) return sendJson(response, 429, { error: { message: 'later' } }, { 'retry-after-ms': '50' })
      mp3Reply(request, response)
    })
    const dir = cacheDir()
    // One request at a time (shared by nothing else: this port is this test's), so each request's time
    // is a separate stretch of the whole: their sum cannot exceed it, while queue time would.
    const cached = new CachedSynthesizer(openai(server, { concurrency: 1 }), { cacheDir: dir })
    const started = performance.now()
    await Promise.all(['one', 'two', 'three', 'four'].map((p) => cached.synthesize(p)))
    const wall = performance.now() - started
    const metas = readdirSync(dir).filter((f) => f.endsWith('.meta'))
    const synthMs = metas.map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { synth_ms: number }).synth_ms)
    expect(synthMs).toHaveLength(4)
    expect(synthMs.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(wall)
    expect(cached.stats.synthMs).toBeCloseTo(
      synthMs.reduce((a, b) => a + b, 0),
      -1,
    )
  })
})
