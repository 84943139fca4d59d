import type { Command } from 'commander'
import type { ExitCode } from './exit-codes.js'
import type { Context } from './internal/context.js'

/** One `russo` subcommand: the bin adds `--dir` and `--json` to each and dispatches to `run`. */
export interface CliCommand {
  name: string
  /** Adds the description, arguments, options and help text. */
  define(command: Command): Command
  /** Runs the command; returns its exit code, or throws a `CliError`. */
  run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<ExitCode>
}
