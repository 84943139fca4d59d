export { GeminiSynthesizer } from './gemini-synthesizer.js'
export type { GeminiClient, GeminiHttpOptions, GeminiSpeaker, GeminiSynthesizerOptions } from './options.js'
export { DEFAULT_MODEL, DEFAULT_VOICE } from './options.js'
