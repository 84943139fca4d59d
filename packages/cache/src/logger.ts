import { createRequire } from 'node:module'
import type { RussoLogger } from './types.js'

type DebugFn = (message: string) => void

let debugFn: DebugFn | null | undefined

/**
 * `debug` under the `russo:cache` namespace, loaded only when `DEBUG` is set: in Vitest's forks pool
 * every test file loads the core anew, and importing `debug` up front cost 11–16 ms per file.
 */
function debugLog(message: string): void {
  if (debugFn === undefined) {
    debugFn = process.env.DEBUG
      ? (createRequire(import.meta.url)('debug') as (namespace: string) => DebugFn)('russo:cache')
      : null
  }
  debugFn?.(message)
}

/** Warnings as process warnings (`RussoWarning`); debug output with `DEBUG=russo:cache`. */
export const defaultLogger: RussoLogger = {
  warn(message) {
    process.emitWarning(message, { type: 'RussoWarning' })
  },
  debug: debugLog,
}
