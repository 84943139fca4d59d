import { randomBytes } from 'node:crypto'
import { type FSWatcher, mkdirSync, readdirSync, rmSync, statSync, utimesSync, watch, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type HeldLock, isProcessAlive, tryFileLock } from '@russo/cache'
import { AdaptiveLimit } from './adaptive-limit.js'
import { ConcurrencyLimit } from './concurrency-limit.js'
import { limitIdentity } from './limit-identity.js'
import { RateGate } from './rate-gate.js'
import type { RequestLimit, RequestSlot, SlotOutcome } from './request-limit.js'

export interface SharedLimitOptions {
  /** Where requests go: the provider's base URL, or its name where there is none. */
  endpoint: string
  /** The credential requests are sent with. Only a scrypt digest of it and the endpoint reaches the disk. */
  credential?: string | undefined
  /** Requests in flight at once, across every process of the machine with this endpoint and credential. */
  concurrency: number
  /** Request starts per minute, across the same processes. Default: no rate limit. */
  requestsPerMinute?: number | undefined
  /** Default `<os.tmpdir()>/russo-slots`. */
  root?: string
}

const STALE_MS = 30_000
const POLL_MS = 25
const SLOT = /^slot-\d+\.lock$/
const TICKET = /^\d{15}-(\d+)-[0-9a-f]+\.ticket$/
const RELEVANT = /^(slot-\d+\.lock|.*\.ticket|limit\.json)$/

const limits = new Map<string, RequestLimit>()

/**
 * The limit shared by every process on this machine that sends to `endpoint` with `credential`: one
 * per process and identity (synthesizers with the same settings share it). `undefined` without a limit.
 */
export function sharedRequestLimit(options: SharedLimitOptions): RequestLimit | undefined {
  const { concurrency, requestsPerMinute } = options
  if (concurrency === Number.POSITIVE_INFINITY && requestsPerMinute === undefined) return undefined
  const dir = join(options.root ?? join(tmpdir(), 'russo-slots'), limitIdentity(options.endpoint, options.credential))
  const id = `${dir}\0${concurrency}\0${requestsPerMinute}`
  let limit = limits.get(id)
  if (limit === undefined) {
    limit = new SharedSlots(dir, concurrency, requestsPerMinute)
    limits.set(id, limit)
  }
  return limit
}

interface Waiter {
  grant(slot: RequestSlot): void
}

/**
 * Slot files `slot-<i>.lock` (russo's cache lock: exclusive create, heartbeat, a dead holder's slot
 * taken over atomically) for i below the current adaptive limit. Fair across processes: each process
 * puts the first of its waiting requests in line as a ticket file named by time; a ticket may take a
 * free slot only while it is among the oldest live tickets, so every process gets its turn, and a
 * process that got a slot queues its next request at the back. Waiting is woken by a watch on the
 * directory, with a poll as a fallback. A directory that cannot be used degrades to a per-process limit.
 */
class SharedSlots implements RequestLimit {
  readonly #dir: string
  readonly #adaptive: AdaptiveLimit | undefined
  readonly #rate: RateGate | undefined
  readonly #waiters: Waiter[] = []
  #local: ConcurrencyLimit | undefined
  #ticket: { name: string; touchedAt: number } | undefined
  #timer: NodeJS.Timeout | undefined
  #watcher: FSWatcher | undefined
  #pumping = false
  #scheduled = false

