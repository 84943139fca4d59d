/**
 * At most `max` tasks at a time, the rest queued in order. A queued task whose signal aborts leaves
 * the queue at once and rejects with the signal's reason.
 */
export class ConcurrencyLimit {
  readonly max: number
  #running = 0
  readonly #queue: Array<() => void> = []

  constructor(max: number) {
    if (!(max === Number.POSITIVE_INFINITY || (Number.isInteger(max) && max > 0))) {
      throw new RangeError(`concurrency must be a positive integer or Infinity, got ${String(max)}.`)
    }
    this.max = max
  }

  /** Tasks running now. */
  get running(): number {
    return this.#running
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#enter(signal)
    try {
      return await task()
    } finally {
      this.#leave()
    }
  }

  /** Waits for a place; the function it resolves with gives the place back (once). */
  acquire(signal?: AbortSignal): Promise<() => void> {
    return this.#enter(signal).then(() => {
      let released = false
      return () => {
        if (released) return
        released = true
        this.#leave()
      }
    })
  }

  #leave(): void {
    this.#running--
    this.#queue.shift()?.()
  }

  #enter(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted()
    if (this.#running < this.max) {
      this.#running++
      return Promise.resolve()
    }
    return new Promise((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', onAbort)
        this.#running++
        resolve()
      }
      const onAbort = () => {
        const at = this.#queue.indexOf(start)
        if (at >= 0) this.#queue.splice(at, 1)
        reject(signal?.reason)
      }
      this.#queue.push(start)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}
