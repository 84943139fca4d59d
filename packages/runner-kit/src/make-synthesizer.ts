import { RussoError, type Synthesizer } from '@russo/cache'

/**
 * Turns a synthesizer module's default export into a Synthesizer: the export itself, or what a function
 * (possibly async) returns, or a new instance of a class. `specifier` names the module in messages.
 */
export async function makeSynthesizer(exported: unknown, specifier: string): Promise<Synthesizer> {
  let made = exported
  if (typeof exported === 'function' && !isSynthesizer(exported)) {
    try {
      const isClass = /^class[\s{]/.test(Function.prototype.toString.call(exported))
      made = isClass ? new (exported as new () => unknown)() : await (exported as () => unknown)()
    } catch (error) {
      throw configFailure(
        `the default export of ${specifier} threw while making the synthesizer: ${(error as Error).message}`,
        error,
      )
    }
  }
  if (!isSynthesizer(made)) {
    const found = made === undefined ? 'undefined (no default export?)' : made === null ? 'null' : `a ${typeof made}`
    throw configFailure(
      `the synthesizer module ${specifier} must default-export a Synthesizer (an object with synthesize(text)) ` +
        `or a function or class that makes one; it gave ${found}.`,
    )
  }
  return made
}

/** A `RUSSO_CONFIG` error about the synthesizer module, keeping what went wrong underneath as its cause. */
export function configFailure(what: string, cause?: unknown): RussoError {
  return new RussoError('RUSSO_CONFIG', `russo: ${what}`, cause === undefined ? undefined : { cause })
}

function isSynthesizer(value: unknown): value is Synthesizer {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as Synthesizer).synthesize === 'function'
  )
}
