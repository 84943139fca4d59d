import { terminalSafe } from '@russo/cache'
import { Option } from 'commander'
import type { CliCommand } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { requireCacheDir } from '../internal/context.js'
import { type EntryRow, loadRows } from '../internal/entry-row.js'
import { comparePrompts, formatAge, formatBytes, formatMs, formatSeconds, oneLine } from '../internal/format.js'
import { renderTable } from '../internal/table.js'

const SORTS = ['prompt', 'size', 'age', 'duration'] as const
type Sort = (typeof SORTS)[number]

const COMPARE: Record<Sort, (a: EntryRow, b: EntryRow) => number> = {
  prompt: (a, b) => comparePrompts(a.prompt, b.prompt) || a.key.localeCompare(b.key),
  size: (a, b) => b.bytes - a.bytes,
  // Newest first.
  age: (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
  duration: (a, b) => (b.durationSeconds ?? -1) - (a.durationSeconds ?? -1),
}

/** Whether `row` matches a case-insensitive search in its prompt, key, voice or model. */
export function matchesGrep(row: EntryRow, grep: string): boolean {
  const needle = grep.toLowerCase()
  return [row.prompt, row.key, row.voice ?? '', row.model ?? ''].some((s) => s.toLowerCase().includes(needle))
}

export const ls: CliCommand = {
  name: 'ls',
  define: (command) =>
    command
      .description('list the entries: key, prompt, format, rate, channels, duration, size, age, synthesis time, voice')
      .option('--grep <text>', 'only entries whose prompt, key, voice or model contains TEXT (any case)')
      .addOption(new Option('--sort <field>', 'order of the list').choices(SORTS).default('prompt')),
  async run(ctx, _args, options) {
    requireCacheDir(ctx)
    const grep = options.grep as string | undefined
    let rows = await loadRows(ctx)
    if (grep !== undefined) rows = rows.filter((row) => matchesGrep(row, grep))
    rows.sort(COMPARE[options.sort as Sort])
    if (ctx.json) {
      ctx.printJson({ cacheDir: ctx.cacheDir, entries: rows })
      return EXIT.ok
    }
    if (rows.length === 0) {
      const dir = terminalSafe(ctx.cacheDir)
      ctx.out(grep === undefined ? `No entries in ${dir}.` : `No entry matches "${terminalSafe(grep)}" in ${dir}.`)
      return EXIT.ok
    }
    const head = ['key', 'prompt', 'format', 'rate', 'ch', 'duration', 'size', 'age', 'synth', 'voice/model']
    const cells = rows.map((r) => [
      r.key,
      oneLine(r.prompt, 48),
      oneLine(r.format, 12),
      String(r.sampleRate),
      String(r.channels),
      formatSeconds(r.durationSeconds),
      formatBytes(r.bytes),
      formatAge(r.createdAt),
      formatMs(r.synthMs),
      oneLine([r.voice, r.model].filter((s) => s !== null).join(' / ') || '-', 60),
    ])
    ctx.out(renderTable(head, cells, ctx.color.bold))
    ctx.out(ctx.color.dim(`${rows.length} ${rows.length === 1 ? 'entry' : 'entries'} in ${terminalSafe(ctx.cacheDir)}`))
    return EXIT.ok
  },
}
