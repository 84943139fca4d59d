// SpeechModelSynthesizer (OpenAI wire format) cold vs warm, and its cost on a hit.
//   pnpm build && node packages/ai-sdk/bench/run.mjs     (ROUNDS=3, OVERHEAD_ROUNDS=15)
import { createOpenAI } from '@ai-sdk/openai-v3'
import { SpeechModelSynthesizer } from '../dist/index.js'
import { benchProvider } from './lib/provider-bench.mjs'
import { mp3Reply } from './lib/slow-server.mjs'

await benchProvider({
  label: 'SpeechModelSynthesizer(openai.speech)',
  makeAdapter: (url) =>
    new SpeechModelSynthesizer(createOpenAI({ baseURL: `${url}/v1`, apiKey: 'bench' }).speech('tts-1'), {
      voice: 'alloy',
    }),
  reply: mp3Reply,
  format: 'mp3',
})
