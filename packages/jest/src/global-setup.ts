import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { clearForRun } from './internal/clear-run.js'
import { checkRemote } from './internal/remote-probe.js'
import { markSetupRan } from './internal/run-parts.js'
import { type ProjectConfigLike, projectSettings } from './internal/settings.js'
import { checkCacheDir } from './internal/unwritable.js'

interface GlobalConfigLike {
  reporters?: readonly (string | readonly [string, unknown])[]
}

const REPORTER = realpathSync(fileURLToPath(new URL('./reporter.js', import.meta.url)))
let hinted = false

/**
 * The preset's globalSetup (Jest runs it once per project, in the main process, before any test):
 * a bad option stops the run here with its message, a cache directory that cannot be written gets one
 * warning, `--russo-clear-cache` clears (a cache it cannot clear stops the run), and a run without
 * russo's reporter gets a hint.
 */
// biome-ignore lint/style/noDefaultExport: Jest calls a globalSetup module's default export
export default async function russoGlobalSetup(
  globalConfig: GlobalConfigLike,
  projectConfig: ProjectConfigLike,
): Promise<void> {
  markSetupRan()
  const settings = projectSettings(projectConfig)
  checkCacheDir(settings.cacheDir, settings.mode.value)
  clearForRun(settings)
  await checkRemote(settings, projectConfig.rootDir)
  if (hinted || hasReporter(globalConfig)) return
  hinted = true
  // Jest leaves `reporters` undefined when the config names none: then there are none to blame.
  const why =
    globalConfig.reporters === undefined
      ? "This config names russo's globalSetup but no reporters: add reporters: ['default', '@russo/jest/reporter'], " +
        "or use preset: '@russo/jest', which sets both"
      : "Your `reporters` replace the preset's: add it beside them, reporters: ['default', '@russo/jest/reporter']"
  console.warn(
    `russo: @russo/jest's reporter is not in this run, so there is no russo line and no prune. ${why} ` +
      '(with `projects`, in the root config).',
  )
}

function hasReporter({ reporters }: GlobalConfigLike): boolean {
  return (reporters ?? []).some((entry) => {
    const path = typeof entry === 'string' ? entry : entry[0]
    try {
      return realpathSync(path) === REPORTER
    } catch {
      return false
    }
  })
}
