import { createOpenAI as createOpenAIv2 } from '@ai-sdk/openai-v2'
import { createOpenAI as createOpenAIv3 } from '@ai-sdk/openai-v3'
import { testOpenAiWire } from './helpers/openai-wire.js'

// @ai-sdk/openai 2 (speech spec v2, the ai 5 line) and 3 (spec v3, the ai 6 line, Node 20).
testOpenAiWire('@ai-sdk/openai 2 (spec v2)', ({ url, apiKey }) =>
  createOpenAIv2({ baseURL: url, apiKey }).speech('gpt-4o-mini-tts'),
)
testOpenAiWire('@ai-sdk/openai 3 (spec v3)', ({ url, apiKey }) =>
  createOpenAIv3({ baseURL: url, apiKey }).speech('gpt-4o-mini-tts'),
)
