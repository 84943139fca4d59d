// Why this package calls doGenerate rather than the SDK's generateSpeech: ai 6 labels whatever it
// does not recognise as audio/mp3, raw PCM included (vercel/ai#21072).
import { createOpenAI } from '@ai-sdk/openai-v3'
import { experimental_generateSpeech } from 'ai-v6'
import { expect, it } from 'vitest'
import { pcmFor } from '../../audio/test/helpers/audio-bytes.js'
import { serverForSuite } from '../../audio/test/helpers/server-lifecycle.js'
import { SpeechModelSynthesizer } from '../src/index.js'
import { startOpenAiServer } from './helpers/openai-wire.js'
import { API_KEY } from './helpers/providers.js'

const server = serverForSuite(startOpenAiServer)

it('labels OpenAI pcm honestly where ai 6 experimental_generateSpeech calls it audio/mp3', async () => {
  const model = createOpenAI({ baseURL: `${server().url}/v1`, apiKey: API_KEY }).speech('tts-1')
  const sdk = await experimental_generateSpeech({ model, text: 'Raw bytes', outputFormat: 'pcm' })
  expect(sdk.audio.mediaType).toBe('audio/mp3')
  const audio = await new SpeechModelSynthesizer(model, { outputFormat: 'pcm' }).synthesize('Raw bytes')
  expect(audio).toMatchObject({ format: 'pcm', sampleRate: 24000 })
  expect(Buffer.from(sdk.audio.uint8Array).equals(Buffer.from(audio.data))).toBe(true)
  expect(audio.data).toEqual(pcmFor('Raw bytes'))
})
