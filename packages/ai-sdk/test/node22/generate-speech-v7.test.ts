// What ai 7's generateSpeech makes of raw PCM, beside what this package reports (ai 6: test/generate-speech.test.ts).
import { createOpenAI } from '@ai-sdk/openai-v4'
import { generateSpeech } from 'ai-v7'
import { expect, it } from 'vitest'
import { serverForSuite } from '../../../audio/test/helpers/server-lifecycle.js'
import { SpeechModelSynthesizer } from '../../src/index.js'
import { startOpenAiServer } from '../helpers/openai-wire.js'
import { API_KEY } from '../helpers/providers.js'

const server = serverForSuite(startOpenAiServer)

it('reports OpenAI pcm as pcm at 24 kHz, with the same bytes generateSpeech returns', async () => {
  const model = createOpenAI({ baseURL: `${server().url}/v1`, apiKey: API_KEY }).speech('tts-1')
  const sdk = await generateSpeech({ model, text: 'Raw bytes', outputFormat: 'pcm' })
  const audio = await new SpeechModelSynthesizer(model, { outputFormat: 'pcm' }).synthesize('Raw bytes')
  expect(audio).toMatchObject({ format: 'pcm', sampleRate: 24000, channels: 1, sampleWidth: 2 })
  expect(Buffer.from(sdk.audio.uint8Array).equals(Buffer.from(audio.data))).toBe(true)
  // ai 7 fixed the label (ai 6 says audio/mp3), but a media type carries no rate, channels or width.
  expect(sdk.audio.mediaType).toBe('audio/pcm')
})
