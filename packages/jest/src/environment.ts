import { FileSynth } from './internal/file-synth.js'
import { requireFromJest } from './internal/from-jest.js'
import { HOST_KEY } from './internal/host-key.cjs'
import type { ProjectConfigLike } from './internal/settings.js'

/** The parts of a Jest test environment russo uses; every Jest environment class has them. */
export interface JestEnvironmentLike {
  global: typeof globalThis
  setup(): Promise<void>
  teardown(): Promise<void>
}
interface EnvironmentConfig {
  projectConfig: ProjectConfigLike
}
interface EnvironmentContext {
  testPath: string
  console: Console
}
// biome-ignore lint/suspicious/noExplicitAny: a mixin's base constructor must take any arguments
export type JestEnvironmentClass = new (...args: any[]) => JestEnvironmentLike

/**
 * Adds russo to a Jest test environment class: one cached synthesizer per test file, handed to
 * `synth` through the test's global, its figures written for the reporter at teardown. Use it to
 * combine russo with jsdom: `export default withRusso(JSDOMEnvironment)` in an `.mjs` environment file.
 */
export function withRusso<T extends JestEnvironmentClass>(Base: T): T {
  return class RussoEnvironment extends Base {
    readonly #russo: FileSynth

    // biome-ignore lint/suspicious/noExplicitAny: Jest's (config, context) pair, passed through whole
    constructor(...args: any[]) {
      super(...args)
      const [config, context] = args as [EnvironmentConfig, EnvironmentContext]
      this.#russo = new FileSynth(config.projectConfig, context.testPath, this.global, context.console ?? console)
    }

    override async setup(): Promise<void> {
      await super.setup()
      Object.defineProperty(this.global, HOST_KEY, { value: this.#russo })
    }

    /** Jest circus calls this for each event; russo follows test starts and failures (see FileSynth). */
    handleTestEvent(event: { name: string; error?: unknown }, state: unknown): unknown {
      this.#russo.onTestEvent(event.name, event.error)
      const base = (Base.prototype as { handleTestEvent?: (event: unknown, state: unknown) => unknown }).handleTestEvent
      return base?.call(this, event, state)
    }

    override async teardown(): Promise<void> {
      try {
        this.#russo.finish()
      } finally {
        await super.teardown()
      }
    }
  }
}

/**
 * `testEnvironment: '@russo/jest/environment'` (the preset sets it): Jest's node environment with russo.
 */
// biome-ignore lint/style/noDefaultExport: Jest loads a test environment from the module's default export
export default class RussoNodeEnvironment {
  constructor(config: EnvironmentConfig, context: EnvironmentContext) {
    const { TestEnvironment } = requireFromJest<{ TestEnvironment: JestEnvironmentClass }>(
      config.projectConfig,
      'jest-environment-node',
    )
    const Composed = composed.get(TestEnvironment) ?? withRusso(TestEnvironment)
    composed.set(TestEnvironment, Composed)
    // biome-ignore lint/correctness/noConstructorReturn: the environment is Jest's node environment with russo
    return new Composed(config, context)
  }
}

/** One composed class per node environment class (one per Jest install), not one per test file. */
const composed = new WeakMap<JestEnvironmentClass, JestEnvironmentClass>()
