import { type RussoLogger, defaultLogger } from '@russo/cache'

/**
 * Core warnings in a test worker (corrupt entry, unwritable cache, lock timeout) go to `console.warn`:
 * Vitest shows them beside the test that caused them, and they never fail it.
 */
export const workerLogger: RussoLogger = {
  warn(message) {
    console.warn(message)
  },
  debug(message) {
    defaultLogger.debug?.(message)
  },
}
