import { CACHE_MODES, type CacheMode, isCacheMode, RussoError } from '@russo/cache'

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
}

const MODE_FLAGS: Record<string, CacheMode> = {
  '--russo-no-cache': 'off',
  '--russo-refresh': 'refresh',
  '--russo-offline': 'offline',
}
const SWITCH_FLAGS = ['--russo-clear-cache', '--russo-prune'] as const
const DIR_FLAG = '--russo-cache-dir'
export const KNOWN_FLAGS: readonly string[] = [...Object.keys(MODE_FLAGS), ...SWITCH_FLAGS, DIR_FLAG]

const TRUE_WORDS = ['1', 'true', 'yes', 'on']
const FALSE_WORDS = ['', '0', 'false', 'no', 'off']

/** A mistake in the user's flags or options: the message says it all, so the stack is left out. */
export function configError(message: string): RussoError {
  const error = new RussoError('RUSSO_CONFIG', `russo: ${message}`)
  error.stack = `${error.name}: ${error.message}`
  return error
}

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
    if (mode !== undefined || (SWITCH_FLAGS as readonly string[]).includes(name)) {
      if (inline !== undefined) throw configError(`${name} takes no value, got ${arg}.`)
      if (mode !== undefined) setMode(level, { value: mode, source: name })
      else level[name === '--russo-prune' ? 'prune' : 'clear'] = { value: true, source: name }
    } else if (name === DIR_FLAG) {
      const value = inline ?? argv[++i]
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw configError(`${DIR_FLAG} needs a directory: ${DIR_FLAG}=DIR.`)
      }
      level.cacheDir = { value, source: `${DIR_FLAG}=${value}` }
    } else {
      throw configError(`unknown flag ${arg}; the russo flags are ${KNOWN_FLAGS.join(', ')}.`)
    }
  }
  return level
}

/** `RUSSO_*` environment variables. Empty ones count as unset. */
export function readEnv(env: Readonly<Record<string, string | undefined>>): FlagLevel {
  const level: FlagLevel = {}
  const rawMode = env.RUSSO_CACHE_MODE
  if (rawMode !== undefined && rawMode !== '') {
    if (!isCacheMode(rawMode)) {
      throw configError(`RUSSO_CACHE_MODE=${rawMode} is not a cache mode; allowed values: ${CACHE_MODES.join(', ')}.`)
    }
    level.mode = { value: rawMode, source: `RUSSO_CACHE_MODE=${rawMode}` }
  }
  if (envSwitch(env, 'RUSSO_NO_CACHE')) setMode(level, { value: 'off', source: `RUSSO_NO_CACHE=${env.RUSSO_NO_CACHE}` })
  if (envSwitch(env, 'RUSSO_CLEAR_CACHE')) level.clear = { value: true, source: 'RUSSO_CLEAR_CACHE' }
  if (envSwitch(env, 'RUSSO_PRUNE')) level.prune = { value: true, source: 'RUSSO_PRUNE' }
  const dir = env.RUSSO_CACHE_DIR
  if (dir !== undefined && dir !== '') level.cacheDir = { value: dir, source: `RUSSO_CACHE_DIR=${dir}` }
  return level
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
