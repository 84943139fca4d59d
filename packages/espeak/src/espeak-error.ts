/**
 * - `ESPEAK_UNKNOWN_VOICE`: eSpeak NG has no voice of that name.
 * - `ESPEAK_FAILED`: the engine exited with an error or produced no usable WAV.
 */
export type EspeakErrorCode = 'ESPEAK_UNKNOWN_VOICE' | 'ESPEAK_FAILED'

/** An error of the eSpeak NG engine, with what it wrote to stderr. */
export class EspeakError extends Error {
  readonly code: EspeakErrorCode
  /** The engine's own error output (never printed: tests keep a clean stdout). */
  readonly stderr: string

  constructor(code: EspeakErrorCode, message: string, stderr = '') {
    super(message)
    this.name = 'EspeakError'
    this.code = code
    this.stderr = stderr
  }
}

/** By `name` and `code`, not `instanceof`: Vitest workers load test files in other realms. */
export function isEspeakError(value: unknown): value is EspeakError {
  if (value === null || typeof value !== 'object') return false
  const { name, code } = value as { name?: unknown; code?: unknown }
  return name === 'EspeakError' && (code === 'ESPEAK_UNKNOWN_VOICE' || code === 'ESPEAK_FAILED')
}
