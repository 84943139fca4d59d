import { join } from 'node:path'
import { type CacheKeyFiles, type ForeignFile, inspectCacheDir } from '../file-kind.js'
import type { RemovalItem, RemovalKind, RemovalPlan } from '../removal.js'
import { olderThan } from './dir.js'
import { isAlive, lockIsStale } from './lock.js'
import { entryPaths, TEMP_FILE } from './paths.js'
import { type ReadResult, readEntry } from './read.js'

/** Corrupt states a live writer passes through are only removed once older than any write takes. */
export const TRANSIENT_GRACE_MS = 10_000

function entryFiles(files: CacheKeyFiles): string[] {
  return [...(files.meta ? [`${files.key}.meta`] : []), ...(files.audio ? [`${files.key}.audio`] : [])]
}

function allFiles(files: CacheKeyFiles): string[] {
  return [...entryFiles(files), ...(files.lock ? [`${files.key}.lock`] : []), ...files.temps]
}

function promptOf(result: ReadResult): string | null {
  if (result.kind === 'hit') return result.meta.prompt
  if (result.kind === 'lfs') return result.meta?.prompt ?? null
  return null
}

function plan(cacheDir: string, foreign: ForeignFile[]): RemovalPlan {
  return { cacheDir, items: [], foreign, lfsPointers: [] }
}

/** Everything russo's in the directory, entry by entry, each with what it is. */
export function planClear(cacheDir: string): RemovalPlan {
  const { keys, foreign } = inspectCacheDir(cacheDir)
  const out = plan(cacheDir, foreign)
  for (const files of keys) {
    const item = (kind: RemovalKind, why: string, prompt: string | null = null): RemovalItem => ({
      key: files.key,
      prompt,
      kind,
      why,
      files: allFiles(files),
    })
    if (!files.meta && !files.audio) {
      out.items.push(files.lock ? item('lock', 'lock') : item('temp', 'temp file'))
      continue
    }
    if (!files.meta) {
      out.items.push(item('orphan-audio', 'audio without meta'))
      continue
    }
    const result = readEntry(entryPaths(cacheDir, files.key), { statOnly: true })
    if (result.kind === 'hit') out.items.push(item('entry', 'entry', result.meta.prompt))
    else if (result.kind === 'lfs') out.items.push(item('lfs-pointer', 'Git LFS pointer, not audio', promptOf(result)))
    else out.items.push(item('corrupt', result.kind === 'corrupt' ? result.reason : 'entry'))
  }
  return out
}

/**
 * The entries not in `keep`: valid ones (`why` says why they go) and corrupt ones past the grace a
 * live writer gets. Git LFS pointers are listed apart and kept: they are the repository's content.
 */
export function planPrune(cacheDir: string, keep: ReadonlySet<string>, why: string): RemovalPlan {
  const { keys, foreign } = inspectCacheDir(cacheDir)
  const out = plan(cacheDir, foreign)
  for (const files of keys) {
    if (!files.meta || keep.has(files.key)) continue
    const paths = entryPaths(cacheDir, files.key)
    const result = readEntry(paths, { statOnly: true })
    const item = (kind: RemovalKind, reason: string, prompt: string | null): RemovalItem => ({
      key: files.key,
      prompt,
      kind,
      why: reason,
      files: entryFiles(files),
    })
    if (result.kind === 'hit') out.items.push(item('entry', why, result.meta.prompt))
    else if (result.kind === 'lfs') out.lfsPointers.push({ key: files.key, prompt: promptOf(result) })
    else if (
      result.kind === 'corrupt' &&
      (!result.transient || olderThan(TRANSIENT_GRACE_MS, paths.audio, paths.meta))
    ) {
      out.items.push(item('corrupt', result.reason, null))
    }
  }
  return out
}

/** Leftovers of crashed writers: temp files of dead (or long-gone) writers, stale locks, old audio without meta. */
export function planCleanup(cacheDir: string, olderThanMs: number, lockStaleMs: number): RemovalPlan {
  const { keys, foreign } = inspectCacheDir(cacheDir)
  const out = plan(cacheDir, foreign)
  for (const files of keys) {
    const item = (kind: RemovalKind, why: string, names: string[]): RemovalItem => ({
      key: files.key,
      prompt: null,
      kind,
      why,
      files: names,
    })
    for (const temp of files.temps) {
      const pid = Number(TEMP_FILE.exec(temp)?.[2])
      if (!isAlive(pid)) out.items.push(item('temp', `temp file of pid ${pid}, which is gone`, [temp]))
      else if (olderThan(olderThanMs, join(cacheDir, temp))) out.items.push(item('temp', 'old temp file', [temp]))
    }
    if (files.lock && lockIsStale(join(cacheDir, `${files.key}.lock`), lockStaleMs)) {
      out.items.push(item('lock', 'stale lock', [`${files.key}.lock`]))
    }
    if (files.audio && !files.meta && olderThan(olderThanMs, join(cacheDir, `${files.key}.audio`))) {
      out.items.push(item('orphan-audio', 'audio without meta', [`${files.key}.audio`]))
    }
  }
  return out
}
