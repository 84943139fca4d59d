import {
  cacheDirProblem,
  clearOnce,
  probeRemote,
  type RussoPluginOptions,
  type RussoSettings,
  remoteDownWarning,
  remoteRequiredError,
  resolveSettings,
  unknownEnv,
  unusableCacheWarning,
  VITEST_OPTIONS,
} from '@russo/runner-kit'
import type { Plugin } from 'vitest/config'
import type { Vitest } from 'vitest/node'
import { inlineOurPackage } from './internal/inline.js'
import type { RussoProvided } from './internal/provided.js'
import { supportWarnings } from './internal/support.js'
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
      inlineOurPackage(user)
    },
    async configureVitest({ vitest, project }) {
      const settings = resolveSettings({ options, root: project.config.root, argv: process.argv, env: process.env })
      const reporter = reporterFor(vitest)
      const merging = Boolean(vitest.config.mergeReports)
      const cleared = settings.clear && !merging ? clearOnce(settings.cacheDir, settings.clearSource) : undefined
      reporter.addProject(project.name, settings, cleared)
      const warned = settings.mode.value !== 'off' && warnUnusable(vitest, settings)
      const remoteUp = await remoteUsable(vitest, project.config.root, settings)
      project.provide('russo', { ...provided(settings, reporter.startedAt, warned), remote: remoteUp })
    },
  }
}

function reporterFor(vitest: Vitest): RussoReporter {
  let reporter = reporters.get(vitest)
  if (reporter === undefined) {
    reporter = new RussoReporter(vitest)
    reporters.set(vitest, reporter)
    vitest.config.reporters.push(reporter)
    const env = unknownEnv(process.env)
    for (const warning of [...supportWarnings(vitest.version, process.version), ...(env ? [env] : [])]) {
      vitest.logger.warn(warning)
    }
  }
  return reporter
}

/** Cache directories already warned about, per Vitest instance: one warning per run, not per project. */
const unusableWarned = new WeakMap<Vitest, Set<string>>()

function warnUnusable(vitest: Vitest, { cacheDir, mode }: RussoSettings): boolean {
  const problem = cacheDirProblem(cacheDir)
  if (problem === undefined) return false
  const warned = unusableWarned.get(vitest) ?? new Set<string>()
  unusableWarned.set(vitest, warned)
  if (!warned.has(cacheDir)) {
    warned.add(cacheDir)
    vitest.logger.warn(unusableCacheWarning(cacheDir, problem, VITEST_OPTIONS, mode.value))
  }
  return true
}

/** Probes per Vitest instance and remote URL: projects sharing a remote ask it once. */
const probes = new WeakMap<Vitest, Map<string, Promise<string | undefined>>>()

/**
 * The remote the workers may use, or `null` when none is configured or the run's one probe found it
 * unusable (one warning, or with RUSSO_REMOTE_REQUIRED a stop).
 */
async function remoteUsable(vitest: Vitest, root: string, settings: RussoSettings): Promise<RussoProvided['remote']> {
  const remote = settings.remote
  if (remote === undefined || settings.mode.value === 'off') return null
  const byUrl = probes.get(vitest) ?? new Map<string, Promise<string | undefined>>()
  probes.set(vitest, byUrl)
  const first = !byUrl.has(remote.url)
  if (first) byUrl.set(remote.url, probeRemote(root, remote))
  const problem = await byUrl.get(remote.url)
  if (problem === undefined) return { ...remote, root }
  if (remote.required) throw remoteRequiredError(problem)
  if (first) vitest.logger.warn(remoteDownWarning(problem))
  return null
}

function provided(
  settings: RussoSettings,
  startedAt: number,
  unwritableWarned: boolean,
): Omit<RussoProvided, 'remote'> {
  return {
    version: 1,
    synthesizer: settings.synthesizer ?? null,
    cacheDir: settings.cacheDir,
    mode: settings.mode.value,
    cacheKeyExtra: settings.cacheKeyExtra,
    refreshSince: startedAt,
    missHint: missHint(settings),
    unwritableWarned,
  }
}

/** How to record a missing entry, in the words that made this run offline. */
function missHint({ mode }: RussoSettings): string {
  const without = mode.source.startsWith('russo(')
    ? "mode 'auto' in russo() (or RUSSO_CACHE_MODE=auto)"
    : `without ${mode.source}`
  return `record it by running the tests once ${without}, then commit the cache directory`
}
