export type { CliErrorCode, ExitCode } from './exit-codes.js'
export { CliError, EXIT, isCliError } from './exit-codes.js'
export { main } from './main.js'
