import { clearOnce, type RussoPluginOptions, type RussoSettings, resolveSettings } from '@russo/runner-kit'
import type { Plugin } from 'vitest/config'
import type { Vitest } from 'vitest/node'
import type { RussoProvided } from './internal/provided.js'
import { RussoReporter } from './reporter.js'

export type { RussoJsonReport, RussoPluginOptions, RussoReportOptions } from '@russo/runner-kit'

/** One reporter per Vitest instance, however many projects carry the plugin. */
const reporters = new WeakMap<Vitest, RussoReporter>()

/**
 * The russo-ts Vitest plugin: reads the flags and environment, clears the cache once when asked,
 * hands each project's workers their settings, and adds the hit/miss reporter.
 */
export function russo(options: RussoPluginOptions = {}): Plugin {
  return {
    name: 'russo',
    config(user) {
      // The fixtures import the user's synthesizer module; only code Vite runs can import a `.ts` file.
      if (user.test?.server?.deps?.inline === true) return undefined
      return { test: { server: { deps: { inline: ['@russo/vitest/'] } } } }
    },
    configureVitest({ vitest, project }) {
      const settings = resolveSettings({ options, root: project.config.root, argv: process.argv, env: process.env })
      const reporter = reporterFor(vitest)
      const merging = Boolean(vitest.config.mergeReports)
      const cleared = settings.clear && !merging ? clearOnce(settings.cacheDir) : undefined
      reporter.addProject(project.name, settings, cleared)
      project.provide('russo', provided(settings, reporter.startedAt))
    },
  }
}

function reporterFor(vitest: Vitest): RussoReporter {
  let reporter = reporters.get(vitest)
  if (reporter === undefined) {
    reporter = new RussoReporter(vitest)
    reporters.set(vitest, reporter)
    vitest.config.reporters.push(reporter)
    const [major = 0, minor = 0] = vitest.version.split('.').map(Number)
    if (major !== 4 || minor < 1) {
      vitest.logger.warn(
        `russo: @russo/vitest supports Vitest >=4.1.0 <5; this is Vitest ${vitest.version}, so expect trouble.`,
      )
    }
  }
  return reporter
}

function provided(settings: RussoSettings, startedAt: number): RussoProvided {
  return {
    version: 1,
    synthesizer: settings.synthesizer ?? null,
    cacheDir: settings.cacheDir,
    mode: settings.mode.value,
    cacheKeyExtra: settings.cacheKeyExtra,
    refreshSince: startedAt,
    missHint: missHint(settings),
  }
}

/** How to record a missing entry, in the words that made this run offline. */
function missHint({ mode }: RussoSettings): string {
  const without = mode.source.startsWith('russo(')
    ? "mode 'auto' in russo() (or RUSSO_CACHE_MODE=auto)"
    : `without ${mode.source}`
  return `record it by running the tests once ${without}, then commit the cache directory`
}