  constructor(dir: string, concurrency: number, requestsPerMinute: number | undefined) {
    this.#dir = dir
    if (Number.isFinite(concurrency)) this.#adaptive = new AdaptiveLimit(dir, concurrency)
    if (requestsPerMinute !== undefined) this.#rate = new RateGate(dir, requestsPerMinute, STALE_MS)
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
    } catch {
      this.#degrade()
    }
  }

  async acquire(signal?: AbortSignal): Promise<RequestSlot> {
    signal?.throwIfAborted()
    const slot = this.#adaptive === undefined ? noSlot : await this.#slot(signal)
    try {
      await this.#rate?.pass(signal)
    } catch (error) {
      slot.release('failed')
      throw error
    }
    return slot
  }

  #slot(signal: AbortSignal | undefined): Promise<RequestSlot> {
    if (this.#local !== undefined) return this.#localSlot(signal)
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (slot) => {
          signal?.removeEventListener('abort', onAbort)
          resolve(slot)
        },
      }
      const onAbort = () => {
        const at = this.#waiters.indexOf(waiter)
        if (at >= 0) this.#waiters.splice(at, 1)
        reject(signal?.reason)
        this.#pump()
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#waiters.push(waiter)
      this.#pump()
    })
  }

  async #localSlot(signal: AbortSignal | undefined): Promise<RequestSlot> {
    const release = await (this.#local as ConcurrencyLimit).acquire(signal)
    return { release }
  }

  /** Hands free slots to waiting requests, oldest first, while this process's ticket is in turn. */
  #pump(): void {
    if (this.#pumping) return
    this.#pumping = true
    try {
      while (this.#waiters.length > 0 && this.#local === undefined) {
        const lock = this.#tryTake()
        if (lock === undefined) break
        this.#dropTicket()
        this.#waiters.shift()?.grant(this.#held(lock))
      }
      if (this.#local !== undefined) {
        for (const waiter of this.#waiters.splice(0)) void this.#localSlot(undefined).then((slot) => waiter.grant(slot))
      }
    } finally {
      this.#pumping = false
    }
    this.#waiters.length > 0 ? this.#listen() : this.#stopListening()
  }

  #tryTake(): HeldLock | undefined {
    const adaptive = this.#adaptive as AdaptiveLimit
    let names: string[]
    try {
      this.#touchTicket()
      names = readdirSync(this.#dir)
    } catch {
      this.#degrade()
      return undefined
    }
    const limit = adaptive.current()
    const busy = names.filter((n) => SLOT.test(n)).length
    const mine = this.#ticket?.name
    const line = names.filter((n) => TICKET.test(n) && (n === mine || this.#isLive(n))).sort()
    const rank = mine === undefined ? -1 : line.indexOf(mine)
    // The first in line always tries: that is how a slot left by a dead holder gets taken over.
    if (rank !== 0 && rank >= limit - busy) return undefined
    for (let i = 0; i < limit; i++) {
      const attempt = tryFileLock(join(this.#dir, `slot-${i}.lock`), `slot-${i}`, STALE_MS)
      if (attempt.acquired) return attempt.lock
      if ('unavailable' in attempt) {
        this.#degrade()
        return undefined
      }
    }
    return undefined
  }

  #held(lock: HeldLock): RequestSlot {
    const startedAt = Date.now()
    let released = false
    return {
      release: (outcome: SlotOutcome) => {
        if (released) return
        released = true
        lock.release()
        this.#adaptive?.record(outcome, startedAt)
        this.#pump()
      },
    }
  }

  #touchTicket(): void {
    const now = Date.now()
    if (this.#ticket === undefined) {
      const name = `${String(now).padStart(15, '0')}-${process.pid}-${randomBytes(4).toString('hex')}.ticket`
      writeFileSync(join(this.#dir, name), '', { flag: 'wx' })
      this.#ticket = { name, touchedAt: now }
    } else if (now - this.#ticket.touchedAt > STALE_MS / 3) {
      const at = new Date(now)
      utimesSync(join(this.#dir, this.#ticket.name), at, at)
      this.#ticket.touchedAt = now
    }
  }

  #dropTicket(): void {
    if (this.#ticket === undefined) return
    rmSync(join(this.#dir, this.#ticket.name), { force: true })
    this.#ticket = undefined
  }

  /** Another process's ticket counts while its process lives and its heartbeat is recent. */
  #isLive(name: string): boolean {
    const pid = Number(TICKET.exec(name)?.[1])
    try {
      if (isProcessAlive(pid) && Date.now() - statSync(join(this.#dir, name)).mtimeMs <= STALE_MS) return true
    } catch {
      return false
    }
    rmSync(join(this.#dir, name), { force: true })
    return false
  }

  /** Many file events arrive together (a slot's temp file, link, removal): one pump for them all. */
  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      this.#pump()
    })
  }

  #listen(): void {
    if (this.#timer !== undefined) return
    // Referenced on purpose: a process whose only work is waiting for a slot must not exit.
    this.#timer = setInterval(() => this.#pump(), POLL_MS)
    try {
      // Only a slot, a ticket or the limit changing can let a waiter in; temp files of locks cannot.
      this.#watcher = watch(this.#dir, (_, name) => {
        if (name === null || RELEVANT.test(name)) this.#schedule()
      })
      this.#watcher.on('error', () => this.#watcher?.close())
    } catch {
      // No watching on this file system: the poll alone.
    }
  }

  #stopListening(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
    this.#watcher?.close()
    this.#watcher = undefined
    if (this.#waiters.length === 0) this.#dropTicket()
  }

  #degrade(): void {
    this.#local ??= new ConcurrencyLimit((this.#adaptive as AdaptiveLimit | undefined)?.max ?? Number.POSITIVE_INFINITY)
  }
}

const noSlot: RequestSlot = { release() {} }
