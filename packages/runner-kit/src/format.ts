import { relative } from 'node:path'
import { type CacheMode, type CacheStats, terminalSafe } from '@russo/cache'
import pc from 'picocolors'
import type { UnusedEntry } from './prune.js'

export interface BlockInput {
  root: string
  cacheDirs: readonly string[]
  modes: readonly CacheMode[]
  total: CacheStats
  /** Entries no test used; `undefined` when the run did not run every test. */
  unused: readonly UnusedEntry[] | undefined
  /** Entries `--russo-clear-cache` removed; `undefined` when it was not asked for. */
  cleared: number | undefined
  /** What `--russo-prune` did: entries removed, or why it removed nothing. */
  prune: number | string | undefined
  /** `--russo-prune-dry-run`: list the unused entries instead of removing them. */
  dryRun: boolean
  /** A failing run is no basis for pruning, so the block does not suggest it. */
  failed: boolean
  ci: boolean
  /** The remote caches in use (`s3://…`); none: no remote figures. */
  remotes?: readonly string[]
}

/** Unused entries the dry run lists in the block; the JSON report has them all. */
const LISTED = 20

/** The block printed after Vitest's summary: one line of figures, then a line per notice. */
export function formatBlock(input: BlockInput): string {
  const { total } = input
  const figures = [
    `cache ${input.cacheDirs.map((dir) => displayPath(dir, input.root)).join(', ') || '-'}`,
    ...(input.modes.some((mode) => mode !== 'auto') ? [`mode ${input.modes.join(', ')}`] : []),
    `hits ${pc.bold(count(total.hits))}`,
    `misses ${pc.bold(count(total.misses))}`,
    `syntheses ${pc.bold(count(total.syntheses))} (${duration(total.synthMs)})`,
    `errors ${total.errors > 0 ? pc.red(pc.bold(count(total.errors))) : pc.bold('0')}`,
    `saved ~${duration(total.msSaved)}, ${count(total.charsSaved)} chars`,
    ...(input.remotes?.length
      ? [
          `remote hits ${pc.bold(count(total.remoteHits))}`,
          `uploads ${pc.bold(count(total.uploads))}`,
          `remote errors ${total.remoteErrors > 0 ? pc.yellow(pc.bold(count(total.remoteErrors))) : pc.bold('0')}`,
        ]
      : []),
  ]
  const unused = input.unused
  if (unused !== undefined) {
    const advertise = unused.length > 0 && input.prune === undefined && !input.dryRun && !input.failed
    figures.push(`unused ${count(unused.length)}${advertise ? pc.dim(' (--russo-prune-dry-run lists them)') : ''}`)
  }
  const lines = [`${pc.magenta(pc.bold('russo'))}  ${figures.join('  ')}`]
  const note = (text: string) => lines.push(`       ${text}`)
  if (input.cleared !== undefined) note(`cleared ${entries(input.cleared)} before the run (--russo-clear-cache)`)
  if (typeof input.prune === 'number') note(`pruned ${entries(input.prune, 'unused')} (--russo-prune)`)
  else if (input.prune !== undefined) note(pc.yellow(`--russo-prune removed nothing: ${input.prune}`))
  if (input.dryRun && unused !== undefined && input.prune === undefined) {
    const several = input.cacheDirs.length > 1
    note(`--russo-prune-dry-run: --russo-prune would remove ${entries(unused.length)}${unused.length > 0 ? ':' : ''}`)
    for (const entry of unused.slice(0, LISTED)) {
      note(
        `  ${entry.key}  "${terminalSafe(entry.prompt)}"${several ? pc.dim(`  ${displayPath(entry.cacheDir, input.root)}`) : ''}`,
      )
    }
    if (unused.length > LISTED) note(`  … and ${count(unused.length - LISTED)} more (all of them in the JSON report)`)
  } else if (input.dryRun && unused === undefined) {
    note(pc.yellow('--russo-prune-dry-run lists nothing: only a run of every test knows which entries are unused'))
  }
  if (input.ci && total.syntheses > 0) {
    note(
      pc.yellow(
        `CI: this run synthesized ${count(total.syntheses)} prompt${total.syntheses === 1 ? '' : 's'} (${count(total.charsSynthesized)} chars). ` +
          'Commit the cache and run CI with --russo-offline (RUSSO_CACHE_MODE=offline) so a missing entry fails instead of calling TTS.',
      ),
    )
  }
  return `\n${lines.join('\n')}\n`
}

function displayPath(path: string, root: string): string {
  const rel = relative(root, path)
  return terminalSafe(rel === '' ? '.' : rel.startsWith('..') ? path : rel)
}

function entries(n: number, adjective?: string): string {
  return `${count(n)} ${adjective ? `${adjective} ` : ''}${n === 1 ? 'entry' : 'entries'}`
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`
}
