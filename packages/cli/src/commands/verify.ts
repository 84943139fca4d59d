import { lstatSync } from 'node:fs'
import { join } from 'node:path'
import type { CliCommand } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { type Context, requireCacheDir } from '../internal/context.js'
import { scanDir } from '../internal/dir-scan.js'
import { startProgress } from '../internal/progress.js'

/** The result of `russo verify --json`. */
export interface VerifyOutput {
  cacheDir: string
  checked: number
  ok: number
  /** Corrupt entries; `removed` is true when `--fix` removed them. */
  corrupt: { key: string; reason: string; removed: boolean }[]
  /** Audio files without a meta still there. */
  orphanAudio: string[]
  /** Links and foreign files: never read through, never removed. */
  links: string[]
  foreign: string[]
  /** Leftovers of crashed writers (temp files, stale locks, old audio without meta) `--fix` removed. */
  cleanedUp: number
}

export const verify: CliCommand = {
  name: 'verify',
  define: (command) =>
    command
      .description('check every entry in full (meta, sizes, sha256); exit 1 when anything is corrupt')
      .option('--fix', "remove corrupt entries and crashed writers' leftovers (russo's own files only)"),
  async run(ctx, _args, options) {
    requireCacheDir(ctx)
    const fix = options.fix === true
    const progress = await startProgress('verify', scanDir(ctx.cacheDir).metas, ctx.json)
    const report = await ctx.cache.verify({ remove: fix, onEntry: () => progress.tick() })
    progress.stop()
    const cleanedUp = fix ? ctx.cache.cleanup() : 0
    const after = scanDir(ctx.cacheDir)
    const out: VerifyOutput = {
      cacheDir: ctx.cacheDir,
      checked: report.checked,
      ok: report.checked - report.corrupt.length,
      corrupt: report.corrupt.map((c) => ({ ...c, removed: fix && !exists(join(ctx.cacheDir, `${c.key}.meta`)) })),
      orphanAudio: after.orphanAudio,
      links: after.links,
      foreign: after.foreign,
      cleanedUp,
    }
    const broken = out.corrupt.some((c) => !c.removed) || out.orphanAudio.length > 0
    if (ctx.json) ctx.printJson(out)
    else printReport(ctx, out, fix)
    return broken ? EXIT.corrupt : EXIT.ok
  },
}

function printReport(ctx: Context, out: VerifyOutput, fix: boolean): void {
  const { red, green, yellow, dim } = ctx.color
  for (const c of out.corrupt) {
    ctx.out(
      `${red('corrupt')}  ${c.key}: ${c.reason}${c.removed ? ' (removed)' : fix ? ' (left: not removable by russo)' : ''}`,
    )
  }
  for (const name of out.orphanAudio)
    ctx.out(
      `${red('orphan')}   ${name}: audio without meta${fix ? ' (too recent to remove: a writer may be busy)' : ''}`,
    )
  for (const name of out.links) ctx.out(`${yellow('link')}     ${name}: not followed, left alone`)
  for (const name of out.foreign) ctx.out(`${dim('foreign')}  ${name}: not russo's, left alone`)
  const summary = `${out.checked} entries checked, ${out.ok} intact, ${out.corrupt.length} corrupt`
  const removed = out.corrupt.filter((c) => c.removed).length
  const fixed = fix ? `, ${removed} removed, ${out.cleanedUp} leftovers cleaned up` : ''
  const bad = out.corrupt.length > removed || out.orphanAudio.length > 0
  ctx.out((bad ? red : green)(`${summary}${fixed}.`))
  if (bad && !fix) ctx.out(dim('Run `russo verify --fix` to remove the corrupt entries.'))
}

function exists(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}
