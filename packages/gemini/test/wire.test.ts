import { testGeminiWire } from './helpers/gemini-wire.js'

// @google/genai 2 (Node 20); the 3.x line runs in test/node22 on Node 22.
testGeminiWire('@google/genai 2', 2)
