import type { CacheMode } from '@russo/cache'

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
}

declare module 'vitest' {
  interface ProvidedContext {
    russo: RussoProvided
  }
}
