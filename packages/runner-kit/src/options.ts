import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { assertNoCredentialFields, type CacheMode, cacheKey, DEFAULT_CACHE_DIR, isCacheMode } from '@russo/cache'
import { configError, type FlagLevel, modeChoices, readArgv, readEnv, type Sourced } from './flags.js'
import { didYouMean } from './nearest.js'
import { checkRemoteOption, type RemoteOption, type RemoteSettings, resolveRemote } from './remote-settings.js'

export interface RussoReportOptions {
  /** Also write the figures, per test file and in total, as JSON to this path (relative to the Vitest root). */
  json?: string
}

export interface RussoPluginOptions {
  /**
   * Module whose default export is a `Synthesizer`, or a (possibly async) function or class that makes one.
   * A relative path resolves against the Vitest root. Without it, tests must override `russoSynthesizer`.
   */
  synthesizer?: string
  /** Default `.russo_cache`, relative to the Vitest root. `--russo-cache-dir` / `RUSSO_CACHE_DIR` win. */
  cacheDir?: string
  /** Default `auto`. The mode flags and `RUSSO_CACHE_MODE` / `RUSSO_NO_CACHE` win. */
  mode?: CacheMode
  /** Settings merged into every key, over the synthesizer's own `cacheKeyExtra`. */
  cacheKeyExtra?: Record<string, unknown>
  /** `false`: no summary block (pruning still works). An object: print it and also write JSON. */
  report?: boolean | RussoReportOptions
  /**
   * A shared remote cache: `'s3://bucket/prefix'` or `{ url, mode, required }` (needs `@russo/s3`).
   * `--russo-remote`, `RUSSO_REMOTE`, `--russo-remote-mode` and `RUSSO_REMOTE_MODE` win.
   */
  remote?: RemoteOption
}

/** Everything the plugin decided for one project, in the main process. */
export interface RussoSettings {
  /** Absolute path, or a bare module name left to Vite to resolve; `undefined` when none is configured. */
  synthesizer: string | undefined
  cacheDir: string
  mode: Sourced<CacheMode>
  cacheKeyExtra: Record<string, unknown>
  clear: boolean
  /** The flag or variable that asked for `clear`, for messages. */
  clearSource: string
  prune: boolean
  /** List what `prune` would remove, remove nothing. */
  pruneDryRun: boolean
  print: boolean
  json: string | undefined
  /** The remote cache, when one is configured and not turned off. */
  remote: RemoteSettings | undefined
}

export interface SettingsInput {
  options: RussoPluginOptions
  root: string
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  /** How the runner's users write the options, for messages. Default: Vitest's `russo({ … })`. */
  where?: OptionsWhere
}

/** Where a runner's options live, so messages show the user what they wrote. */
export interface OptionsWhere {
  /** `option` as written, with its value when given (already quoted or JSON). */
  option(name: string, value?: string): string
  /** The options as a whole. */
  all: string
  /** Who takes the options, as core messages name it. */
  owner: string
  /** What relative paths resolve against. */
  root: string
}

export const VITEST_OPTIONS: OptionsWhere = {
  option: (name, value) => `russo({ ${name}${value === undefined ? '' : `: ${value}`} })`,
  all: 'russo(options)',
  owner: 'russo()',
  root: 'the Vitest root',
}

/** Precedence: command line, then environment, then plugin options, then defaults. */
export function resolveSettings({ options, root, argv, env, where = VITEST_OPTIONS }: SettingsInput): RussoSettings {
  checkOptions(options, where)
  const levels: FlagLevel[] = [readArgv(argv), readEnv(env)]
  const optionMode =
    options.mode === undefined ? undefined : { value: options.mode, source: where.option('mode', `'${options.mode}'`) }
  const mode = pick(levels, 'mode') ?? optionMode ?? { value: 'auto' as const, source: 'default' }
  const dir = pick(levels, 'cacheDir')?.value ?? options.cacheDir ?? DEFAULT_CACHE_DIR
  const report = options.report ?? true
  return {
    synthesizer: options.synthesizer === undefined ? undefined : resolveModule(options.synthesizer, root, where),
    cacheDir: resolve(root, dir),
    mode,
    cacheKeyExtra: options.cacheKeyExtra ?? {},
    clear: pick(levels, 'clear')?.value ?? false,
    clearSource: pick(levels, 'clear')?.source ?? '--russo-clear-cache',
    prune: pick(levels, 'prune')?.value ?? false,
    pruneDryRun: pick(levels, 'pruneDryRun')?.value ?? false,
    print: report !== false,
    json: typeof report === 'object' && report.json !== undefined ? resolve(root, report.json) : undefined,
    remote: resolveRemote(levels, options.remote, where),
  }
}

