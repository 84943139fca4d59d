import { RussoError } from '@russo/cache'

/**
 * A mistake in the user's flags or options: the message says it all, so the stack is left out. Vitest
 * prints startup errors with `console.error(error)`, which shows a stack-less error as
 * `[RussoError: …] { code: … }`, and Jest prints a thrown globalSetup's `stack`; this one prints as
 * the line `russo: …` in both (not `RussoError: russo: …`, which says russo twice).
 */
export function configError(message: string): RussoError {
  const error = new RussoError('RUSSO_CONFIG', `russo: ${message}`)
  error.stack = error.message
  Object.defineProperty(error, Symbol.for('nodejs.util.inspect.custom'), { value: () => error.stack })
  return error
}
