import createDebug from 'debug'
import type { RussoLogger } from './types.js'

const debug = createDebug('russo:cache')

/** Warnings to stderr with a prefix; debug output under `DEBUG=russo:cache`. */
export const defaultLogger: RussoLogger = {
  warn(message) {
    process.emitWarning(message, { type: 'RussoWarning' })
  },
  debug(message) {
    debug(message)
  },
}
