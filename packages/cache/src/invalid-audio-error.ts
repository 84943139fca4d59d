import { isRussoError, RussoError } from './errors.js'

/** `AudioCache.put` was given bytes that are not audio (an error page, a body cut short): never cached. */
export class InvalidAudioError extends RussoError {
  readonly key: string
  readonly reason: string

  constructor(key: string, reason: string) {
    super(
      'RUSSO_INVALID_AUDIO',
      `AudioCache.put: refused to cache key ${key}: ${reason}. The synthesizer returned this as audio; ` +
        'check its provider response (status, content type, length) — nothing was stored.',
    )
    this.name = 'InvalidAudioError'
    this.key = key
    this.reason = reason
  }
}

export function isInvalidAudioError(value: unknown): value is InvalidAudioError {
  return isRussoError(value) && value.code === 'RUSSO_INVALID_AUDIO'
}
