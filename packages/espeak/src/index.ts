// Re-exported from @russo/audio, where they moved: code that imported them from here keeps working.
export type { WavInfo } from '@russo/audio'
export { parseWav, WavFormatError } from '@russo/audio'
export type { EspeakErrorCode } from './espeak-error.js'
export { EspeakError, isEspeakError } from './espeak-error.js'
export { EspeakSynthesizer } from './espeak-synthesizer.js'
export type { EspeakOptions } from './options.js'
export type { EspeakVoice } from './voices.js'
export { listVoices } from './voices.js'
