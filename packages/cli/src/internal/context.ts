import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { AudioCache, DEFAULT_CACHE_DIR, type RussoLogger, terminalSafe } from '@russo/cache'
import pc from 'picocolors'
import { CliError } from '../exit-codes.js'

/** The options every command takes. */
export interface CommonOptions {
  dir?: string
  json?: boolean
}

/** What a command runs with: its cache, where output goes, and how. */
export interface Context {
  cacheDir: string
  cache: AudioCache
  json: boolean
  /** Colours for stdout; picocolors turns them off for NO_COLOR, a pipe or a dumb terminal. */
  color: typeof pc
  out(line: string): void
  err(line: string): void
  /** Prints `value` as the command's JSON output (one document on stdout). */
  printJson(value: unknown): void
}

export function makeContext(options: CommonOptions, env: NodeJS.ProcessEnv = process.env): Context {
  const cacheDir = resolve(options.dir ?? env.RUSSO_CACHE_DIR ?? DEFAULT_CACHE_DIR)
  // Warnings of @russo/cache go to stderr, so `--json` output stays one document on stdout.
  const logger: RussoLogger = {
    warn: (message) => process.stderr.write(`${terminalSafe(message, { keepNewlines: true })}\n`),
  }
  return {
    cacheDir,
    cache: new AudioCache(cacheDir, { logger }),
    json: options.json === true,
    color: pc,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    printJson: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  }
}

/**
 * Stops with "not found" when the cache directory does not exist (reading commands have nothing to read;
 * `missingOk`: `clear` has nothing to do), or when the path is a file or below one.
 */
export function requireCacheDir(ctx: Context, options: { missingOk?: boolean } = {}): void {
  let isDir: boolean
  try {
    // The directory itself may be a link the user made; what is inside it is never followed.
    isDir = statSync(ctx.cacheDir).isDirectory()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') {
      throw new CliError(
        'RUSSO_CLI_NOT_FOUND',
        `No cache directory at ${ctx.cacheDir}: a part of that path is a file, not a folder. Pass --dir (or set RUSSO_CACHE_DIR) to the cache directory.`,
      )
    }
    if (code !== 'ENOENT') throw error
    if (options.missingOk) return
    throw new CliError(
      'RUSSO_CLI_NOT_FOUND',
      `No cache directory at ${ctx.cacheDir}. Run the tests once to record it, or pass --dir (or set RUSSO_CACHE_DIR) to where it is.`,
    )
  }
  if (!isDir) {
    throw new CliError(
      'RUSSO_CLI_NOT_FOUND',
      `${ctx.cacheDir} is not a directory (a cache directory is a folder of <key>.audio and <key>.meta files); pass --dir to the right one.`,
    )
  }
}
