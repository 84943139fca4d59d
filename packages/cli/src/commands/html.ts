import { mkdirSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { terminalSafe } from '@russo/cache'
import type { CliCommand } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { type Context, requireCacheDir } from '../internal/context.js'
import { loadRows } from '../internal/entry-row.js'
import { comparePrompts } from '../internal/format.js'
import { peaksOf } from '../internal/peaks.js'
import { type RunReport, readRunReport, usedKeys } from '../internal/run-report.js'
import { writeAtomic, writePlayable } from '../internal/write-audio.js'
import { type PageEntry, type PageGroup, renderPage } from '../page/render-page.js'

export const html: CliCommand = {
  name: 'html',
  define: (command) =>
    command
      .description('write a page to listen to every entry: prompt, voice, duration, waveform, player, search')
      .option(
        '--out <file>',
        'the page to write; the audio goes in a folder beside it (<name>-audio/)',
        'russo-cache.html',
      )
      .option('--report <file...>', 'JSON run reports: group the entries by test file, with hits and misses')
      .addHelpText(
        'after',
        '\nThe page works offline, from the disk: keep the audio folder next to it when you move or publish it.',
      ),
  async run(ctx, _args, options) {
    requireCacheDir(ctx)
    const reports = ((options.report as string[] | undefined) ?? []).map(readRunReport)
    const page = resolve(options.out as string)
    const audioDirName = `${basename(page).replace(/\.html?$/i, '')}-audio`
    const audioDir = join(dirname(page), audioDirName)
    mkdirSync(audioDir, { recursive: true })
    const entries: PageEntry[] = []
    for (const row of await loadRows(ctx)) {
      const entry = ctx.cache.getEntry(row.key)
      if (entry === undefined) continue
      const file = writePlayable(entry.audio, row, audioDir)
      entries.push({
        key: row.key,
        prompt: row.prompt,
        format: row.format,
        sampleRate: row.sampleRate,
        durationSeconds: row.durationSeconds,
        bytes: row.bytes,
        createdAt: row.createdAt,
        voice: row.voice,
        model: row.model,
        // Both parts encoded: a page named "report #1 50%.html" must not cut its audio URLs at # or %.
        audio: `${encodeURIComponent(audioDirName)}/${encodeURIComponent(file)}`,
        peaks: peaksOf(entry.audio),
      })
    }
    entries.sort((a, b) => comparePrompts(a.prompt, b.prompt))
    const groups = reports.length === 0 ? null : groupsOf(ctx, reports)
    const groupsHaveKeys = groups?.some((g) => g.keys.length > 0) === true
    const used =
      reports.length === 0
        ? null
        : usedKeys(
            reports,
            ctx.cacheDir,
            entries.map((e) => e.key),
          )
    writeAtomic(
      page,
      renderPage({
        cacheDir: ctx.cacheDir,
        generatedAt: new Date().toISOString(),
        entries,
        groups,
        groupsHaveKeys,
        usedKeys: used === null || typeof used === 'string' ? null : [...used],
      }),
    )
    if (ctx.json)
      ctx.printJson({ cacheDir: ctx.cacheDir, page, audioDir, entries: entries.length, groups: groups?.length ?? null })
    else
      ctx.out(
        `Wrote ${terminalSafe(page)} (${entries.length} entries, audio in ${terminalSafe(audioDir)}/). Open it in a browser.`,
      )
    return EXIT.ok
  },
}

/** The reports' test files that used this cache, in report order. */
function groupsOf(ctx: Context, reports: RunReport[]): PageGroup[] {
  const groups: PageGroup[] = []
  for (const report of reports) {
    const files = report.files.filter((f) => resolve(f.cacheDir) === ctx.cacheDir)
    if (files.length === 0) {
      ctx.err(
        `russo: run report ${terminalSafe(report.path)} has no test file that used ${terminalSafe(ctx.cacheDir)}.`,
      )
    }
    for (const f of files) {
      groups.push({ file: f.file, project: f.project, hits: f.stats.hits, misses: f.stats.misses, keys: f.keys ?? [] })
    }
  }
  return groups
}
