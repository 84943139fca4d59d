import type { CliCommand } from '../command.js'
import { CliError, EXIT } from '../exit-codes.js'
import { requireCacheDir } from '../internal/context.js'
import { parseAge } from '../internal/duration-option.js'
import { type EntryRow, loadRows } from '../internal/entry-row.js'
import { oneLine } from '../internal/format.js'
import { readRunReport, usedKeys } from '../internal/run-report.js'

export const prune: CliCommand = {
  name: 'prune',
  define: (command) =>
    command
      .description('remove entries no run used (--unused --report R.json...) or older than an age (--older-than 30d)')
      .option('--unused', 'remove the entries none of the --report runs used')
      .option('--report <file...>', 'JSON run reports of the runs that use the cache (one per runner or shard)')
      .option('--older-than <age>', 'remove entries written longer ago than AGE: 45s, 90m, 12h, 30d, 2w')
      .option('--dry-run', 'list what would be removed (prompt and key), remove nothing')
      .addHelpText(
        'after',
        '\nOnly entries are removed (never a foreign file, never through a link); an entry another process holds the lock of is left.',
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
    const doomed = rows.filter((r) => !keep.has(r.key))
    const dryRun = options.dryRun === true
    const removed = dryRun ? doomed.map((r) => r.key) : await ctx.cache.prune(keep)
    const removedSet = new Set(removed)
    const listed = doomed.filter((r) => removedSet.has(r.key)).map((r) => ({ key: r.key, prompt: r.prompt }))
    if (ctx.json) {
      ctx.printJson({ cacheDir: ctx.cacheDir, dryRun, removed: listed, kept: rows.length - listed.length })
      return EXIT.ok
    }
    for (const r of listed) ctx.out(`${dryRun ? 'would remove' : 'removed'}  ${r.key}  ${oneLine(r.prompt, 80)}`)
    const verb = dryRun ? 'would remove' : 'removed'
    ctx.out(ctx.color.bold(`${verb} ${listed.length} of ${rows.length} entries in ${ctx.cacheDir}.`))
    return EXIT.ok
  },
}

/** Entries written within `age` of now. */
function keptYounger(rows: EntryRow[], age: string | undefined): Set<string> {
  const cutoff = Date.now() - parseAge('--older-than', age ?? '0s')
  return new Set(rows.filter((r) => Date.parse(r.createdAt) >= cutoff).map((r) => r.key))
}
