import type { CliCommand } from '../command.js'
import { CliError, EXIT } from '../exit-codes.js'

export const clear: CliCommand = {
  name: 'clear',
  define: (command) =>
    command
      .description("remove every entry (russo's files only: foreign files, folders and links stay)")
      .option('-y, --yes', 'do not ask (needed when not on a terminal)'),
  async run(ctx, _args, options) {
    const count = ctx.cache.size()
    if (options.yes !== true) {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new CliError(
          'RUSSO_CLI_ABORTED',
          `clear would remove ${count} entries from ${ctx.cacheDir}; pass --yes to do it without a terminal to ask on.`,
        )
      }
      // Loaded only here: the prompt library is the heaviest import and only this path needs it.
      const { default: confirm } = await import('@inquirer/confirm')
      const sure = await confirm({ message: `Remove all ${count} entries from ${ctx.cacheDir}?`, default: false })
      if (!sure) throw new CliError('RUSSO_CLI_ABORTED', 'Nothing removed.')
    }
    const removed = ctx.cache.clear()
    if (ctx.json) ctx.printJson({ cacheDir: ctx.cacheDir, removed })
    else ctx.out(`Removed ${removed} entries from ${ctx.cacheDir}.`)
    return EXIT.ok
  },
}
