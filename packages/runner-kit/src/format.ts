import { relative } from 'node:path'
import type { CacheMode, CacheStats } from '@russo/cache'
import pc from 'picocolors'

export interface BlockInput {
  root: string
  cacheDirs: readonly string[]
  modes: readonly CacheMode[]
  total: CacheStats
  unused: number | undefined
  /** Entries `--russo-clear-cache` removed; `undefined` when it was not asked for. */
  cleared: number | undefined
  /** What `--russo-prune` did: entries removed, or why it removed nothing. */
  prune: number | string | undefined
  ci: boolean
}

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
  ]
  if (input.unused !== undefined) {
    figures.push(
      `unused ${count(input.unused)}${input.unused > 0 && typeof input.prune !== 'number' ? pc.dim(' (--russo-prune removes them)') : ''}`,
    )
  }
  const lines = [`${pc.magenta(pc.bold('russo'))}  ${figures.join('  ')}`]
  const note = (text: string) => lines.push(`       ${text}`)
  if (input.cleared !== undefined) note(`cleared ${count(input.cleared)} entries before the run (--russo-clear-cache)`)
  if (typeof input.prune === 'number') note(`pruned ${count(input.prune)} unused entries (--russo-prune)`)
  else if (input.prune !== undefined) note(pc.yellow(`--russo-prune removed nothing: ${input.prune}`))
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
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel
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
