/** How a failed attempt may be retried: not at all, or after the delay the server asked for. */
export type RetryVerdict = { retry: false } | { retry: true; retryAfterMs?: number }

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number
  signal?: AbortSignal | undefined
  /** First backoff delay; doubles each retry. Default 1000 ms. */
  baseDelayMs?: number
  /** A server asking for a longer wait than this is not waited for: the error is thrown. Default 60 s. */
  maxRetryAfterMs?: number
  /** Waits `ms` or rejects with the signal's reason. Tests pass their own. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** What to throw for the last error, knowing how many attempts were made. Default: the error. */
  toError?: (error: unknown, attempts: number) => unknown
}

/**
 * Runs `attempt` until it succeeds, `classify` says the error is final, or the retries run out.
 * Backoff is `baseDelayMs * 2^n`, or the server's `Retry-After`. An abort rejects with its reason.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  classify: (error: unknown) => RetryVerdict,
  options: RetryOptions,
): Promise<T> {
  const { maxRetries, signal, baseDelayMs = 1000, maxRetryAfterMs = 60_000, sleep = abortableSleep } = options
  const toError = options.toError ?? ((error: unknown) => error)
  for (let n = 0; ; n++) {
    signal?.throwIfAborted()
    try {
      return await attempt()
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      const verdict = classify(error)
      const wait = verdict.retry ? (verdict.retryAfterMs ?? baseDelayMs * 2 ** n) : Number.NaN
      if (!verdict.retry || n >= maxRetries || wait > maxRetryAfterMs) {
        throw toError(error, n + 1)
      }
      await sleep(wait, signal)
    }
  }
}

/** `Retry-After-Ms`, or `Retry-After` in seconds or as an HTTP date, in milliseconds. */
export function retryAfterMs(headers: Record<string, string | undefined> | Headers | undefined, now = Date.now()) {
  const get = (name: string) => (headers instanceof Headers ? (headers.get(name) ?? undefined) : headers?.[name])
  const ms = Number.parseFloat(get('retry-after-ms') ?? '')
  if (Number.isFinite(ms) && ms >= 0) return ms
  const value = get('retry-after')?.trim()
  if (value === undefined || value === '') return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
