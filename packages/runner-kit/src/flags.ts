import { CACHE_MODES, type CacheMode, isCacheMode } from '@russo/cache'
import { configError } from './config-error.js'
import { didYouMean, nearest } from './nearest.js'

export { configError }

/** A setting and where it came from, so messages can name the flag or variable the user typed. */
export interface Sourced<T> {
  value: T
  source: string
}

/** What one level (command line or environment) asks for; absent = not given at that level. */
export interface FlagLevel {
  mode?: Sourced<CacheMode>
  cacheDir?: Sourced<string>
  clear?: Sourced<boolean>
  prune?: Sourced<boolean>
  pruneDryRun?: Sourced<boolean>
  remote?: Sourced<string>
  remoteMode?: Sourced<RemoteModeSetting>
  remoteRequired?: Sourced<boolean>
}

/** `off` turns a configured remote off for one run. */
export type RemoteModeSetting = 'readwrite' | 'read' | 'off'
export const REMOTE_MODES: readonly RemoteModeSetting[] = ['readwrite', 'read', 'off']
const REMOTE_FLAG = '--russo-remote'
const REMOTE_MODE_FLAG = '--russo-remote-mode'

const MODE_FLAGS: Record<string, CacheMode> = {
  '--russo-no-cache': 'off',
  '--russo-refresh': 'refresh',
  '--russo-offline': 'offline',
}
const SWITCH_FLAGS = ['--russo-clear-cache', '--russo-prune', '--russo-prune-dry-run'] as const
const DIR_FLAG = '--russo-cache-dir'
const MODE_FLAG = '--russo-cache-mode'
export const KNOWN_FLAGS: readonly string[] = [
  ...Object.keys(MODE_FLAGS),
  MODE_FLAG,
  ...SWITCH_FLAGS,
  DIR_FLAG,
  REMOTE_FLAG,
  REMOTE_MODE_FLAG,
]
export const KNOWN_ENV: readonly string[] = [
  'RUSSO_CACHE_MODE',
  'RUSSO_NO_CACHE',
  'RUSSO_CLEAR_CACHE',
  'RUSSO_CACHE_DIR',
  'RUSSO_PRUNE',
  'RUSSO_PRUNE_DRY_RUN',
  'RUSSO_REMOTE',
  'RUSSO_REMOTE_MODE',
  'RUSSO_REMOTE_REQUIRED',
  'RUSSO_REMOTE_SIGNING_KEY',
]
const SWITCH_LEVELS = {
  '--russo-clear-cache': 'clear',
  '--russo-prune': 'prune',
  '--russo-prune-dry-run': 'pruneDryRun',
} as const

const TRUE_WORDS = ['1', 'true', 'yes', 'on']
const FALSE_WORDS = ['', '0', 'false', 'no', 'off']

/**
 * The `--russo-*` flags of the main process's argv. Vitest rejects unknown options, so users pass them
 * after `--` (`vitest run -- --russo-offline`), where Vitest leaves them alone.
 */
export function readArgv(argv: readonly string[]): FlagLevel {
  const level: FlagLevel = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (!arg.startsWith('--russo-')) continue
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg : arg.slice(0, eq)
    const inline = eq === -1 ? undefined : arg.slice(eq + 1)
    const mode = MODE_FLAGS[name]
    const switched = SWITCH_LEVELS[name as keyof typeof SWITCH_LEVELS]
    if (mode !== undefined || switched !== undefined) {
      if (inline !== undefined) throw configError(`${name} takes no value, got ${arg}.`)
      if (mode !== undefined) setMode(level, { value: mode, source: name })
      else level[switched as keyof typeof level & typeof switched] = { value: true, source: name }
    } else if (name === REMOTE_FLAG || name === REMOTE_MODE_FLAG) {
      const value = inline ?? argv[++i]
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw configError(
          name === REMOTE_FLAG
            ? `${REMOTE_FLAG} needs a URL: ${REMOTE_FLAG}=s3://bucket/prefix.`
            : `${REMOTE_MODE_FLAG} needs a mode: ${REMOTE_MODE_FLAG}=MODE, one of ${REMOTE_MODES.join(', ')}.`,
        )
      }
      if (name === REMOTE_FLAG) level.remote = { value, source: REMOTE_FLAG }
      else
        level.remoteMode = {
          value: checkedRemoteMode(value, `${REMOTE_MODE_FLAG}=${value}`),
          source: `${REMOTE_MODE_FLAG}=${value}`,
        }
    } else if (name === DIR_FLAG || name === MODE_FLAG) {
      const value = inline ?? argv[++i]
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw configError(
          name === DIR_FLAG
            ? `${DIR_FLAG} needs a directory: ${DIR_FLAG}=DIR.`
            : `${MODE_FLAG} needs a mode: ${MODE_FLAG}=MODE, one of ${CACHE_MODES.join(', ')}.`,
        )
      }
      if (name === DIR_FLAG) level.cacheDir = { value, source: `${DIR_FLAG}=${value}` }
      else setMode(level, { value: checkedMode(value, `${MODE_FLAG}=${value}`), source: `${MODE_FLAG}=${value}` })
    } else {
      const hint = didYouMean(name, KNOWN_FLAGS, '--russo-')
      throw configError(`unknown flag ${arg}.${hint} The russo flags are ${KNOWN_FLAGS.join(', ')}.`)
    }
  }
  return level
}

