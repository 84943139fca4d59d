import { clearOnce, type RussoSettings } from '@russo/runner-kit'
import { JEST_OPTIONS } from './settings.js'

/**
 * Entries `--russo-clear-cache` removed for the coming run's report. Module state, because the preset's
 * globalSetup clears (before any test, where a failure stops the run) and the reporter reports; both
 * run in Jest's main process. The reporter clears too, for runs whose globalSetup is not russo's.
 */
let cleared: number | undefined

/** Clears a project's cache when asked, once per process (watch reruns and other projects included). */
export function clearForRun(settings: RussoSettings): void {
  if (!settings.clear) return
  const removed = clearOnce(settings.cacheDir, settings.clearSource, JEST_OPTIONS)
  if (removed !== undefined) cleared = (cleared ?? 0) + removed
}

/** The entries cleared since the last call: `undefined` when nothing was cleared. */
export function takeCleared(): number | undefined {
  const taken = cleared
  cleared = undefined
  return taken
}
