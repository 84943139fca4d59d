// The latest AI SDK line: @ai-sdk/openai 4, @ai-sdk/elevenlabs 3, @ai-sdk/google 4 (speech spec v4,
// the ai 7 family), which need Node 22. Run by vitest.node22.config.ts on Node 22 only.
import { createElevenLabs } from '@ai-sdk/elevenlabs-v3'
import { createGoogleGenerativeAI } from '@ai-sdk/google-v4'
import { createOpenAI } from '@ai-sdk/openai-v4'
import { testElevenLabsWire } from '../helpers/elevenlabs-wire.js'
import { testGoogleWire } from '../helpers/google-wire.js'
import { testOpenAiWire } from '../helpers/openai-wire.js'
import { rerouteTo } from '../helpers/providers.js'

testOpenAiWire('@ai-sdk/openai 4 (spec v4)', ({ url, apiKey }) =>
  createOpenAI({ baseURL: url, apiKey }).speech('gpt-4o-mini-tts'),
)
testElevenLabsWire('@ai-sdk/elevenlabs 3 (spec v4)', ({ url, apiKey }) =>
  createElevenLabs({ apiKey, fetch: rerouteTo(url) }).speech('eleven_multilingual_v2'),
)
testGoogleWire('@ai-sdk/google 4 (spec v4)', ({ url, apiKey }) =>
  createGoogleGenerativeAI({ baseURL: url, apiKey }).speech('gemini-2.5-flash-preview-tts'),
)
