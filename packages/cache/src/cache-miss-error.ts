import { isRussoError, RussoError } from './errors.js'
import { terminalSafe } from './terminal-text.js'

export interface CacheMissDetails {
  prompt: string
  key: string
  cacheDir: string
  /** How to record the missing entry, in the words of the tool in use. */
  hint?: string
  /** The entry is there, but its audio is a Git LFS pointer that was never pulled. */
  lfsPointer?: boolean
}

const DEFAULT_HINT = "record it by running once with mode 'auto', then commit the cache directory"

/** Thrown in `offline` mode when a prompt has no valid cache entry. */
export class CacheMissError extends RussoError {
  readonly prompt: string
  readonly key: string
  readonly cacheDir: string

  constructor(details: CacheMissDetails) {
    // The message reaches terminals (a test runner's failure output): control characters shown, not sent.
    const prompt = `"${terminalSafe(details.prompt)}"`
    const dir = terminalSafe(details.cacheDir)
    super(
      'RUSSO_CACHE_MISS',
      details.lfsPointer
        ? `No cached audio for prompt ${prompt} (key ${details.key}) in ${dir}: ` +
            'its audio is a Git LFS pointer, not audio (never fetched). Run `git lfs pull`, then run again.'
        : `No cached audio for prompt ${prompt} (key ${details.key}) in ${dir}, and the cache is offline: ` +
            `${details.hint ?? DEFAULT_HINT}.`,
    )
    this.name = 'CacheMissError'
    this.prompt = details.prompt
    this.key = details.key
    this.cacheDir = details.cacheDir
  }
}

export function isCacheMissError(value: unknown): value is CacheMissError {
  return isRussoError(value) && value.code === 'RUSSO_CACHE_MISS'
}
