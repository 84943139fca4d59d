export type { SpeechModelSynthesizerOptions } from './options.js'
export type { SpeechModel, SpeechModelCallOptions, SpeechModelResult } from './speech-model.js'
export { SpeechModelSynthesizer } from './speech-model-synthesizer.js'
