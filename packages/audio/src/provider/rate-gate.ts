import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tryFileLock } from '@russo/cache'
import { abortableSleep } from './retry.js'

/**
 * `requestsPerMinute` for every process sharing a directory: request starts are spaced evenly,
 * `60 s / requestsPerMinute` apart. Each request reserves the next start time in `rate.json` while
 * holding `rate.lock` (russo's file lock, held for a read and a write), then waits for it. Evenly
 * spaced starts never exceed the rate in any window, which a burst allowance could.
 */
export class RateGate {
  readonly #dir: string
  readonly #intervalMs: number
  readonly #staleMs: number
  #memoryNext = 0

  constructor(dir: string, requestsPerMinute: number, staleMs: number) {
    this.#dir = dir
    this.#intervalMs = 60_000 / requestsPerMinute
    this.#staleMs = staleMs
  }

  async pass(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted()
      const attempt = tryFileLock(join(this.#dir, 'rate.lock'), 'rate', this.#staleMs)
      if (attempt.acquired) {
        let start: number
        try {
          start = this.#reserve()
        } finally {
          attempt.lock.release()
        }
        return abortableSleep(Math.max(0, start - Date.now()), signal)
      }
      if ('unavailable' in attempt) {
        const start = Math.max(Date.now(), this.#memoryNext)
        this.#memoryNext = start + this.#intervalMs
        return abortableSleep(start - Date.now(), signal)
      }
      await abortableSleep(1, signal)
    }
  }

  #reserve(): number {
    const path = join(this.#dir, 'rate.json')
    let next = 0
    try {
      next = Number((JSON.parse(readFileSync(path, 'utf8')) as { next?: unknown }).next) || 0
    } catch {
      // First request through this directory.
    }
    const start = Math.max(Date.now(), next)
    const temp = join(this.#dir, `.rate.${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
    try {
      writeFileSync(temp, JSON.stringify({ next: start + this.#intervalMs }))
      renameSync(temp, path)
    } catch {
      rmSync(temp, { force: true })
    }
    return start
  }
}
