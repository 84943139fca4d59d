import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs'
import type { Audio, EntryMeta } from '../types.js'
import { audioFromMeta, parseMeta } from './meta.js'
import type { EntryPaths } from './paths.js'

export type ReadResult =
  | { kind: 'hit'; audio: Audio; meta: EntryMeta; audioBytes: number; metaBytes: number }
  | { kind: 'absent' }
  /** `transient`: a state a live writer passes through (audio renamed, meta not yet), or a crash left. */
  | { kind: 'corrupt'; reason: string; transient: boolean }

export interface ReadOptions {
  prompt?: string | undefined
  verifySha256?: boolean | undefined
  /** Only check the audio's size; do not read it. */
  statOnly?: boolean | undefined
}

const NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW

type Opened = { fd: number; size: number } | { error: string; missing: boolean }

/** Opens a regular file without following links: a link or a directory is never an entry. */
function openRegular(path: string): Opened {
  let fd: number
  try {
    fd = openSync(path, NO_FOLLOW)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // Not there, or not reachable: a cache path that is a file (ENOTDIR) or a directory we may not
    // read (EACCES) holds no entry of ours. The writer's side says so, once, when it cannot store.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') {
      return { error: 'missing', missing: true }
    }
    if (code === 'ELOOP') return { error: 'is a symbolic link', missing: false }
    return { error: `cannot be opened (${code})`, missing: false }
  }
  const stat = fstatSync(fd)
  if (!stat.isFile()) {
    closeSync(fd)
    return { error: 'is not a regular file', missing: false }
  }
  return { fd, size: stat.size }
}

/** Like `openRegular` without opening: one `lstat` where the audio is not read (listings, `has`). */
function statRegular(path: string): { size: number } | { error: string; missing: boolean } {
  let stat: ReturnType<typeof lstatSync>
  try {
    stat = lstatSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') {
      return { error: 'missing', missing: true }
    }
    return { error: `cannot be read (${code})`, missing: false }
  }
  if (stat.isSymbolicLink()) return { error: 'is a symbolic link', missing: false }
  if (!stat.isFile()) return { error: 'is not a regular file', missing: false }
  return { size: stat.size }
}

function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size)
  let off = 0
  try {
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off)
      if (n === 0) break
      off += n
    }
  } finally {
    closeSync(fd)
  }
  return off === size ? buf : buf.subarray(0, off)
}

/**
 * Reads and validates one entry: the meta parses with the fields Python russo needs, the audio is a
 * regular non-empty file of the length the meta records. The sha256 is only checked when asked for.
 */
export function readEntry(paths: EntryPaths, options: ReadOptions = {}): ReadResult {
  const metaFile = openRegular(paths.meta)
  if ('error' in metaFile) {
    if (!metaFile.missing) return { kind: 'corrupt', reason: `meta ${metaFile.error}`, transient: false }
    const audioFile = openRegular(paths.audio)
    if ('error' in audioFile) {
      return audioFile.missing
        ? { kind: 'absent' }
        : { kind: 'corrupt', reason: `audio ${audioFile.error}`, transient: false }
    }
    closeSync(audioFile.fd)
    return { kind: 'corrupt', reason: 'audio without meta', transient: true }
  }
  const metaBytes = metaFile.size
  const meta = parseMeta(readAll(metaFile.fd, metaFile.size).toString('utf8'))
  if (typeof meta === 'string') return { kind: 'corrupt', reason: meta, transient: false }
  if (options.prompt !== undefined && meta.prompt !== '' && meta.prompt !== options.prompt) {
    return { kind: 'corrupt', reason: 'meta holds a different prompt', transient: false }
  }
  if (options.statOnly && meta.bytes !== undefined) {
    // russo-ts entries record their length: a stat tells all. Python russo's need the LFS check below.
    const stat = statRegular(paths.audio)
    if ('error' in stat) return { kind: 'corrupt', reason: `audio ${stat.error}`, transient: false }
    if (stat.size !== meta.bytes) {
      return { kind: 'corrupt', reason: `audio has ${stat.size} bytes, meta says ${meta.bytes}`, transient: true }
    }
    return { kind: 'hit', audio: audioFromMeta(meta, new Uint8Array(0)), meta, audioBytes: stat.size, metaBytes }
  }
  const audioFile = openRegular(paths.audio)
  if ('error' in audioFile) return { kind: 'corrupt', reason: `audio ${audioFile.error}`, transient: false }
  const expected = meta.bytes ?? audioFile.size
  if (audioFile.size === 0 || audioFile.size !== expected) {
    closeSync(audioFile.fd)
    return { kind: 'corrupt', reason: `audio has ${audioFile.size} bytes, meta says ${expected}`, transient: true }
  }
  if (meta.bytes === undefined && isLfsPointer(audioFile.fd, audioFile.size)) {
    closeSync(audioFile.fd)
    return { kind: 'corrupt', reason: 'audio is a Git LFS pointer (run `git lfs pull`)', transient: false }
  }
  if (options.statOnly) {
    closeSync(audioFile.fd)
    return { kind: 'hit', audio: audioFromMeta(meta, new Uint8Array(0)), meta, audioBytes: expected, metaBytes }
  }
  const data = readAll(audioFile.fd, audioFile.size)
  if (data.length !== expected) {
    return { kind: 'corrupt', reason: 'audio shrank while read', transient: true }
  }
  if (options.verifySha256 && meta.sha256 !== undefined && sha256Hex(data) !== meta.sha256) {
    return { kind: 'corrupt', reason: 'audio does not match meta.sha256', transient: false }
  }
  return { kind: 'hit', audio: audioFromMeta(meta, data), meta, audioBytes: expected, metaBytes }
}

const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/v1')

/** Python russo's metas have no `bytes` to catch a Git LFS pointer checked out in place of the audio. */
function isLfsPointer(fd: number, size: number): boolean {
  if (size < LFS_POINTER.length || size >= 1024) return false
  const head = Buffer.alloc(LFS_POINTER.length)
  return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(LFS_POINTER)
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
