/**
 * - `WAV_INVALID`: the bytes are not a well-formed WAV file.
 * - `MP3_INVALID`: no MPEG audio frame where one must be, or a frame header with reserved values.
 * - `AUDIO_UNRECOGNIZED`: the bytes are no container this package knows and no PCM layout was given.
 * - `AUDIO_NOT_PCM`: the audio is compressed (MP3, Ogg, …) where raw samples are needed.
 * - `AUDIO_INVALID`: the `Audio` fields cannot describe the bytes (zero sample rate, odd frame size, …).
 */
export type AudioFormatErrorCode =
  | 'WAV_INVALID'
  | 'MP3_INVALID'
  | 'AUDIO_UNRECOGNIZED'
  | 'AUDIO_NOT_PCM'
  | 'AUDIO_INVALID'

const CODES: ReadonlySet<string> = new Set<AudioFormatErrorCode>([
  'WAV_INVALID',
  'MP3_INVALID',
  'AUDIO_UNRECOGNIZED',
  'AUDIO_NOT_PCM',
  'AUDIO_INVALID',
])

/** Bytes that do not hold what they were taken for; branch on `code`. */
export class AudioFormatError extends Error {
  readonly code: AudioFormatErrorCode

  constructor(code: AudioFormatErrorCode, message: string) {
    super(message)
    this.name = 'AudioFormatError'
    this.code = code
  }
}

/** A malformed WAV file; `code` is `'WAV_INVALID'`. Kept as its own class: `@russo/espeak` exported it first. */
export class WavFormatError extends AudioFormatError {
  declare readonly code: 'WAV_INVALID'

  constructor(message: string) {
    super('WAV_INVALID', message)
    this.name = 'WavFormatError'
  }
}

/** By `name` and `code`, not `instanceof`: Vitest workers load test files in other realms. */
export function isAudioFormatError(value: unknown): value is AudioFormatError {
  if (value === null || typeof value !== 'object') return false
  const { name, code } = value as { name?: unknown; code?: unknown }
  return (name === 'AudioFormatError' || name === 'WavFormatError') && typeof code === 'string' && CODES.has(code)
}
