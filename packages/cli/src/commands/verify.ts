import { type ForeignFile, type LfsPointer, type RemovalFailure, type RemovalItem, terminalSafe } from '@russo/cache'
import type { CliCommand } from '../command.js'
import { CliError, EXIT } from '../exit-codes.js'
import { type Context, requireCacheDir } from '../internal/context.js'
import { oneLine } from '../internal/format.js'
import { startProgress } from '../internal/progress.js'

/** The result of `russo verify --json`. */
export interface VerifyOutput {
  cacheDir: string
  checked: number
  ok: number
  /** Corrupt entries; `removed` is true when `--fix` removed them, `left` says why one stayed. */
  corrupt: { key: string; reason: string; removed: boolean; left?: string }[]
  /** Entries whose audio is a Git LFS pointer that was never pulled: not corrupt, never removed. */
  lfsPointers: LfsPointer[]
  /** russo's audio files without a meta still there (too recent to remove: a writer may be busy). */
  orphanAudio: string[]
  /** Files that are not russo's (links, folders, FIFOs, lockfiles, …): never read through, never removed. */
  foreign: ForeignFile[]
  /** Leftovers of crashed writers (temp files, stale locks, old audio without meta) `--fix` removed. */
  cleanedUp: RemovalItem[]
  /** Files `--fix` could not remove. */
  failed: RemovalFailure[]
}

export const verify: CliCommand = {
  name: 'verify',
  define: (command) =>
    command
      .description('check every entry in full (meta, sizes, sha256); exit 1 when anything is corrupt')
      .option(
        '--fix',
        "remove exactly the corrupt entries listed and crashed writers' leftovers (russo's own files only)",
      ),
  async run(ctx, _args, options) {
    requireCacheDir(ctx)
    const fix = options.fix === true
    const total = ctx.cache.inspect().keys.filter((k) => k.meta).length
    const progress = await startProgress('verify', total, ctx.json)
    const report = await ctx.cache.verify({ remove: fix, onEntry: () => progress.tick() })
    progress.stop()
    const cleanup = fix ? ctx.cache.cleanup() : undefined
    const removed = new Set(report.removal.removed.map((item) => item.key))
    const left = new Map(report.removal.left.map(({ item, reason }) => [item.key, reason]))
    const after = ctx.cache.inspect()
    const out: VerifyOutput = {
      cacheDir: ctx.cacheDir,
      checked: report.checked,
      ok: report.checked - report.corrupt.length - report.lfsPointers.length,
      corrupt: report.corrupt.map((c) => ({
        ...c,
        removed: removed.has(c.key),
        ...(left.has(c.key) ? { left: left.get(c.key) as string } : {}),
      })),
      lfsPointers: report.lfsPointers,
      orphanAudio: after.keys.filter((k) => k.audio && !k.meta).map((k) => `${k.key}.audio`),
      foreign: after.foreign,
      cleanedUp: cleanup?.removed ?? [],
      failed: [...report.removal.failed, ...(cleanup?.failed ?? [])],
    }
    if (ctx.json) ctx.printJson(out)
    else printReport(ctx, out, fix)
    if (out.failed.length > 0) {
      const first = out.failed[0] as RemovalFailure
      throw new CliError(
        'RUSSO_CLI_FAILED',
        `verify --fix could not remove ${first.path} (${first.code}); make the cache directory writable.`,
      )
    }
    const broken = out.corrupt.some((c) => !c.removed) || out.orphanAudio.length > 0 || out.lfsPointers.length > 0
    return broken ? EXIT.corrupt : EXIT.ok
  },
}

function printReport(ctx: Context, out: VerifyOutput, fix: boolean): void {
  const { red, green, yellow, dim } = ctx.color
  for (const c of out.corrupt) {
    const what = c.removed ? ' (removed)' : fix ? ` (left: ${c.left ?? 'not removable by russo'})` : ''
    ctx.out(`${red('corrupt')}  ${c.key}: ${terminalSafe(c.reason)}${what}`)
  }
  for (const p of out.lfsPointers) {
    const prompt = p.prompt === null ? '' : `  "${oneLine(p.prompt, 60)}"`
    ctx.out(`${yellow('lfs')}      ${p.key}: a Git LFS pointer, not audio (left alone)${prompt}`)
  }
  for (const name of out.orphanAudio)
    ctx.out(
      `${red('orphan')}   ${name}: audio without meta${fix ? ' (too recent to remove: a writer may be busy)' : ''}`,
    )
  for (const f of out.foreign) ctx.out(`${dim('foreign')}  ${terminalSafe(f.name)}: ${f.why}; not russo's, left alone`)
  for (const item of out.cleanedUp) ctx.out(`${dim('cleaned')}  ${item.files.join(', ')}: ${item.why}`)
  const lfs =
    out.lfsPointers.length > 0
      ? `, ${out.lfsPointers.length} Git LFS ${out.lfsPointers.length === 1 ? 'pointer' : 'pointers'}`
      : ''
  const summary = `${out.checked} ${out.checked === 1 ? 'entry' : 'entries'} checked, ${out.ok} intact, ${out.corrupt.length} corrupt${lfs}`
  const removed = out.corrupt.filter((c) => c.removed).length
  const fixed = fix ? `, ${removed} removed, ${out.cleanedUp.length} leftovers cleaned up` : ''
  const bad = out.corrupt.length > removed || out.orphanAudio.length > 0 || out.lfsPointers.length > 0
  ctx.out((bad ? red : green)(`${summary}${fixed}.`))
  if (out.lfsPointers.length > 0) ctx.out(dim('Run `git lfs pull` to fetch the audio of the Git LFS pointers.'))
  if (out.corrupt.length > removed && !fix) ctx.out(dim('Run `russo verify --fix` to remove the corrupt entries.'))
}
