import { createRequire } from 'node:module'
import { terminalSafe } from '@russo/cache'
import { Command, CommanderError } from 'commander'
import type { CliCommand } from './command.js'
import { clear } from './commands/clear.js'
import { exportCommand } from './commands/export.js'
import { html } from './commands/html.js'
import { ls } from './commands/ls.js'
import { prune } from './commands/prune.js'
import { remote } from './commands/remote.js'
import { show } from './commands/show.js'
import { stats } from './commands/stats.js'
import { verify } from './commands/verify.js'
import { EXIT, type ExitCode, isCliError } from './exit-codes.js'
import { makeContext } from './internal/context.js'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

const COMMANDS: CliCommand[] = [ls, show, stats, verify, prune, clear, exportCommand, html, remote]

const EXIT_CODES_HELP = `
Exit codes:
  0  done (verify: every entry intact)     3  no cache directory, or no entry matches
  1  verify found corrupt entries          4  clear declined, or needs --yes
  2  bad arguments or options              5  anything else failed`

/** Runs `russo` with `argv` (without the node and script paths) and returns its exit code. */
export async function main(argv: string[]): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok
  let json = false
  const program = new Command('russo')
    .description('Inspect, check and listen to a .russo_cache (russo-ts or Python russo).')
    .version(version)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
  for (const spec of COMMANDS) {
    const command = spec
      .define(program.command(spec.name))
      .option('--dir <path>', 'the cache directory (default: $RUSSO_CACHE_DIR, else ./.russo_cache)')
      .option('--json', 'print one JSON document on stdout instead of text')
      .exitOverride()
      .action(async (...params: unknown[]) => {
        const self = params.at(-1) as Command
        const options = self.opts()
        json = options.json === true
        const args = self.processedArgs.flat().filter((a): a is string => typeof a === 'string')
        exitCode = await spec.run(makeContext(options), args, options)
      })
    command.addHelpText('after', EXIT_CODES_HELP)
  }
  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end the same way, with code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    if (isCliError(error)) {
      report(json, error.code, error.message)
      return error.exitCode
    }
    // The message says what failed (with the path, for file errors); the stack only helps a bug report.
    const message =
      error instanceof Error ? (process.env.DEBUG ? (error.stack ?? error.message) : error.message) : String(error)
    report(json, 'RUSSO_CLI_FAILED', message)
    return EXIT.failed
  }
  return exitCode
}

/** Errors go to stderr; with --json, stdout gets them too, so a script always reads one document. */
function report(json: boolean, code: string, message: string): void {
  // Messages name paths and the user's own text: shown safely (JSON keeps the exact text).
  process.stderr.write(`russo: ${terminalSafe(message, { keepNewlines: true })}\n`)
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`)
}