/** `RUSSO_*` environment variables. Empty ones count as unset. */
export function readEnv(env: Readonly<Record<string, string | undefined>>): FlagLevel {
  const level: FlagLevel = {}
  const rawMode = env.RUSSO_CACHE_MODE
  if (rawMode !== undefined && rawMode !== '') {
    const source = `RUSSO_CACHE_MODE=${rawMode}`
    level.mode = { value: checkedMode(rawMode, source), source }
  }
  if (envSwitch(env, 'RUSSO_NO_CACHE')) setMode(level, { value: 'off', source: `RUSSO_NO_CACHE=${env.RUSSO_NO_CACHE}` })
  if (envSwitch(env, 'RUSSO_CLEAR_CACHE')) level.clear = { value: true, source: 'RUSSO_CLEAR_CACHE' }
  if (envSwitch(env, 'RUSSO_PRUNE')) level.prune = { value: true, source: 'RUSSO_PRUNE' }
  if (envSwitch(env, 'RUSSO_PRUNE_DRY_RUN')) level.pruneDryRun = { value: true, source: 'RUSSO_PRUNE_DRY_RUN' }
  const dir = env.RUSSO_CACHE_DIR
  if (dir !== undefined && dir !== '') level.cacheDir = { value: dir, source: `RUSSO_CACHE_DIR=${dir}` }
  // The URL is not echoed in `source`: a mistyped one might hold a secret.
  if (env.RUSSO_REMOTE) level.remote = { value: env.RUSSO_REMOTE, source: 'RUSSO_REMOTE' }
  const remoteMode = env.RUSSO_REMOTE_MODE
  if (remoteMode) {
    const source = `RUSSO_REMOTE_MODE=${remoteMode}`
    level.remoteMode = { value: checkedRemoteMode(remoteMode, source), source }
  }
  if (env.RUSSO_REMOTE_REQUIRED !== undefined) {
    level.remoteRequired = { value: envSwitch(env, 'RUSSO_REMOTE_REQUIRED'), source: 'RUSSO_REMOTE_REQUIRED' }
  }
  return level
}

/** Words of russo's own settings: an unknown variable with one of them is a likely typo. */
const SETTING_WORD = /^RUSSO_.*(CACHE|MODE|OFFLINE|ONLINE|REFRESH|RECORD|CLEAR|PRUNE|DRY|DIR|REMOTE)/

/**
 * `RUSSO_*` variables that look like russo settings but are not (`RUSSO_OFFLINE=1`): most likely typos,
 * worth a warning, not a stop. Others (`RUSSO_EXAMPLE_TTS` of a project's own) are none of ours.
 */
export function unknownEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const unknown = Object.keys(env).filter((name) => SETTING_WORD.test(name) && !KNOWN_ENV.includes(name))
  if (unknown.length === 0) return undefined
  const named = unknown.map((name) => {
    const meant = meantVariable(name)
    return meant === undefined ? name : `${name} (did you mean ${meant}?)`
  })
  return (
    `russo: ignoring unknown environment variable${unknown.length === 1 ? '' : 's'} ${named.join(', ')}; ` +
    `the russo variables are ${KNOWN_ENV.join(', ')}.`
  )
}

/** Modes have no variable each: `RUSSO_OFFLINE` means `RUSSO_CACHE_MODE=offline`. */
const MODE_WORD = /(OFFLINE|REFRESH|AUTO)/

function meantVariable(name: string): string | undefined {
  const mode = MODE_WORD.exec(name.slice('RUSSO_'.length))?.[1]
  if (mode !== undefined) return `RUSSO_CACHE_MODE=${mode.toLowerCase()}`
  return nearest(name, KNOWN_ENV, 'RUSSO_')
}

function checkedMode(value: string, source: string): CacheMode {
  if (!isCacheMode(value)) throw configError(`${source} is not a cache mode; ${modeChoices(value)}`)
  return value
}

/** `allowed values: …`, after a "did you mean" when the value looks like one of them. */
export function modeChoices(value: unknown): string {
  const meant = typeof value === 'string' ? nearest(value, CACHE_MODES) : undefined
  return `${meant === undefined ? '' : `did you mean ${meant}? `}allowed values: ${CACHE_MODES.join(', ')}.`
}

function checkedRemoteMode(value: string, source: string): RemoteModeSetting {
  if (!(REMOTE_MODES as readonly string[]).includes(value)) {
    throw configError(`${source} is not a remote mode; allowed values: ${REMOTE_MODES.join(', ')}.`)
  }
  return value as RemoteModeSetting
}

function envSwitch(env: Readonly<Record<string, string | undefined>>, name: string): boolean {
  const raw = env[name]
  if (raw === undefined) return false
  const word = raw.trim().toLowerCase()
  if (TRUE_WORDS.includes(word)) return true
  if (FALSE_WORDS.includes(word)) return false
  throw configError(`${name}=${raw} is not a switch; allowed values: 1, true, yes, on, 0, false, no, off.`)
}

/** Two different modes asked for at one level is a mistake worth stopping for, not a silent pick. */
function setMode(level: FlagLevel, mode: Sourced<CacheMode>): void {
  if (level.mode !== undefined && level.mode.value !== mode.value) {
    throw configError(`${level.mode.source} and ${mode.source} ask for different cache modes; use one of them.`)
  }
  level.mode = mode
}
