import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createElevenLabs } from '@ai-sdk/elevenlabs-v2'
import { createOpenAI } from '@ai-sdk/openai-v3'
import { testHttpFaults, testSynthesizer } from '@russo/audio/contract'
import { CachedSynthesizer } from '@russo/cache'
import { afterAll, beforeAll } from 'vitest'
import type { TtsServer } from '../../audio/test/helpers/tts-server.js'
import { SpeechModelSynthesizer } from '../src/index.js'
import { startElevenLabsServer } from './helpers/elevenlabs-wire.js'
import { startOpenAiServer } from './helpers/openai-wire.js'
import { API_KEY, rerouteTo } from './helpers/providers.js'

let openaiServer: TtsServer
let elevenServer: TtsServer
const cacheDir = mkdtempSync(join(tmpdir(), 'russo-ai-sdk-contract-'))
beforeAll(async () => {
  ;[openaiServer, elevenServer] = await Promise.all([startOpenAiServer(), startElevenLabsServer()])
})
afterAll(async () => {
  await Promise.all([openaiServer.close(), elevenServer.close()])
  rmSync(cacheDir, { recursive: true, force: true })
})

const openaiMp3 = () =>
  new SpeechModelSynthesizer(createOpenAI({ baseURL: `${openaiServer.url}/v1`, apiKey: API_KEY }).speech('tts-1'), {
    voice: 'alloy',
  })
const elevenPcm = () =>
  new SpeechModelSynthesizer(
    createElevenLabs({ apiKey: API_KEY, fetch: rerouteTo(elevenServer.url) }).speech('eleven_flash_v2_5'),
    { voice: 'v1', outputFormat: 'pcm_16000' },
  )

// The local servers answer the same bytes for the same text, as a deterministic engine would.
testSynthesizer('SpeechModelSynthesizer(openai mp3)', { create: openaiMp3, format: 'mp3', deterministic: true })
testSynthesizer('SpeechModelSynthesizer(elevenlabs pcm_16000)', {
  create: elevenPcm,
  format: 'pcm',
  deterministic: true,
})
testSynthesizer('CachedSynthesizer(SpeechModelSynthesizer(openai mp3))', {
  create: () => new CachedSynthesizer(openaiMp3(), { cacheDir }),
  format: 'mp3',
  deterministic: true,
})
testSynthesizer('CachedSynthesizer(SpeechModelSynthesizer(elevenlabs pcm_16000))', {
  create: () => new CachedSynthesizer(elevenPcm(), { cacheDir }),
  format: 'pcm',
  deterministic: true,
})

// The same adapters against the suite's misbehaving endpoint.
testHttpFaults('SpeechModelSynthesizer(openai)', {
  create: (url, settings) =>
    new SpeechModelSynthesizer(createOpenAI({ baseURL: `${url}/v1`, apiKey: API_KEY }).speech('tts-1'), settings),
  wrap: (audio, contentType) => ({ body: audio, contentType }),
})
testHttpFaults('SpeechModelSynthesizer(elevenlabs pcm_16000)', {
  create: (url, settings) =>
    new SpeechModelSynthesizer(
      createElevenLabs({ apiKey: API_KEY, fetch: rerouteTo(url) }).speech('eleven_flash_v2_5'),
      {
        outputFormat: 'pcm_16000',
        ...settings,
      },
    ),
  wrap: (audio, contentType) => ({ body: audio, contentType }),
})
