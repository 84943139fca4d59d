import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SlotOutcome } from './request-limit.js'

/** After this long without a 429, the shared limit grows by one again (additive increase). */
export const INCREASE_AFTER_MS = 5000

interface State {
  limit: number
  changedAt: number
}

/**
 * The limit every process sharing a directory uses now, in `limit.json`: halved (rounded up) on a
 * 429, raised by one after `INCREASE_AFTER_MS` without one, never above the configured `max`. A 429
 * of a request sent before the last change is already accounted for and changes nothing, so a burst
 * of 429s halves the limit once. Writes are whole-file renames; a lost update between two processes
 * only delays a change.
 */
export class AdaptiveLimit {
  readonly max: number
  readonly #path: string
  readonly #dir: string
  #memory: State | undefined

  constructor(dir: string, max: number) {
    this.max = max
    this.#dir = dir
    this.#path = join(dir, 'limit.json')
  }

  current(): number {
    return this.#read()?.limit ?? this.max
  }

  record(outcome: SlotOutcome, startedAt: number): void {
    if (outcome === 'failed') return
    const state = this.#read()
    const limit = state?.limit ?? this.max
    const now = Date.now()
    if (outcome === 'rate-limited') {
      if (state !== undefined && startedAt < state.changedAt) return
      this.#write({ limit: Math.max(1, Math.ceil(limit / 2)), changedAt: now })
    } else if (limit < this.max && state !== undefined && now - state.changedAt >= INCREASE_AFTER_MS) {
      this.#write({ limit: limit + 1, changedAt: now })
    }
  }

  #read(): State | undefined {
    try {
      const state = JSON.parse(readFileSync(this.#path, 'utf8')) as Partial<State>
      if (Number.isInteger(state.limit) && typeof state.changedAt === 'number') {
        return { limit: Math.min(this.max, Math.max(1, state.limit as number)), changedAt: state.changedAt }
      }
    } catch {
      // No file yet (the configured limit holds), or a directory we cannot use: the memory copy.
    }
    return this.#memory
  }

  #write(state: State): void {
    this.#memory = state
    const temp = join(this.#dir, `.limit.${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
    try {
      writeFileSync(temp, JSON.stringify(state))
      renameSync(temp, this.#path)
    } catch {
      rmSync(temp, { force: true })
    }
  }
}
