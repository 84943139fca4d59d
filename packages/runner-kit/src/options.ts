import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { CACHE_MODES, type CacheMode, cacheKey, DEFAULT_CACHE_DIR, isCacheMode } from '@russo/cache'
import { configError, type FlagLevel, readArgv, readEnv, type Sourced } from './flags.js'

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
}

export interface SettingsInput {
  options: RussoPluginOptions
  root: string
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
}

/** Precedence: command line, then environment, then plugin options, then defaults. */
export function resolveSettings({ options, root, argv, env }: SettingsInput): RussoSettings {
  checkOptions(options)
  const levels: FlagLevel[] = [readArgv(argv), readEnv(env)]
  const optionMode =
    options.mode === undefined ? undefined : { value: options.mode, source: `russo({ mode: '${options.mode}' })` }
  const mode = pick(levels, 'mode') ?? optionMode ?? { value: 'auto' as const, source: 'default' }
  const dir = pick(levels, 'cacheDir')?.value ?? options.cacheDir ?? DEFAULT_CACHE_DIR
  const report = options.report ?? true
  return {
    synthesizer: options.synthesizer === undefined ? undefined : resolveModule(options.synthesizer, root),
    cacheDir: resolve(root, dir),
    mode,
    cacheKeyExtra: options.cacheKeyExtra ?? {},
    clear: pick(levels, 'clear')?.value ?? false,
    clearSource: pick(levels, 'clear')?.source ?? '--russo-clear-cache',
    prune: pick(levels, 'prune')?.value ?? false,
    pruneDryRun: pick(levels, 'pruneDryRun')?.value ?? false,
    print: report !== false,
    json: typeof report === 'object' && report.json !== undefined ? resolve(root, report.json) : undefined,
  }
}

function pick<K extends keyof FlagLevel>(levels: FlagLevel[], key: K): FlagLevel[K] | undefined {
  return levels.find((level) => level[key] !== undefined)?.[key]
}

const EXTENSIONS = ['', '.ts', '.mts', '.js', '.mjs']

/** Paths resolve against the root and must exist; bare names (`@scope/pkg/synth`) are left to Vite. */
function resolveModule(specifier: string, root: string): string {
  if (!specifier.startsWith('.') && !isAbsolute(specifier)) return specifier
  const base = resolve(root, specifier)
  const found = EXTENSIONS.map((ext) => base + ext).find((path) => existsSync(path))
  if (found === undefined)
    throw configError(`russo({ synthesizer: '${specifier}' }): no such module (looked for ${base}).`)
  return found
}

function checkOptions(options: RussoPluginOptions): void {
  if (options === null || typeof options !== 'object') throw configError('russo(options): options must be an object.')
  const { synthesizer, cacheDir, mode, cacheKeyExtra, report } = options
  if (synthesizer !== undefined && (typeof synthesizer !== 'string' || synthesizer === '')) {
    throw configError('russo({ synthesizer }) must be a module path (a string), resolved against the Vitest root.')
  }
  if (cacheDir !== undefined && (typeof cacheDir !== 'string' || cacheDir === '')) {
    throw configError('russo({ cacheDir }) must be a non-empty path.')
  }
  if (mode !== undefined && !isCacheMode(mode)) {
    throw configError(
      `russo({ mode: ${JSON.stringify(mode)} }) is not a cache mode; allowed values: ${CACHE_MODES.join(', ')}.`,
    )
  }
  if (cacheKeyExtra !== undefined) {
    try {
      cacheKey('', cacheKeyExtra)
    } catch (error) {
      throw configError(`russo({ cacheKeyExtra }): ${(error as Error).message}`)
    }
  }
  const json = typeof report === 'object' && report !== null ? report.json : undefined
  if (
    (report !== undefined && typeof report !== 'boolean' && typeof report !== 'object') ||
    report === null ||
    (json !== undefined && (typeof json !== 'string' || json === ''))
  ) {
    throw configError('russo({ report }) must be true, false or { json: "path/to/report.json" }.')
  }
}
