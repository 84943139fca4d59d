import { terminalSafe } from '@russo/cache'
import type { CliCommand } from '../command.js'
import { CliError, EXIT } from '../exit-codes.js'
import { requireCacheDir } from '../internal/context.js'
import { entryCount, printItems } from '../internal/removal-lines.js'

/** Items listed above the question; `--dry-run` lists every one. */
const ASK_LISTS = 20

export const clear: CliCommand = {
  name: 'clear',
  define: (command) =>
    command
      .description("remove every entry (russo's files only: lockfiles, foreign files, folders and links stay)")
      .option('-y, --yes', 'do not ask (needed when not on a terminal)')
      .option('--dry-run', 'list what would be removed (key, what it is, prompt), remove nothing'),
  async run(ctx, _args, options) {
    requireCacheDir(ctx, { missingOk: true })
    const plan = ctx.cache.planClear()
    const count = entryCount(plan.items)
    const dir = terminalSafe(ctx.cacheDir)
    const entries = `${count} ${count === 1 ? 'entry' : 'entries'}`
    if (options.dryRun === true) {
      if (ctx.json) ctx.printJson({ cacheDir: ctx.cacheDir, dryRun: true, removed: plan.items, foreign: plan.foreign })
      else {
        printItems(ctx, 'would remove', plan.items)
        ctx.out(`would remove ${entries} from ${dir}; ${plan.foreign.length} foreign files stay.`)
      }
      return EXIT.ok
    }
    if (options.yes !== true) {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new CliError(
          'RUSSO_CLI_ABORTED',
          `clear would remove ${entries} from ${ctx.cacheDir}; pass --yes to do it without a terminal to ask on (--dry-run lists them).`,
        )
      }
      printItems(ctx, 'will remove', plan.items.slice(0, ASK_LISTS))
      if (plan.items.length > ASK_LISTS)
        ctx.out(`… and ${plan.items.length - ASK_LISTS} more (--dry-run lists them all)`)
      // Loaded only here: the prompt library is the heaviest import and only this path needs it.
      const { default: confirm } = await import('@inquirer/confirm')
      const sure = await confirm({ message: `Remove all ${entries} from ${dir}?`, default: false })
      if (!sure) throw new CliError('RUSSO_CLI_ABORTED', 'Nothing removed.')
    }
    // Exactly the set listed (and asked about): files that appeared since stay.
    const report = ctx.cache.clear(plan)
    const removed = entryCount(report.removed)
    if (ctx.json) {
      ctx.printJson({ cacheDir: ctx.cacheDir, dryRun: false, removed: report.removed, foreign: report.foreign })
    } else {
      printItems(ctx, 'removed', report.removed)
      ctx.out(
        `Removed ${removed} ${removed === 1 ? 'entry' : 'entries'} from ${dir}; ${report.foreign.length} foreign files stay.`,
      )
    }
    return EXIT.ok
  },
}
