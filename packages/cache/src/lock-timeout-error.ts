import { isRussoError, RussoError } from './errors.js'

/** Waiting for another process's lock on a key took longer than `lockWaitMs`. */
export class LockTimeoutError extends RussoError {
  readonly key: string
  readonly holder: string

  constructor(key: string, waitedMs: number, holder: string) {
    super(
      'RUSSO_LOCK_TIMEOUT',
      `Waited ${Math.round(waitedMs)} ms for the lock on cache key ${key}, held by ${holder}. ` +
        'If that process is stuck, stop it or delete the .lock file; to wait longer, raise lockWaitMs.',
    )
    this.name = 'LockTimeoutError'
    this.key = key
    this.holder = holder
  }
}

export function isLockTimeoutError(value: unknown): value is LockTimeoutError {
  return isRussoError(value) && value.code === 'RUSSO_LOCK_TIMEOUT'
}
