import { type RemovalItem, type RemovalReport, terminalSafe } from '@russo/cache'
import { CliError } from '../exit-codes.js'
import type { Context } from './context.js'
import { oneLine } from './format.js'

const KIND_LABEL: Record<RemovalItem['kind'], string> = {
  entry: 'entry',
  corrupt: 'corrupt',
  'lfs-pointer': 'LFS pointer',
  'orphan-audio': 'orphan',
  lock: 'lock',
  temp: 'temp file',
}

/** `removed  <key>  corrupt  audio has 50 bytes, meta says 100`, or the prompt of a valid entry. */
export function printItems(ctx: Context, verb: string, items: RemovalItem[]): void {
  for (const item of items) {
    const detail = item.prompt !== null ? `"${oneLine(item.prompt, 70)}"` : ''
    const why = item.why === KIND_LABEL[item.kind] ? '' : `  ${terminalSafe(item.why)}`
    ctx.out(`${verb}  ${item.key}  ${KIND_LABEL[item.kind]}${why}${detail ? `  ${detail}` : ''}`.trimEnd())
  }
}

/** Items that stayed on purpose (a lock another process holds), then a stop naming the first path that failed. */
export function finishRemoval(ctx: Context, report: RemovalReport): void {
  for (const { item, reason } of report.left) ctx.err(`russo: left ${item.key}: ${terminalSafe(reason)}`)
  const first = report.failed[0]
  if (first === undefined) return
  const more = report.failed.length > 1 ? ` (and ${report.failed.length - 1} more)` : ''
  throw new CliError(
    'RUSSO_CLI_FAILED',
    `cannot remove ${first.path}${more}: ${first.code}. Make ${ctx.cacheDir} writable and run it again.`,
  )
}

/** Entries among the items: locks and temp files of crashed writers are not entries. */
export function entryCount(items: RemovalItem[]): number {
  return items.filter((item) => item.kind !== 'lock' && item.kind !== 'temp').length
}