function pick<K extends keyof FlagLevel>(levels: FlagLevel[], key: K): FlagLevel[K] | undefined {
  return levels.find((level) => level[key] !== undefined)?.[key]
}

const EXTENSIONS = ['', '.ts', '.mts', '.js', '.mjs']

/** Paths resolve against the root and must exist; bare names (`@scope/pkg/synth`) are left to Vite. */
function resolveModule(specifier: string, root: string, where: OptionsWhere): string {
  if (!specifier.startsWith('.') && !isAbsolute(specifier)) return specifier
  const base = resolve(root, specifier)
  const found = EXTENSIONS.map((ext) => base + ext).find((path) => existsSync(path))
  if (found === undefined)
    throw configError(`${where.option('synthesizer', `'${specifier}'`)}: no such module (looked for ${base}).`)
  return found
}

/** Every option `russo()` and `testEnvironmentOptions.russo` take: any other key is a mistake. */
const OPTION_KEYS: readonly (keyof RussoPluginOptions)[] = [
  'synthesizer',
  'cacheDir',
  'mode',
  'cacheKeyExtra',
  'report',
  'remote',
]
const REPORT_KEYS: readonly (keyof RussoReportOptions)[] = ['json']

function checkOptions(options: RussoPluginOptions, where: OptionsWhere): void {
  if (options === null || typeof options !== 'object') {
    throw configError(`${where.all}: options must be an object.`)
  }
  checkKeys(options, OPTION_KEYS, where.all)
  if (typeof options.report === 'object' && options.report !== null) {
    checkKeys(options.report, REPORT_KEYS, where.option('report'))
  }
  const { synthesizer, cacheDir, mode, cacheKeyExtra, report } = options
  checkRemoteOption(options.remote, where)
  if (synthesizer !== undefined && (typeof synthesizer !== 'string' || synthesizer === '')) {
    throw configError(
      `${where.option('synthesizer')} must be a module path (a string), resolved against ${where.root}.`,
    )
  }
  if (cacheDir !== undefined && (typeof cacheDir !== 'string' || cacheDir === '')) {
    throw configError(`${where.option('cacheDir')} must be a non-empty path.`)
  }
  if (mode !== undefined && !isCacheMode(mode)) {
    throw configError(`${where.option('mode', JSON.stringify(mode))} is not a cache mode; ${modeChoices(mode)}`)
  }
  if (cacheKeyExtra !== undefined) {
    try {
      cacheKey('', cacheKeyExtra)
      assertNoCredentialFields(cacheKeyExtra, where.owner)
    } catch (error) {
      throw configError(`${where.option('cacheKeyExtra')}: ${(error as Error).message}`)
    }
  }
  const json = typeof report === 'object' && report !== null ? report.json : undefined
  if (
    (report !== undefined && typeof report !== 'boolean' && typeof report !== 'object') ||
    report === null ||
    (json !== undefined && (typeof json !== 'string' || json === ''))
  ) {
    throw configError(`${where.option('report')} must be true, false or { json: "path/to/report.json" }.`)
  }
}

/** A key nobody reads is a typo until proven otherwise: `cachedir` would silently keep the default. */
function checkKeys(object: object, known: readonly string[], what: string): void {
  const unknown = Object.keys(object).find((key) => !known.includes(key))
  if (unknown === undefined) return
  throw configError(
    `${what}: unknown option ${JSON.stringify(unknown)}.${didYouMean(unknown, known)} ` +
      `The options are ${known.join(', ')}.`,
  )
}
