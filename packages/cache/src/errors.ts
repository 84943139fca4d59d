/** Stable codes of every error russo-ts throws on purpose. */
export type RussoErrorCode =
  | 'RUSSO_CACHE_MISS'
  | 'RUSSO_LOCK_TIMEOUT'
  | 'RUSSO_CACHE_WRITE'
  | 'RUSSO_CONFIG'
  | 'RUSSO_INVALID_AUDIO'
  | 'RUSSO_REMOTE'

/**
 * Base of russo-ts errors. Use the `is…Error()` guards rather than `instanceof`: Vitest workers
 * run test files in other realms, where `instanceof` fails.
 */
export class RussoError extends Error {
  readonly code: RussoErrorCode

  constructor(code: RussoErrorCode, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'RussoError'
    this.code = code
  }
}

export function isRussoError(value: unknown): value is RussoError {
  if (value === null || typeof value !== 'object') return false
  const code = (value as { code?: unknown }).code
  return (
    typeof code === 'string' &&
    code.startsWith('RUSSO_') &&
    typeof (value as { message?: unknown }).message === 'string'
  )
}
