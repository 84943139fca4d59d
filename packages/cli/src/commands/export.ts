import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { terminalSafe } from '@russo/cache'
import type { CliCommand } from '../command.js'
import { CliError, EXIT } from '../exit-codes.js'
import { requireCacheDir } from '../internal/context.js'
import { type EntryRow, loadRows } from '../internal/entry-row.js'
import { findEntries } from '../internal/find.js'
import { writePlayable } from '../internal/write-audio.js'

export const exportCommand: CliCommand = {
  name: 'export',
  define: (command) =>
    command
      .description('write entries as playable files named from their prompt (raw PCM as WAV, containers as they are)')
      .argument('[key|text...]', 'keys, key prefixes, prompts or text prompts contain')
      .option('--all', 'export every entry')
      .requiredOption('--out <dir>', 'the folder to write to (created if missing)'),
  async run(ctx, args, options) {
    const all = options.all === true
    if (all === args.length > 0) {
      throw new CliError('RUSSO_CLI_USAGE', 'export needs KEY|TEXT arguments or --all (not both).')
    }
    requireCacheDir(ctx)
    const rows = await loadRows(ctx)
    const chosen = new Map<string, EntryRow>()
    for (const row of all ? rows : args.flatMap((query) => findEntries(ctx, rows, query))) chosen.set(row.key, row)
    const outDir = resolve(options.out as string)
    mkdirSync(outDir, { recursive: true })
    const files = []
    for (const row of chosen.values()) {
      const entry = ctx.cache.getEntry(row.key)
      if (entry === undefined) continue
      const file = writePlayable(entry.audio, row, outDir)
      files.push({ key: row.key, prompt: row.prompt, file, durationSeconds: row.durationSeconds })
    }
    if (ctx.json) ctx.printJson({ cacheDir: ctx.cacheDir, outDir, files })
    else {
      for (const f of files) ctx.out(`${f.key}  ${terminalSafe(f.file)}`)
      ctx.out(
        ctx.color.bold(
          `Exported ${files.length} ${files.length === 1 ? 'entry' : 'entries'} to ${terminalSafe(outDir)}.`,
        ),
      )
    }
    return EXIT.ok
  },
}
