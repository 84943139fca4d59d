import { terminalSafe } from '@russo/cache'
import type { CliCommand } from '../command.js'
import { CliError, EXIT } from '../exit-codes.js'
import { requireCacheDir } from '../internal/context.js'
import { parseAge } from '../internal/duration-option.js'
import { type EntryRow, loadRows } from '../internal/entry-row.js'
import { entryCount, finishRemoval, printItems } from '../internal/removal-lines.js'
import { readRunReport, usedKeys } from '../internal/run-report.js'

export const prune: CliCommand = {
  name: 'prune',
  define: (command) =>
    command
      .description('remove entries no run used (--unused --report R.json...) or older than an age (--older-than 30d)')
      .option('--unused', 'remove the entries none of the --report runs used')
      .option('--report <file...>', 'JSON run reports of the runs that use the cache (one per runner or shard)')
      .option('--older-than <age>', 'remove entries written longer ago than AGE: 45s, 90m, 12h, 30d, 2w')
      .option(
        '--dry-run',
        'list what would be removed (key, why, prompt), remove nothing: the same set a real run removes',
      )
      .addHelpText(
        'after',
        '\nOnly entries are removed (never a foreign file, never through a link): the valid ones the option selects and corrupt ones,\n' +
          'each listed. Git LFS pointers are kept (`git lfs pull` fetches them); an entry another process holds the lock of is left.',
      ),
  async run(ctx, _args, options) {
    const unused = options.unused === true
    const olderThan = options.olderThan as string | undefined
    if (unused === (olderThan !== undefined)) {
      throw new CliError(
        'RUSSO_CLI_USAGE',
        'prune needs exactly one of --unused (with --report R.json) or --older-than AGE.',
      )
    }
    const reports = ((options.report as string[] | undefined) ?? []).map(readRunReport)
    if (unused && reports.length === 0) {
      throw new CliError(
        'RUSSO_CLI_USAGE',
        'prune --unused needs the run reports that say what was used: --report R.json (several allowed).',
      )
    }
    requireCacheDir(ctx)
    const rows = await loadRows(ctx)
    const keep = unused
      ? usedKeys(
          reports,
          ctx.cacheDir,
          rows.map((r) => r.key),
        )
      : keptYounger(rows, olderThan)
    if (typeof keep === 'string') throw new CliError('RUSSO_CLI_USAGE', keep)
    const why = unused ? 'unused by the reported runs' : `older than ${olderThan}`
    // One planner for both: the dry run lists exactly what the real run removes.
    const plan = ctx.cache.planPrune(keep, { why })
    const dryRun = options.dryRun === true
    const report = dryRun ? undefined : await ctx.cache.prune(plan)
    const items = report?.removed ?? plan.items
    const gone = entryCount(items)
    if (ctx.json) {
      ctx.printJson({
        cacheDir: ctx.cacheDir,
        dryRun,
        removed: items,
        left: report?.left ?? [],
        lfsPointers: plan.lfsPointers,
        kept: rows.length - items.filter((item) => item.kind === 'entry').length,
      })
    } else {
      const verb = dryRun ? 'would remove' : 'removed'
      printItems(ctx, verb, items)
      for (const p of plan.lfsPointers) ctx.out(`kept  ${p.key}  LFS pointer  (not audio: \`git lfs pull\` fetches it)`)
      const total = rows.length + items.filter((item) => item.kind === 'corrupt').length
      ctx.out(ctx.color.bold(`${verb} ${gone} of ${total} entries in ${terminalSafe(ctx.cacheDir)}.`))
    }
    if (report !== undefined) finishRemoval(ctx, report)
    return EXIT.ok
  },
}

/** Entries written within `age` of now. */
function keptYounger(rows: EntryRow[], age: string | undefined): Set<string> {
  const cutoff = Date.now() - parseAge('--older-than', age ?? '0s')
  return new Set(rows.filter((r) => Date.parse(r.createdAt) >= cutoff).map((r) => r.key))
}
