import { createElevenLabs } from '@ai-sdk/elevenlabs-v2'
import { testElevenLabsWire } from './helpers/elevenlabs-wire.js'
import { rerouteTo } from './helpers/providers.js'

// @ai-sdk/elevenlabs 2: speech spec v3, the ai 6 line (Node 20).
testElevenLabsWire('@ai-sdk/elevenlabs 2 (spec v3)', ({ url, apiKey }) =>
  createElevenLabs({ apiKey, fetch: rerouteTo(url) }).speech('eleven_multilingual_v2'),
)
