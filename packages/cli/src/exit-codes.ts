/**
 * Every exit code of `russo`, in one place (the package README lists them too). Scripts may branch on
 * them: they only ever gain new values.
 */
export const EXIT = {
  /** Done; for `verify`, every entry is intact (or, with `--fix`, every corrupt one was removed). */
  ok: 0,
  /** `verify` found corrupt entries (that are still there). */
  corrupt: 1,
  /** Bad arguments or options: the message names the option, the value and the fix. */
  usage: 2,
  /** Nothing to work on: the cache directory is missing, or no entry matches KEY|TEXT. */
  notFound: 3,
  /** `clear` was declined at the prompt, or needs `--yes` without a terminal to ask on. */
  aborted: 4,
  /** Anything else went wrong (an unreadable file, a disk error): the message says what. */
  failed: 5,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export type CliErrorCode = 'RUSSO_CLI_USAGE' | 'RUSSO_CLI_NOT_FOUND' | 'RUSSO_CLI_ABORTED' | 'RUSSO_CLI_FAILED'

const EXIT_OF: Record<CliErrorCode, ExitCode> = {
  RUSSO_CLI_USAGE: EXIT.usage,
  RUSSO_CLI_NOT_FOUND: EXIT.notFound,
  RUSSO_CLI_ABORTED: EXIT.aborted,
  RUSSO_CLI_FAILED: EXIT.failed,
}

/** An error a command stops with on purpose: its message is for the user, its code picks the exit code. */
export class CliError extends Error {
  readonly code: CliErrorCode
  readonly exitCode: ExitCode

  constructor(code: CliErrorCode, message: string) {
    super(message)
    this.name = 'CliError'
    this.code = code
    this.exitCode = EXIT_OF[code]
  }
}

export function isCliError(value: unknown): value is CliError {
  return value instanceof Error && typeof (value as { code?: unknown }).code === 'string' && value.name === 'CliError'
}
