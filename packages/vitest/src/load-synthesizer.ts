import { RussoError, type Synthesizer } from '@russo/cache'

export const NO_SYNTHESIZER_MESSAGE =
  'russo: no synthesizer is configured, so `synth` has nothing to call. Either name a module in ' +
  "vitest.config.ts: russo({ synthesizer: './test/synthesizer.ts' }) (its default export: a Synthesizer " +
  "or a function returning one), or override the fixture in the test file: test.override('russoSynthesizer', () => mySynthesizer)."

/**
 * Loads the synthesizer module in a test worker. The plugin inlines this package, so this `import()` goes
 * through Vite: a user's `.ts` module loads, and it is the same module instance the test files import.
 */
export async function loadSynthesizer(specifier: string | null): Promise<Synthesizer> {
  if (specifier === null) throw new RussoError('RUSSO_CONFIG', NO_SYNTHESIZER_MESSAGE)
  let module: { default?: unknown }
  try {
    module = (await import(/* @vite-ignore */ specifier)) as { default?: unknown }
  } catch (error) {
    throw new RussoError('RUSSO_CONFIG', `russo: cannot load the synthesizer module ${specifier}: ${(error as Error).message}`, { cause: error })
  }
  const made = await make(module.default, specifier)
  if (!isSynthesizer(made)) {
    throw new RussoError(
      'RUSSO_CONFIG',
      `russo: the synthesizer module ${specifier} must default-export a Synthesizer (an object with ` +
        `synthesize(text)) or a function or class that makes one; it gave ${describe(made)}.`,
    )
  }
  return made
}

async function make(exported: unknown, specifier: string): Promise<unknown> {
  if (typeof exported !== 'function' || isSynthesizer(exported)) return exported
  try {
    const isClass = /^class[\s{]/.test(Function.prototype.toString.call(exported))
    return isClass ? new (exported as new () => unknown)() : await (exported as () => unknown)()
  } catch (error) {
    throw new RussoError('RUSSO_CONFIG', `russo: the default export of ${specifier} threw while making the synthesizer: ${(error as Error).message}`, {
      cause: error,
    })
  }
}

function isSynthesizer(value: unknown): value is Synthesizer {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as Synthesizer).synthesize === 'function'
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined (no default export?)'
  if (value === null) return 'null'
  return typeof value === 'object' ? `an object with keys ${Object.keys(value).join(', ') || '(none)'}` : `a ${typeof value}`
}
