import { join } from 'node:path'
import { inspectCacheDir } from '../file-kind.js'
import { terminalSafe } from '../terminal-text.js'
import type { RussoLogger } from '../types.js'
import { pointerAt } from './read.js'

/** Directories this process has warned about Git LFS pointers in: one warning per run, not per entry or file. */
const warned = new Set<string>()

/** The first read of a Git LFS pointer in `dir` warns once, with how many entries are pointers and the fix. */
export function warnLfsOnce(dir: string, logger: RussoLogger): void {
  if (warned.has(dir)) return
  warned.add(dir)
  const count = countLfsPointers(dir)
  const where = terminalSafe(dir)
  const what = count === 1 ? `entry in ${where} is a Git LFS pointer` : `entries in ${where} are Git LFS pointers`
  logger.warn(
    `russo: ${count} ${what}, not audio (the audio was never fetched): run \`git lfs pull\`. Until then they ` +
      'are misses; russo leaves the pointers alone.',
  )
}

function countLfsPointers(dir: string): number {
  let count = 0
  for (const files of inspectCacheDir(dir).keys) {
    if (files.audio && pointerAt(join(dir, `${files.key}.audio`))) count++
    else if (files.meta && pointerAt(join(dir, `${files.key}.meta`))) count++
  }
  return count
}
