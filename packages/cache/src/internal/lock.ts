import { createHash, randomBytes } from 'node:crypto'
import { linkSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { tempPath } from './paths.js'

interface LockContent {
  pid: number
  host: string
  createdAt: string
  token: string
}

export interface HeldLock {
  release(): void
}

/** A file system error (Node's `ErrnoException`), written out: the public types must not need `@types/node`. */
export interface FileError extends Error {
  code?: string | undefined
}

export type TryLockResult =
  | { acquired: true; lock: HeldLock }
  | { acquired: false; holder: string }
  /** The directory cannot hold a lock (read-only, missing, full): go on without one. */
  | { acquired: false; unavailable: FileError }

const HOST = hostname()

/**
 * One attempt at `<key>.lock`: exclusive create, holder pid/host/time inside, heartbeat on its mtime.
 * A lock whose holder is gone (same host, pid dead) or whose mtime is older than `staleMs` is broken
 * (see `breakLock`) and created anew, so two takers never both believe they hold it.
 */
export function tryLock(lockPath: string, key: string, staleMs: number): TryLockResult {
  for (let attempt = 0; attempt < 3; attempt++) {
    const seen = readLock(lockPath)
    if (seen !== undefined) {
      if (!isStale(seen, staleMs)) return { acquired: false, holder: describeHolder(seen.content) }
      const broken = breakLock(lockPath, key, seen, staleMs)
      if (typeof broken === 'object') return { acquired: false, unavailable: broken }
      continue
    }
    const content = newContent()
    const failed = createWith(lockPath, key, JSON.stringify(content))
    if (failed === undefined) return { acquired: true, lock: holdLock(lockPath, content.token, staleMs) }
    if (failed.code !== 'EEXIST') return { acquired: false, unavailable: failed }
  }
  const seen = readLock(lockPath)
  return { acquired: false, holder: describeHolder(seen?.content) }
}

function newContent(): LockContent {
  return { pid: process.pid, host: HOST, createdAt: new Date().toISOString(), token: randomBytes(8).toString('hex') }
}

/**
 * Creates `path` holding `content`, failing with EEXIST if it exists: written to a temp file, then
 * hard-linked into place. A lock is thus never seen empty (a holder killed between create and write
 * would leave one that no pid check can clear); a process killed here leaves a temp file naming its
 * dead pid, which `cleanup` removes. Where there are no hard links (FAT, some network shares), the
 * file is created in place; there a kill at that instant leaves an empty lock, stale after `staleMs`.
 */
function createWith(path: string, key: string, content: string): NodeJS.ErrnoException | undefined {
  const tmp = tempPath(dirname(path), key)
  try {
    writeFileSync(tmp, content, { flag: 'wx' })
    try {
      linkSync(tmp, path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error
      writeFileSync(path, content, { flag: 'wx' })
    }
    return undefined
  } catch (error) {
    return error as NodeJS.ErrnoException
  } finally {
    removeQuietly(tmp)
  }
}

/** Cleanup that must not replace the real error: where the temp file could not be made (a cache path
 * that is a file: ENOTDIR; a directory we may not enter: EACCES), removing it fails the same way. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // Nothing of ours is there.
  }
}

function holdLock(lockPath: string, token: string, staleMs: number): HeldLock {
  const heartbeat = setInterval(
    () => {
      const now = new Date()
      try {
        utimesSync(lockPath, now, now)
      } catch {
        // Gone or taken over: release() checks ownership.
      }
    },
    Math.max(50, Math.floor(staleMs / 3)),
  )
  heartbeat.unref()
  return {
    release() {
      clearInterval(heartbeat)
      if (readLock(lockPath)?.content?.token === token) rmSync(lockPath, { force: true })
    },
  }
}

interface SeenLock {
  raw: string
  content: LockContent | undefined
  mtimeMs: number
}

function readLock(lockPath: string): SeenLock | undefined {
  try {
    const mtimeMs = statSync(lockPath).mtimeMs
    const raw = readFileSync(lockPath, 'utf8')
    return { raw, content: parseLock(raw), mtimeMs }
  } catch {
    return undefined
  }
}

export function parseLock(raw: string): LockContent | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockContent>
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return value as LockContent
    }
  } catch {
    // A lock file being written right now is empty for an instant: judged by its age alone.
  }
  return undefined
}

function isStale(seen: { content: LockContent | undefined; mtimeMs: number }, staleMs: number): boolean {
  if (Date.now() - seen.mtimeMs > staleMs) return true
  return seen.content !== undefined && seen.content.host === HOST && !isAlive(seen.content.pid)
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** 'left': another taker is at it, or the lock changed; an error: the directory cannot take the breaker. */
type BreakResult = 'removed' | 'left' | NodeJS.ErrnoException

/**
 * Removes a lock judged stale so that a new one can be created. Takers race here: each first creates
 * a breaker file named after that stale lock (its content and mtime), exclusively, so one wins; it
 * removes the lock only if it still is the one judged stale. (Moving the lock aside and putting back
 * a fresh one moved by mistake fails when a third process creates a lock meanwhile: two holders.)
 * A breaker left by a killed taker is itself stale and removed, so the next attempt can break.
 */
function breakLock(lockPath: string, key: string, stale: SeenLock, staleMs: number): BreakResult {
  const identity = createHash('sha256').update(`${stale.raw}\0${stale.mtimeMs}`).digest('hex').slice(0, 16)
  // Named like a temp file of the stale holder, so cleanup() knows it.
  const breaker = join(dirname(lockPath), `.${key}.${stale.content?.pid ?? 0}-${identity}.tmp`)
  const failed = createWith(breaker, key, JSON.stringify(newContent()))
  if (failed !== undefined) {
    if (failed.code !== 'EEXIST') return failed
    const other = readLock(breaker)
    if (other !== undefined && isStale(other, staleMs)) rmSync(breaker, { force: true })
    return 'left'
  }
  try {
    const now = readLock(lockPath)
    if (now === undefined || now.raw !== stale.raw || now.mtimeMs !== stale.mtimeMs) return 'left'
    rmSync(lockPath, { force: true })
    return 'removed'
  } finally {
    rmSync(breaker, { force: true })
  }
}

/** Removes the lock at `lockPath` if it is stale, safely against processes taking it over meanwhile. */
export function removeStaleLock(lockPath: string, key: string, staleMs: number): boolean {
  const seen = readLock(lockPath)
  return seen !== undefined && isStale(seen, staleMs) && breakLock(lockPath, key, seen, staleMs) === 'removed'
}

function describeHolder(content: LockContent | undefined): string {
  if (content === undefined) return 'another process'
  return `pid ${content.pid} on ${content.host} since ${content.createdAt}`
}

/** Whether the lock at `lockPath` is stale now (its holder gone, or its heartbeat stopped). */
export function lockIsStale(lockPath: string, staleMs: number): boolean {
  const seen = readLock(lockPath)
  return seen !== undefined && isStale(seen, staleMs)
}
