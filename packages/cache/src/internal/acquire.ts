import { mkdirSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import type { AudioCache } from '../cache.js'
import { LockTimeoutError } from '../lock-timeout-error.js'
import { type HeldLock, tryLock } from './lock.js'
import { entryPaths } from './paths.js'

export type Acquired<T> =
  | { kind: 'locked'; lock: HeldLock }
  /** Another process finished the entry while we waited. */
  | { kind: 'ready'; value: T }
  /** No lock could be had (unwritable dir, or the wait ran out): synthesize without one. */
  | { kind: 'unlocked'; reason: NodeJS.ErrnoException | LockTimeoutError }

/**
 * Takes the key's lock, polling while another process holds it. Between polls `ready()` is asked
 * whether the holder has produced the entry. Polling starts at 5 ms and backs off to 20 ms: a poll
 * is a few failed opens, and a waiter sees the entry soon after it lands.
 */
export async function acquireEntryLock<T>(
  cache: AudioCache,
  key: string,
  ready: () => T | undefined,
  signal: AbortSignal | undefined,
): Promise<Acquired<T>> {
  const lockPath = entryPaths(cache.cacheDir, key).lock
  const started = performance.now()
  let pause = 5
  for (;;) {
    signal?.throwIfAborted()
    const attempt = tryLock(lockPath, key, cache.lockStaleMs)
    if (attempt.acquired) return { kind: 'locked', lock: attempt.lock }
    if ('unavailable' in attempt) {
      if (attempt.unavailable.code === 'ENOENT') {
        try {
          mkdirSync(cache.cacheDir, { recursive: true })
          continue
        } catch (error) {
          return { kind: 'unlocked', reason: error as NodeJS.ErrnoException }
        }
      }
      return { kind: 'unlocked', reason: attempt.unavailable }
    }
    const value = ready()
    if (value !== undefined) return { kind: 'ready', value }
    const waited = performance.now() - started
    if (waited > cache.lockWaitMs) {
      return { kind: 'unlocked', reason: new LockTimeoutError(key, waited, attempt.holder) }
    }
    await delay(pause, undefined, signal ? { signal } : {})
    pause = Math.min(20, pause * 2)
  }
}
