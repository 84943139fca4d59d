// Shared by the test-side entry (CommonJS, loaded inside the test's context) and the environment (ESM,
// plain Node): the environment puts the file's host on the test context's global under this key.
import type { Audio, CacheStats, SynthesizeOptions } from '@russo/cache' with { 'resolution-mode': 'import' }

export const HOST_KEY: unique symbol = Symbol.for('@russo/jest host')

/** What russo's test environment offers the test file: its cached synthesizer, made on first use. */
export interface RussoHost {
  synthesize(text: string, options?: SynthesizeOptions): Promise<Audio>
  stats(): CacheStats
}
