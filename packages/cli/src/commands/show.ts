import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { cacheKey, terminalSafe } from '@russo/cache'
import type { CliCommand } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { type Context, requireCacheDir } from '../internal/context.js'
import { type EntryRow, loadRows } from '../internal/entry-row.js'
import { findEntries } from '../internal/find.js'
import { formatAge, formatBytes, formatMs, formatSeconds } from '../internal/format.js'

/** An entry with what can be worked out from it. */
interface ShownEntry extends EntryRow {
  files: { audio: string; meta: string }
  /** Whether the audio's sha256 matches the meta's; `null` when the meta records none (Python russo). */
  sha256Ok: boolean | null
  /** Whether the key is `cacheKey(prompt, extra)`; `null` without a stored extra (its settings are unknown). */
  keyMatches: boolean | null
  /** Audio bytes per second of audio. */
  bytesPerSecond: number | null
}

export const show: CliCommand = {
  name: 'show',
  define: (command) =>
    command
      .description("one entry's meta and derived figures (duration, sha256 check, key check)")
      .argument('<key|text>', 'a key, a key prefix (6+ characters), a prompt, or text a prompt contains'),
  async run(ctx, args) {
    requireCacheDir(ctx)
    const found = findEntries(ctx, await loadRows(ctx), args[0] as string).map((row) => derive(ctx, row))
    if (ctx.json) {
      ctx.printJson({ cacheDir: ctx.cacheDir, entries: found })
      return EXIT.ok
    }
    for (const entry of found) printEntry(ctx, entry)
    return EXIT.ok
  },
}

function derive(ctx: Context, row: EntryRow): ShownEntry {
  const audio = ctx.cache.getEntry(row.key)
  const sha256 = audio?.meta.sha256
  return {
    ...row,
    files: { audio: join(ctx.cacheDir, `${row.key}.audio`), meta: join(ctx.cacheDir, `${row.key}.meta`) },
    sha256Ok:
      sha256 === undefined || audio === undefined
        ? null
        : createHash('sha256').update(audio.audio.data).digest('hex') === sha256,
    keyMatches: row.extra === null ? null : cacheKey(row.prompt, row.extra) === row.key,
    bytesPerSecond: row.durationSeconds ? Math.round(row.bytes / row.durationSeconds) : null,
  }
}

function printEntry(ctx: Context, e: ShownEntry): void {
  const { bold, green, red, dim } = ctx.color
  const yesNo = (v: boolean | null, unknown: string) => (v === null ? dim(unknown) : v ? green('yes') : red('NO'))
  const lines: [string, string][] = [
    ['prompt', terminalSafe(e.prompt)],
    ['format', `${terminalSafe(e.format)}, ${e.sampleRate} Hz, ${e.channels} ch, ${e.sampleWidth * 8}-bit`],
    ['duration', formatSeconds(e.durationSeconds)],
    ['size', `${formatBytes(e.bytes)}${e.bytesPerSecond ? ` (${formatBytes(e.bytesPerSecond)}/s)` : ''}`],
    ['written', `${terminalSafe(e.createdAt)} (${formatAge(e.createdAt)} ago) by ${e.writer}`],
    ['synthesis', formatMs(e.synthMs)],
    ['voice/model', terminalSafe([e.voice, e.model].filter((s) => s !== null).join(' / ') || '-')],
    ['extra', e.extra === null ? '-' : terminalSafe(JSON.stringify(e.extra))],
    ['sha256 ok', yesNo(e.sha256Ok, 'not recorded')],
    ['key matches', yesNo(e.keyMatches, 'unknown (no extra stored)')],
    ['audio file', terminalSafe(e.files.audio)],
    ['meta file', terminalSafe(e.files.meta)],
  ]
  ctx.out(bold(e.key))
  for (const [name, value] of lines) ctx.out(`  ${name.padEnd(12)} ${value}`)
}
