import { randomBytes } from 'node:crypto'
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
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

export type TryLockResult =
  | { acquired: true; lock: HeldLock }
  | { acquired: false; holder: string }
  /** The directory cannot hold a lock (read-only, missing, full): go on without one. */
  | { acquired: false; unavailable: NodeJS.ErrnoException }

const HOST = hostname()

/**
 * One attempt at `<key>.lock`: exclusive create, holder pid/host/time inside, heartbeat on its mtime.
 * A lock whose holder is gone (same host, pid dead) or whose mtime is older than `staleMs` is taken
 * over through an atomic rename, then re-checked, so two takers never both believe they hold it.
 */
export function tryLock(lockPath: string, key: string, staleMs: number): TryLockResult {
  for (let attempt = 0; attempt < 3; attempt++) {
    const content: LockContent = {
      pid: process.pid,
      host: HOST,
      createdAt: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
    }
    let fd: number
    try {
      fd = openSync(lockPath, 'wx')
    } catch (error) {
      const err = error as NodeJS.ErrnoException
      if (err.code !== 'EEXIST') return { acquired: false, unavailable: err }
      const seen = readLock(lockPath)
      if (seen === undefined) continue
      if (!isStale(seen, staleMs)) return { acquired: false, holder: describeHolder(seen.content) }
      takeOver(lockPath, key, seen.raw)
      continue
    }
    let failed: NodeJS.ErrnoException | undefined
    try {
      writeSync(fd, JSON.stringify(content))
    } catch (error) {
      failed = error as NodeJS.ErrnoException
    } finally {
      closeSync(fd)
    }
    if (failed !== undefined) {
      // A full disk: an empty lock left behind would hold off every caller until it went stale.
      rmSync(lockPath, { force: true })
      return { acquired: false, unavailable: failed }
    }
    return { acquired: true, lock: holdLock(lockPath, content.token, staleMs) }
  }
  const seen = readLock(lockPath)
  return { acquired: false, holder: seen ? describeHolder(seen.content) : 'another process' }
}

function holdLock(lockPath: string, token: string, staleMs: number): HeldLock {
  const heartbeat = setInterval(() => {
    const now = new Date()
    try {
      utimesSync(lockPath, now, now)
    } catch {
      // Gone or taken over: release() checks ownership.
    }
  }, Math.max(50, Math.floor(staleMs / 3)))
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

function parseLock(raw: string): LockContent | undefined {
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

export function isStale(seen: { content: LockContent | undefined; mtimeMs: number }, staleMs: number): boolean {
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

/**
 * Moves the stale lock aside under a unique name; only one taker's rename can succeed. If what was
 * moved is not the lock judged stale (a fresh one replaced it meanwhile), it is put back.
 */
function takeOver(lockPath: string, key: string, staleRaw: string): void {
  const aside = tempPath(dirname(lockPath), key)
  try {
    renameSync(lockPath, aside)
  } catch {
    return
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleRaw) linkSync(aside, lockPath)
  } catch {
    // Someone holds a new lock already; theirs stands.
  } finally {
    rmSync(aside, { force: true })
  }
}

export function describeHolder(content: LockContent | undefined): string {
  if (content === undefined) return 'another process'
  return `pid ${content.pid} on ${content.host} since ${content.createdAt}`
}

export function readLockHolder(lockPath: string): { content: LockContent | undefined; mtimeMs: number } | undefined {
  return readLock(lockPath)
}
