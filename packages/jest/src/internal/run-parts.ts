import type { RussoSettings } from '@russo/runner-kit'
import { currentRun } from './run-dir.js'

// Set by the preset's globalSetup in Jest's main process; workers inherit it (Jest starts them later).
const SETUP_RAN = '_RUSSO_JEST_SETUP'

/** In globalSetup: tells this run's test environments that russo's globalSetup ran. */
export function markSetupRan(): void {
  process.env[SETUP_RAN] = '1'
}

let hinted = false

/**
 * In a test environment: with neither russo's globalSetup nor its reporter in the run (a config that
 * names `testEnvironment: '@russo/jest/environment'` without the preset), nothing in Jest's main
 * process acts on the run-level flags. Say so once, in the first worker (Jest numbers them from 1),
 * rather than ignore them silently; with globalSetup but no reporter, globalSetup's hint covers it.
 */
export function runLevelFlagsHint(settings: RussoSettings): string | undefined {
  if (hinted || currentRun() !== undefined || process.env[SETUP_RAN] === '1') return undefined
  if ((process.env.JEST_WORKER_ID ?? '1') !== '1') return undefined
  const asked = [
    ...(settings.clear ? [settings.clearSource] : []),
    ...(settings.prune ? ['--russo-prune'] : []),
    ...(settings.pruneDryRun ? ['--russo-prune-dry-run'] : []),
  ]
  if (asked.length === 0) return undefined
  hinted = true
  return (
    `russo: ${asked.join(' and ')} ${asked.length === 1 ? 'does' : 'do'} nothing in this run: clearing and pruning happen in ` +
    "Jest's main process, in the preset's globalSetup and reporter, and this config has only russo's test environment. " +
    "Use preset: '@russo/jest', or add globalSetup: '@russo/jest/global-setup' and " +
    "reporters: ['default', '@russo/jest/reporter'] beside testEnvironment."
  )
}
