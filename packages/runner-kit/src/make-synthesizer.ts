import { RussoError, type Synthesizer } from '@russo/cache'

/**
 * Offline, the synthesizer is only asked for its `cacheKeyExtra`: one that needs a credential to be
 * made fails a run that needs no credential at all.
 */
const OFFLINE_HINT =
  ' In offline mode the synthesizer is never called: only its cacheKeyExtra is read, to compute keys. ' +
  'Make constructing it cheap and credential-free, and read the API key inside synthesize(), so CI runs ' +
  'offline on a recorded cache without the key.'

/**
 * A `RUSSO_CONFIG` error about the synthesizer module, keeping what went wrong underneath as its cause;
 * in offline mode one with a cause also says how to make the synthesizer without a credential.
 */
export function synthesizerFailure(what: string, cause?: unknown, offline = false): RussoError {
  const hint = cause !== undefined && offline ? OFFLINE_HINT : ''
  // `what` often ends with a message of someone else's, stop or not: the hint starts a sentence of its own.
  const text = hint !== '' && !/[.!?]$/.test(what.trimEnd()) ? `${what.trimEnd()}.` : what
  return new RussoError('RUSSO_CONFIG', `${text}${hint}`, cause === undefined ? undefined : { cause })
}

/**
 * Turns a synthesizer module's default export into a Synthesizer: the export itself, or what a function
 * (possibly async) returns, or a new instance of a class. `specifier` names the module in messages.
 */
export async function makeSynthesizer(exported: unknown, specifier: string, offline = false): Promise<Synthesizer> {
  let made = exported
  if (typeof exported === 'function' && !isSynthesizer(exported)) {
    try {
      const isClass = /^class[\s{]/.test(Function.prototype.toString.call(exported))
      made = isClass ? new (exported as new () => unknown)() : await (exported as () => unknown)()
    } catch (error) {
      throw synthesizerFailure(
        `the default export of ${specifier} threw while making the synthesizer: ${(error as Error).message}`,
        error,
        offline,
      )
    }
  }
  if (!isSynthesizer(made)) {
    const found = made === undefined ? 'undefined (no default export?)' : made === null ? 'null' : `a ${typeof made}`
    throw synthesizerFailure(
      `the synthesizer module ${specifier} must default-export a Synthesizer (an object with synthesize(text)) ` +
        `or a function or class that makes one; it gave ${found}.`,
    )
  }
  return made
}

function isSynthesizer(value: unknown): value is Synthesizer {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as Synthesizer).synthesize === 'function'
  )
}
