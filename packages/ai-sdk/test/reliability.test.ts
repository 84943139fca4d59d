import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOpenAI } from '@ai-sdk/openai-v3'
import { CachedSynthesizer } from '@russo/cache'
import { afterEach, describe, expect, it } from 'vitest'
import { mp3For } from '../../audio/test/helpers/audio-bytes.js'
import { rejectionOf } from '../../audio/test/helpers/rejection.js'
import { abortStalledCall, serversClosedAfterEach } from '../../audio/test/helpers/server-lifecycle.js'
import { type Handler, sendBytes, sendJson, type TtsServer } from '../../audio/test/helpers/tts-server.js'
import { SpeechModelSynthesizer, type SpeechModelSynthesizerOptions } from '../src/index.js'
import { API_KEY } from './helpers/providers.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const serve = serversClosedAfterEach()

function openai(server: TtsServer, options: SpeechModelSynthesizerOptions = {}) {
  const model = createOpenAI({ baseURL: `${server.url}/v1`, apiKey: API_KEY }).speech('tts-1')
  return new SpeechModelSynthesizer(model, { retryDelayMs: 1, ...options })
}

const input = (body: string) => (JSON.parse(body) as { input: string }).input
const mp3Reply: Handler = (request, response) => sendBytes(response, mp3For(input(request.body)), 'audio/mpeg')

describe('retries', () => {
  it('retries a 429 as its Retry-After says and returns the audio of the retry', async () => {
    const server = await serve((request, response) => {
      if (server.requests.length === 1) {
        return sendJson(response, 429, { error: { message: 'Rate limit reached for tts-1' } }, { 'retry-after': '0' })
      }
      mp3Reply(request, response)
    })
    // A minute of backoff unless Retry-After (0) is honoured: the test would time out.
    const audio = await openai(server, { retryDelayMs: 60_000 }).synthesize('Patience')
    expect(server.requests).toHaveLength(2)
    expect(audio.format).toBe('mp3')
  })

  it('retries 5xx a bounded number of times, then fails with TTS_SERVER_ERROR naming the attempts', async () => {
    const server = await serve((_, response) => sendJson(response, 503, { error: { message: 'Service overloaded' } }))
    const error = await rejectionOf(openai(server, { maxRetries: 3 }).synthesize('Hello'))
    expect(server.requests).toHaveLength(4)
    expect(error).toMatchObject({ code: 'TTS_SERVER_ERROR', status: 503, attempts: 4 })
    expect(error.message).toBe('openai.speech (model tts-1) HTTP 503: Service overloaded (after 4 attempts).')
  })

  it('gives up on a 429 once maxRateLimitWaitMs has passed, with TTS_RATE_LIMITED saying how long and what to set', async () => {
    const server = await serve((_, response) =>
      sendJson(response, 429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '0.05' }),
    )
    const error = await rejectionOf(openai(server, { maxRetries: 0, maxRateLimitWaitMs: 300 }).synthesize('Hello'))
    expect(error).toMatchObject({ code: 'TTS_RATE_LIMITED', attempts: server.requests.length })
    // 429s are not bounded by maxRetries (0 here) but by the wait: several attempts, none after 300 ms.
    expect(server.requests.length).toBeGreaterThan(1)
    expect(error.rateLimitWaitMs).toBeTypeOf('number')
    expect(error.message).toMatch(/\(after \d+ attempts, answered 429 for \d+\.\d s\)\./)
    expect(error.message).toContain('`requestsPerMinute`')
  })

  it('fails with TTS_NETWORK_ERROR when nothing answers', async () => {
    const server = await serve(mp3Reply)
    await server.close()
    const error = await rejectionOf(openai(server, { maxRetries: 1 }).synthesize('Anyone?'))
    expect(error).toMatchObject({ name: 'TtsProviderError', code: 'TTS_NETWORK_ERROR', attempts: 2 })
  })
})

