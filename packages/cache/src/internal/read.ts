import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs'
import type { Audio, EntryMeta } from '../types.js'
import { audioFromMeta, parseMeta } from './meta.js'
import type { EntryPaths } from './paths.js'

export type ReadResult =
  | { kind: 'hit'; audio: Audio; meta: EntryMeta; audioBytes: number; metaBytes: number }
  | { kind: 'absent' }
  /**
   * `transient`: a state a live writer passes through (audio renamed, meta not yet), or a crash left.
   * `metaValid`: the meta is a russo meta, so both files are russo's whatever the key.
   */
  | { kind: 'corrupt'; reason: string; transient: boolean; metaValid: boolean }
  /** A Git LFS pointer checked out in place of the audio (or meta): committed content, never removed on a read. */
  | { kind: 'lfs'; meta: EntryMeta | undefined }

export interface ReadOptions {
  prompt?: string | undefined
  verifySha256?: boolean | undefined
  /** Only check the audio's size; do not read it. */
  statOnly?: boolean | undefined
  /** The meta was just listed as a regular file: read it without an `fstat` (listings of 10,000 entries). */
  listed?: boolean | undefined
}

/** O_NONBLOCK: a FIFO with an entry's name opens at once (and is then refused as not a regular file). */
const NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK

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

/** The data of a stat-only hit (listings, `has`): never read, so one empty array serves them all. */
const NO_DATA = new Uint8Array(0)

/** Shared by listings: one buffer instead of one per meta. */
const LISTED = Buffer.allocUnsafe(64 * 1024)

/**
 * A meta the directory listing just showed to be a regular file: one read into a shared buffer, no
 * `fstat` (10,000 Stats objects are a tenth of `russo ls`). Bounded, and the fd is O_NONBLOCK: a file
 * swapped for a FIFO or a device since the listing reads as garbage (corrupt), never hangs. A meta that
 * fills the buffer, or any error, goes the usual way (`openRegular`), which says what the file is.
 */
function readListed(path: string): { text: string; size: number } | undefined {
  let fd: number
  try {
    fd = openSync(path, NO_FOLLOW)
  } catch {
    return undefined
  }
  let n: number
  try {
    n = readSync(fd, LISTED, 0, LISTED.length, 0)
  } catch {
    closeSync(fd)
    return undefined
  }
  if (n < LISTED.length) {
    closeSync(fd)
    return { text: LISTED.toString('utf8', 0, n), size: n }
  }
  closeSync(fd)
  return undefined
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
  const listed = options.listed ? readListed(paths.meta) : undefined
  const metaFile = listed ?? openRegular(paths.meta)
  if ('error' in metaFile) {
    if (!metaFile.missing) return corrupt(`meta ${metaFile.error}`, false, false)
    const audioFile = openRegular(paths.audio)
    if ('error' in audioFile) {
      return audioFile.missing ? { kind: 'absent' } : corrupt(`audio ${audioFile.error}`, false, false)
    }
    closeSync(audioFile.fd)
    return corrupt('audio without meta', true, false)
  }
  const metaBytes = metaFile.size
  const metaText = 'text' in metaFile ? metaFile.text : readAll(metaFile.fd, metaFile.size).toString('utf8')
  const meta = parseMeta(metaText)
  if (typeof meta === 'string') {
    return metaText.startsWith(LFS_SIGNATURE) ? { kind: 'lfs', meta: undefined } : corrupt(meta, false, false)
  }
  if (options.prompt !== undefined && meta.prompt !== '' && meta.prompt !== options.prompt) {
    return corrupt('meta holds a different prompt', false, true)
  }
  if (options.statOnly && meta.bytes !== undefined) {
    // russo-ts entries record their length: a stat tells all. Python russo's need the LFS check below.
    const stat = statRegular(paths.audio)
    if ('error' in stat) return corrupt(`audio ${stat.error}`, false, true)
    if (stat.size !== meta.bytes) {
      if (stat.size < LFS_MAX_BYTES && pointerAt(paths.audio)) return { kind: 'lfs', meta }
      return corrupt(`audio has ${stat.size} bytes, meta says ${meta.bytes}`, true, true)
    }
    return { kind: 'hit', audio: audioFromMeta(meta, NO_DATA), meta, audioBytes: stat.size, metaBytes }
  }
  const audioFile = openRegular(paths.audio)
  if ('error' in audioFile) return corrupt(`audio ${audioFile.error}`, false, true)
  const expected = meta.bytes ?? audioFile.size
  // Python russo's metas have no `bytes`; russo-ts's do, and a pointer has another length: checked on a mismatch only.
  if ((meta.bytes === undefined || audioFile.size !== expected) && isLfsPointer(audioFile.fd, audioFile.size)) {
    closeSync(audioFile.fd)
    return { kind: 'lfs', meta }
  }
  if (audioFile.size === 0 || audioFile.size !== expected) {
    closeSync(audioFile.fd)
    return corrupt(`audio has ${audioFile.size} bytes, meta says ${expected}`, true, true)
  }
  if (options.statOnly) {
    closeSync(audioFile.fd)
    return { kind: 'hit', audio: audioFromMeta(meta, NO_DATA), meta, audioBytes: expected, metaBytes }
  }
  const data = readAll(audioFile.fd, audioFile.size)
  if (data.length !== expected) return corrupt('audio shrank while read', true, true)
  if (options.verifySha256 && meta.sha256 !== undefined && sha256Hex(data) !== meta.sha256) {
    return corrupt('audio does not match meta.sha256', false, true)
  }
  return { kind: 'hit', audio: audioFromMeta(meta, data), meta, audioBytes: expected, metaBytes }
}

function corrupt(reason: string, transient: boolean, metaValid: boolean): ReadResult {
  return { kind: 'corrupt', reason, transient, metaValid }
}

/** The first line of every Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
const LFS_SIGNATURE = 'version https://git-lfs.github.com/spec/v1'
const LFS_POINTER = Buffer.from(LFS_SIGNATURE)
/** The spec caps pointer files below 1024 bytes. */
export const LFS_MAX_BYTES = 1024

function isLfsPointer(fd: number, size: number): boolean {
  if (size < LFS_POINTER.length || size >= LFS_MAX_BYTES) return false
  const head = Buffer.alloc(LFS_POINTER.length)
  return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(LFS_POINTER)
}

/** Whether the regular file at `path` is a Git LFS pointer (never follows a link, never blocks). */
export function pointerAt(path: string): boolean {
  const file = openRegular(path)
  if ('error' in file) return false
  try {
    return isLfsPointer(file.fd, file.size)
  } finally {
    closeSync(file.fd)
  }
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
