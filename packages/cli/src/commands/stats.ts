import { terminalSafe } from '@russo/cache'
import type { CliCommand } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { requireCacheDir } from '../internal/context.js'
import { type EntryRow, loadRows } from '../internal/entry-row.js'
import { formatBytes, formatMs, formatSeconds } from '../internal/format.js'

interface Group {
  entries: number
  bytes: number
  durationSeconds: number
}

/** The figures of `russo stats --json`. */
export interface CacheFigures extends Group {
  cacheDir: string
  /** Entries whose duration is unknown (not counted in `durationSeconds`). */
  unknownDuration: number
  byFormat: Record<string, Group>
  /** By "voice / model" from the stored extra; "-" for entries without either. */
  byVoice: Record<string, Group>
  byWriter: Record<EntryRow['writer'], number>
  oldest: { key: string; createdAt: string } | null
  newest: { key: string; createdAt: string } | null
  /** Total recorded synthesis time: what a warm run saves when every entry is used. */
  synthMs: number
  /** Entries with a recorded synthesis time. */
  synthMsEntries: number
}

export function figures(cacheDir: string, rows: EntryRow[]): CacheFigures {
  const total: CacheFigures = {
    cacheDir,
    entries: 0,
    bytes: 0,
    durationSeconds: 0,
    unknownDuration: 0,
    byFormat: {},
    byVoice: {},
    byWriter: { 'russo-ts': 0, python: 0 },
    oldest: null,
    newest: null,
    synthMs: 0,
    synthMsEntries: 0,
  }
  for (const row of rows) {
    add(total, row)
    add(groupOf(total.byFormat, row.format), row)
    add(groupOf(total.byVoice, [row.voice, row.model].filter((s) => s !== null).join(' / ') || '-'), row)
    total.byWriter[row.writer]++
    if (row.durationSeconds === null) total.unknownDuration++
    if (row.synthMs !== null) {
      total.synthMs += row.synthMs
      total.synthMsEntries++
    }
    const at = { key: row.key, createdAt: row.createdAt }
    if (total.oldest === null || row.createdAt < total.oldest.createdAt) total.oldest = at
    if (total.newest === null || row.createdAt > total.newest.createdAt) total.newest = at
  }
  return total
}

function groupOf(groups: Record<string, Group>, name: string): Group {
  groups[name] ??= { entries: 0, bytes: 0, durationSeconds: 0 }
  return groups[name]
}

function add(group: Group, row: EntryRow): void {
  group.entries++
  group.bytes += row.bytes
  group.durationSeconds += row.durationSeconds ?? 0
}

export const stats: CliCommand = {
  name: 'stats',
  define: (command) =>
    command.description(
      'totals: entries, bytes, audio duration, by format and voice/model, oldest/newest, synthesis time saved, writers',
    ),
  async run(ctx) {
    requireCacheDir(ctx)
    const f = figures(ctx.cacheDir, await loadRows(ctx))
    if (ctx.json) {
      ctx.printJson(f)
      return EXIT.ok
    }
    const { bold, dim } = ctx.color
    const group = (g: Group) =>
      `${g.entries} ${g.entries === 1 ? 'entry' : 'entries'}, ${formatBytes(g.bytes)}, ${formatSeconds(g.durationSeconds)}`
    ctx.out(`${bold('cache')}        ${terminalSafe(f.cacheDir)}`)
    ctx.out(
      `${bold('entries')}      ${group(f)}${f.unknownDuration ? dim(` (${f.unknownDuration} of unknown duration)`) : ''}`,
    )
    for (const [name, g] of Object.entries(f.byFormat)) ctx.out(`  format ${terminalSafe(name).padEnd(8)} ${group(g)}`)
    for (const [name, g] of Object.entries(f.byVoice)) ctx.out(`  voice  ${terminalSafe(name).padEnd(8)} ${group(g)}`)
    ctx.out(`${bold('written by')}   russo-ts ${f.byWriter['russo-ts']}, Python russo ${f.byWriter.python}`)
    if (f.oldest && f.newest)
      ctx.out(
        `${bold('oldest')}       ${terminalSafe(f.oldest.createdAt)}  ${bold('newest')} ${terminalSafe(f.newest.createdAt)}`,
      )
    ctx.out(
      `${bold('synthesis')}    ${formatMs(f.synthMs)} recorded for ${f.synthMsEntries} ${f.synthMsEntries === 1 ? 'entry' : 'entries'}: what a warm run saves`,
    )
    return EXIT.ok
  },
}