describe('unreadable audio', () => {
  it('refuses headerless bytes for a format that has a header, rather than call them pcm', async () => {
    const server = await serve((_, response) => sendBytes(response, new Uint8Array(480).fill(7), 'audio/mpeg'))
    const error = await rejectionOf(openai(server).synthesize('Hello'))
    expect(error).toMatchObject({ name: 'AudioFormatError', code: 'AUDIO_UNRECOGNIZED' })
    expect(error.message).toMatch(/first bytes 07 07 07 07 07 07 07 07\): no known header, and no PCM layout was given/)
    expect(error.message).toMatch(
      /pass the SpeechModelSynthesizer option pcm: \{ sampleRate, channels, sampleWidth \}, or ask for wav or mp3/,
    )
  })
})

describe('abort', () => {
  it("rejects with the signal's reason at once and closes the HTTP request of a stalled server", async () => {
    const { outcome, reason, abandoned } = await abortStalledCall(serve, (server, signal) =>
      openai(server).synthesize('Never answered', { signal }),
    )
    expect(outcome).toBe(reason)
    expect(abandoned.path).toBe('/v1/audio/speech')
  })
})

describe('concurrency', () => {
  // A provider that answers 429 to any request above 3 at once, after 20 ms of work.
  const strict: Handler = async (request, response) => {
    if (request.concurrent > 3) {
      return sendJson(response, 429, { error: { message: 'Too many concurrent requests' } }, { 'retry-after': '0' })
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
    mp3Reply(request, response)
  }
  const prompts = Array.from({ length: 24 }, (_, i) => `prompt number ${i}`)

  it('keeps a synthesizer at its concurrency limit: 24 parallel prompts, never a 429', async () => {
    const server = await serve(strict)
    const synth = openai(server, { concurrency: 3 })
    const audios = await Promise.all(prompts.map((p) => synth.synthesize(p)))
    expect(audios.map((a) => a.data.byteLength)).toEqual(prompts.map((p) => mp3For(p).byteLength))
    expect(server.peak).toBe(3)
    expect(server.requests).toHaveLength(24)
  })

  it('without the limit the same suite trips the 429s (and survives them by retrying)', async () => {
    const server = await serve(strict)
    const synth = openai(server, { concurrency: Number.POSITIVE_INFINITY, maxRetries: 50 })
    await Promise.all(prompts.map((p) => synth.synthesize(p)))
    expect(server.peak).toBeGreaterThan(3)
    expect(server.requests.length).toBeGreaterThan(24)
  })
})

describe('nothing bad is cached', () => {
  function cacheDir() {
    const dir = mkdtempSync(join(tmpdir(), 'russo-ai-sdk-'))
    dirs.push(dir)
    return dir
  }

  it('an empty response is TTS_NO_AUDIO and leaves no entry', async () => {
    const server = await serve((_, response) => sendBytes(response, new Uint8Array(0), 'audio/mpeg'))
    const dir = cacheDir()
    const error = await rejectionOf(new CachedSynthesizer(openai(server), { cacheDir: dir }).synthesize('Silence'))
    expect(error).toMatchObject({ code: 'TTS_NO_AUDIO' })
    expect(readdirSync(dir)).toEqual([])
  })

  it('a failed synthesis leaves no entry, and the next call asks the provider again', async () => {
    const server = await serve((request, response) =>
      server.requests.length === 1
        ? sendJson(response, 400, { error: { message: 'Bad voice' } })
        : mp3Reply(request, response),
    )
    const dir = cacheDir()
    const cached = new CachedSynthesizer(openai(server), { cacheDir: dir })
    await expect(cached.synthesize('Try again')).rejects.toMatchObject({ code: 'TTS_BAD_REQUEST' })
    expect(readdirSync(dir)).toEqual([])
    expect((await cached.synthesize('Try again')).format).toBe('mp3')
    expect(readdirSync(dir).sort()).toHaveLength(2)
  })
})
