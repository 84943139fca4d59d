// A misbehaving Gemini endpoint: bodies that are not answers, errors inside a 200, a proxy's HTML,
// hangs and resets. Each becomes a TtsProviderError naming provider and model, never a SyntaxError.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CachedSynthesizer } from '@russo/cache'
import { afterEach, describe, expect, it } from 'vitest'
import { pcmFor } from '../../audio/test/helpers/audio-bytes.js'
import { GEMINI_TEST_KEY, type GeminiRequestBody } from '../../audio/test/helpers/gemini-server.js'
import { hang, NGINX_502, resetMidBody, sendHtml200 } from '../../audio/test/helpers/misbehaviour.js'
import { rejectionOf } from '../../audio/test/helpers/rejection.js'
import { serversClosedAfterEach } from '../../audio/test/helpers/server-lifecycle.js'
import { type Handler, sendJson, type TtsServer } from '../../audio/test/helpers/tts-server.js'
import { GeminiSynthesizer, type GeminiSynthesizerOptions } from '../src/index.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const serve = serversClosedAfterEach()
const gemini = (server: TtsServer, options: GeminiSynthesizerOptions = {}) =>
  new GeminiSynthesizer({
    apiKey: GEMINI_TEST_KEY,
    httpOptions: { baseUrl: server.url },
    retryDelayMs: 1,
    maxRetries: 0,
    ...options,
  })
const textOf = (body: string) => (JSON.parse(body) as GeminiRequestBody).contents[0]!.parts[0]!.text
const answerOf = (text: string) =>
  JSON.stringify({
    candidates: [
      {
        content: {
          parts: [
            {
              inlineData: {
                mimeType: 'audio/L16;codec=pcm;rate=24000',
                data: Buffer.from(pcmFor(text)).toString('base64'),
              },
            },
          ],
        },
      },
    ],
  })
const audioReply: Handler = (request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' }).end(answerOf(textOf(request.body)))
}
const MODEL = 'gemini (model gemini-2.5-flash-preview-tts)'

describe('200s that are not answers', () => {
  it('an empty body is TTS_NOT_AUDIO, not a SyntaxError', async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end()
    })
    const error = await rejectionOf(gemini(server).synthesize('Empty'))
    expect(error).toMatchObject({ name: 'TtsProviderError', code: 'TTS_NOT_AUDIO', provider: 'gemini' })
    expect(error.message).toBe(`${MODEL}: answered 200 with an empty body.`)
  })

  it('an HTML page is TTS_NOT_AUDIO summarised by its title, and nothing is cached', async () => {
    const server = await serve((_, response) => sendHtml200(response))
    const dir = mkdtempSync(join(tmpdir(), 'russo-gemini-faults-'))
    dirs.push(dir)
    const error = await rejectionOf(new CachedSynthesizer(gemini(server), { cacheDir: dir }).synthesize('Page'))
    expect(error.message).toBe(`${MODEL}: answered 200 with text/html, not JSON: Service Temporarily Unavailable.`)
    expect(readdirSync(dir)).toEqual([])
  })

  it("a JSON error inside a 200 keeps the provider's message and is retried like its code", async () => {
    const quota = { error: { code: 429, message: 'Quota exceeded for tts requests', status: 'RESOURCE_EXHAUSTED' } }
    const server = await serve((request, response) =>
      server.requests.length === 1 ? sendJson(response, 200, quota) : audioReply(request, response),
    )
    const audio = await gemini(server).synthesize('Second time lucky')
    expect(server.requests).toHaveLength(2)
    expect(audio.data.byteLength).toBe(pcmFor('Second time lucky').byteLength)

    const bad = { error: { code: 400, message: 'Voice Nobody is not available', status: 'INVALID_ARGUMENT' } }
    const refusing = await serve((_, response) => sendJson(response, 200, bad))
    const error = await rejectionOf(gemini(refusing, { maxRetries: 3 }).synthesize('Hello'))
    expect(error).toMatchObject({ code: 'TTS_BAD_REQUEST', attempts: 1 })
    expect(error.message).toBe(`${MODEL}: answered 200 with an error: INVALID_ARGUMENT: Voice Nobody is not available.`)
  })
})

describe('error pages and broken connections', () => {
  it("a proxy's 502 page is summarised by its title, not embedded", async () => {
    const server = await serve((_, response) => {
      response.writeHead(502, { 'content-type': 'text/html' }).end(NGINX_502)
    })
    const error = await rejectionOf(gemini(server).synthesize('Behind a proxy'))
    expect(error).toMatchObject({ code: 'TTS_SERVER_ERROR', status: 502 })
    expect(error.message).toBe(`${MODEL} HTTP 502: Bad Gateway: 502 Bad Gateway.`)
  })

  it('a reset mid-body is TTS_NETWORK_ERROR and retried', async () => {
    const server = await serve((request, response) =>
      server.requests.length === 1
        ? resetMidBody(response, Buffer.from(answerOf(textOf(request.body))), 'application/json')
        : audioReply(request, response),
    )
    const audio = await gemini(server, { maxRetries: 1 }).synthesize('Reset')
    expect(server.requests).toHaveLength(2)
    expect(audio.format).toBe('pcm')
  })
})

describe('timeouts', () => {
  it('a server that never answers is TTS_TIMEOUT after timeoutMs per attempt, retried', async () => {
    const server = await serve(() => hang())
    const error = await rejectionOf(gemini(server, { timeoutMs: 150, maxRetries: 1 }).synthesize('Silence'))
    expect(error).toMatchObject({ code: 'TTS_TIMEOUT', attempts: 2, provider: 'gemini' })
    expect(server.requests).toHaveLength(2)
  })

  it("the SDK's own httpOptions.timeout is TTS_TIMEOUT too, and retried, not a raw AbortError", async () => {
    const server = await serve((request, response) =>
      server.requests.length === 1 ? hang() : audioReply(request, response),
    )
    const synth = gemini(server, { httpOptions: { baseUrl: server.url, timeout: 150 }, maxRetries: 1 })
    const audio = await synth.synthesize('Second attempt')
    expect(server.requests).toHaveLength(2)
    expect(audio.format).toBe('pcm')
    const always = await serve(() => hang())
    const error = await rejectionOf(
      gemini(always, { httpOptions: { baseUrl: always.url, timeout: 150 } }).synthesize('Never'),
    )
    expect(error).toMatchObject({ name: 'TtsProviderError', code: 'TTS_TIMEOUT' })
  })
})
