import type { CacheMode } from '@russo/cache'
import type { RemoteSettings } from '@russo/runner-kit'

/**
 * What the plugin hands each project's test workers through `project.provide('russo', …)` (so it must
 * survive `structuredClone`). Workers read it with `inject('russo')`; `undefined` there means the plugin
 * never reached that project.
 */
export interface RussoProvided {
  version: 1
  /** Absolute module path or bare module name; `null` when none is configured. */
  synthesizer: string | null
  /** Absolute. */
  cacheDir: string
  mode: CacheMode
  cacheKeyExtra: Record<string, unknown>
  /** In `refresh` mode, entries written since this time (the run's start) count as fresh. */
  refreshSince: number
  /** Ends a `CacheMissError`: how to record the missing entry, in this run's words. */
  missHint: string
  /** The main process warned that the cache cannot be written: workers stay quiet about it. */
  unwritableWarned: boolean
  /** The remote cache, and the project root `@russo/s3` resolves from; `null`: none, or found unusable at start. */
  remote: (RemoteSettings & { root: string }) | null
}

declare module 'vitest' {
  interface ProvidedContext {
    russo: RussoProvided
  }
}
