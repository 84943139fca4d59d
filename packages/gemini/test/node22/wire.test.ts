import { testGeminiWire } from '../helpers/gemini-wire.js'

// vitest.node22.config.ts resolves '@google/genai' to the 3.x line here.
testGeminiWire('@google/genai 3', 3)
