import { closeSync, constants, type Dirent, fstatSync, lstatSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { listDir } from './internal/dir.js'
import { parseLock } from './internal/lock.js'
import { parseMeta } from './internal/meta.js'
import { ENTRY_FILE, TEMP_FILE } from './internal/paths.js'

export type CacheFileKind = 'audio' | 'meta' | 'lock' | 'temp'

/** The keys russo makes: `cacheKey` and Python russo's `cache_key` (sha256 hex, first 24 characters). */
const RUSSO_KEY = /^[0-9a-f]{24}$/

/**
 * What a file directly in a cache directory would be to russo, by its name alone; `undefined` for a
 * name russo never writes. A name is not enough to make a file russo's (`yarn.lock`, `intro.audio`):
 * `inspectCacheDir` applies the whole rule.
 */
export function cacheFileKind(name: string): { key: string; kind: CacheFileKind } | undefined {
  const entry = ENTRY_FILE.exec(name)
  if (entry) return { key: entry[1] as string, kind: entry[2] as CacheFileKind }
  const temp = TEMP_FILE.exec(name)
  return temp ? { key: temp[1] as string, kind: 'temp' } : undefined
}

/** Whether `key` has the shape of a key russo makes, so its `.audio`/`.meta` are russo's by name. */
export function isRussoKey(key: string): boolean {
  return RUSSO_KEY.test(key)
}

/** russo's files of one key, by name in the directory. */
export interface CacheKeyFiles {
  key: string
  meta: boolean
  audio: boolean
  lock: boolean
  temps: string[]
}

/** A file russo leaves alone: not russo's by the rule (name, type and content), with why. */
export interface ForeignFile {
  name: string
  why: string
}

export interface CacheDirInventory {
  keys: CacheKeyFiles[]
  foreign: ForeignFile[]
}

/**
 * The one rule for what in a cache directory is russo's. A regular file is russo's when
 * - its name is a key russo makes (24 lowercase hex) with `.audio` or `.meta`, or
 * - it is `<key>.meta` holding a valid russo meta, or the `<key>.audio` beside such a meta (keys given to `put`), or
 * - it is `<key>.lock` holding a russo lock (pid, host, token), or a temp file `.<key>.<pid>-<hex>.tmp` of a
 *   key that is russo's or holding a russo lock or meta.
 * Everything else (a lockfile of a package manager, links, folders, FIFOs, sockets, devices) is foreign:
 * reported, never removed, never opened in a way that could block. Never recurses.
 */
export function inspectCacheDir(dir: string): CacheDirInventory {
  const byKey = new Map<string, { files: Map<CacheFileKind, string[]> }>()
  const foreign: ForeignFile[] = []
  for (const dirent of listDir(dir)) {
    if (!dirent.isFile()) {
      foreign.push({ name: dirent.name, why: `${typeOf(dirent)}: never followed or opened` })
      continue
    }
    const kind = cacheFileKind(dirent.name)
    if (kind === undefined) {
      foreign.push({ name: dirent.name, why: 'not a name russo writes' })
      continue
    }
    const group = byKey.get(kind.key) ?? { files: new Map<CacheFileKind, string[]>() }
    byKey.set(kind.key, group)
    group.files.set(kind.kind, [...(group.files.get(kind.kind) ?? []), dirent.name])
  }
  const keys: CacheKeyFiles[] = []
  for (const [key, { files }] of byKey) {
    const path = (name: string) => join(dir, name)
    const metaName = files.get('meta')?.[0]
    const ownsEntry = isRussoKey(key) || (metaName !== undefined && isRussoMeta(path(metaName)))
    const owned: CacheKeyFiles = { key, meta: false, audio: false, lock: false, temps: [] }
    for (const [kind, names] of files) {
      for (const name of names) {
        const why = whyForeign(kind, key, ownsEntry, path(name))
        if (why !== undefined) foreign.push({ name, why })
        else if (kind === 'temp') owned.temps.push(name)
        else owned[kind] = true
      }
    }
    if (owned.meta || owned.audio || owned.lock || owned.temps.length > 0) keys.push(owned)
  }
  return { keys, foreign }
}

function whyForeign(kind: CacheFileKind, key: string, ownsEntry: boolean, path: string): string | undefined {
  if (kind === 'meta') return ownsEntry ? undefined : 'not a russo meta (and not a key russo makes)'
  if (kind === 'audio') return ownsEntry ? undefined : 'no russo meta beside it (and not a key russo makes)'
  const text = readSmall(path)
  if (kind === 'lock') {
    if (text !== undefined && (parseLock(text) !== undefined || (text === '' && isRussoKey(key)))) return undefined
    return 'not a russo lock (russo writes pid, host and token as JSON)'
  }
  if (ownsEntry) return undefined
  if (text !== undefined && (parseLock(text) !== undefined || typeof parseMeta(text) === 'object')) return undefined
  return 'not a temp file of a russo entry'
}

/**
 * Whether `<key>.lock` at `path` exists and is not russo's (`yarn.lock` beside an entry put under the key
 * `yarn`): russo must then neither take it over nor remove it.
 */
export function isForeignLock(path: string, key: string): boolean {
  try {
    lstatSync(path)
  } catch {
    return false
  }
  return whyForeign('lock', key, false, path) !== undefined
}

/** A meta of this size is not russo's: a foreign file is not read whole to find out. */
const MAX_META_BYTES = 1 << 20

function isRussoMeta(path: string): boolean {
  const text = readSmall(path, MAX_META_BYTES)
  return text !== undefined && typeof parseMeta(text) === 'object'
}

/** A regular file's text when at most `max` bytes; opened without following links and without blocking. */
function readSmall(path: string, max = 4096): string | undefined {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch {
    return undefined
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile() || stat.size > max) return undefined
    const buf = Buffer.alloc(stat.size)
    const n = stat.size === 0 ? 0 : readSync(fd, buf, 0, stat.size, 0)
    return buf.subarray(0, n).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

function typeOf(dirent: Dirent): string {
  if (dirent.isSymbolicLink()) return 'a symbolic link'
  if (dirent.isDirectory()) return 'a directory'
  if (dirent.isFIFO()) return 'a FIFO'
  if (dirent.isSocket()) return 'a socket'
  if (dirent.isBlockDevice() || dirent.isCharacterDevice()) return 'a device'
  return 'not a regular file'
}
