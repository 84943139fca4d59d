import { AttemptTimeout, attemptWithin } from './attempt-timeout.js'
import type { RequestLimit, SlotOutcome } from './request-limit.js'
import { isTtsProviderError, TtsProviderError } from './tts-provider-error.js'

/** How a failed attempt may be retried: not at all, or after the delay the server asked for. */
export type RetryVerdict =
  | { retry: false }
  /** `rateLimited`: a 429, retried within `maxRateLimitWaitMs` rather than `maxRetries`. */
  | { retry: true; retryAfterMs?: number; rateLimited?: boolean }

export interface RetryOptions {
  /** Retries after the first attempt, for 5xx, network errors and timeouts. */
  maxRetries: number
  signal?: AbortSignal | undefined
  /** Backoff base: a retry waits a random time up to `baseDelayMs * 2^n` (full jitter). Default 1000 ms. */
  baseDelayMs?: number
  /** A server asking for a longer wait than this is not waited for: the error is thrown. Default 60 s. */
  maxRetryAfterMs?: number
  /** How long 429s are retried, from the first one, before giving up. Default 120 s. */
  maxRateLimitWaitMs?: number
  /** Each attempt is aborted after this long, a `TTS_TIMEOUT` retried like a network error. Default: none. */
  timeoutMs?: number
  /** Provider and model, named in `TTS_TIMEOUT` errors. */
  where?: { provider: string; model: string }
  /** Taken for each attempt and given back before any backoff: a shared concurrency and rate limit. */
  limit?: RequestLimit | undefined
  /** Called with the duration of the attempt that succeeded: the provider's time, not the queue's. */
  onRequestMs?: ((ms: number) => void) | undefined
  /** Waits `ms` or rejects with the signal's reason. Tests pass their own. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** In [0, 1): the jitter. Tests pass their own. */
  random?: () => number
  /**
   * What to throw for the last error, knowing how many attempts were made and, when 429s were retried
   * until `maxRateLimitWaitMs` ran out, how long that took. Default: the error.
   */
  toError?: (error: unknown, attempts: number, context: GiveUpContext) => unknown
}

export interface GiveUpContext {
  /** Set when the provider kept answering 429: the time since the first one. */
  rateLimitWaitMs?: number
}

const MAX_BACKOFF_MS = 30_000

/**
 * Runs `attempt` until it succeeds, `classify` says the error is final, or the retries run out.
 * Backoff is full jitter (random up to `baseDelayMs * 2^n`), or the server's `Retry-After` plus a
 * jitter of up to as much again (capped at `baseDelayMs`), so workers' retries do not land together.
 * 429s are retried until `maxRateLimitWaitMs` has passed since the first; the limit's slot is
 * released while waiting. An abort rejects with its reason.
 */
export async function withRetries<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  classify: (error: unknown) => RetryVerdict,
  options: RetryOptions,
): Promise<T> {
  const { maxRetries, signal, baseDelayMs = 1000, maxRetryAfterMs = 60_000, maxRateLimitWaitMs = 120_000 } = options
  const { timeoutMs = Number.POSITIVE_INFINITY, limit, sleep = abortableSleep, random = Math.random } = options
  const toError = options.toError ?? ((error: unknown) => error)
  const fail = (error: unknown, attempts: number, context: GiveUpContext = {}) =>
    toError(withAttempts(error, attempts), attempts, context)
  let failures = 0
  let limitedSince: number | undefined
  for (let attempts = 1; ; attempts++) {
    signal?.throwIfAborted()
    const slot = await limit?.acquire(signal)
    let outcome: SlotOutcome = 'failed'
    let wait: number
    const started = performance.now()
    try {
      const value = await attemptWithin(attempt, signal, timeoutMs)
      outcome = 'ok'
      options.onRequestMs?.(performance.now() - started)
      return value
    } catch (caught) {
      if (signal?.aborted) throw signal.reason
      const error = caught instanceof AttemptTimeout ? timeoutError(caught, options.where, attempts) : caught
      const verdict: RetryVerdict = caught instanceof AttemptTimeout ? { retry: true } : classify(error)
      if (!verdict.retry) throw fail(error, attempts)
      const after = verdict.retryAfterMs
      if (verdict.rateLimited) {
        outcome = 'rate-limited'
        limitedSince ??= Date.now()
        const backoff = Math.min(MAX_BACKOFF_MS, baseDelayMs * 2 ** Math.min(attempts - 1, 20))
        wait = after === undefined ? random() * backoff : after + random() * Math.min(after, baseDelayMs)
        const waited = Date.now() - limitedSince
        if (waited + wait > maxRateLimitWaitMs) throw fail(error, attempts, { rateLimitWaitMs: waited })
      } else {
        if (failures >= maxRetries) throw fail(error, attempts)
        wait = after ?? random() * Math.min(MAX_BACKOFF_MS, baseDelayMs * 2 ** failures)
        failures++
      }
      if (wait > maxRetryAfterMs) throw fail(error, attempts)
    } finally {
      slot?.release(outcome)
    }
    await sleep(wait, signal)
  }
}

/** A `TtsProviderError` made inside an attempt knows only that attempt: the final one names them all. */
function withAttempts(error: unknown, attempts: number): unknown {
  if (!isTtsProviderError(error) || error.attempts === attempts) return error
  const { code, provider, model, status, providerMessage, rateLimitWaitMs } = error
  const details = { provider, model, status, providerMessage, attempts, rateLimitWaitMs }
  return new TtsProviderError(code, details, error.cause === undefined ? undefined : { cause: error.cause })
}

function timeoutError(caught: AttemptTimeout, where: RetryOptions['where'], attempts: number): unknown {
  if (where === undefined) return caught
  return new TtsProviderError('TTS_TIMEOUT', { ...where, providerMessage: caught.message, attempts }, { cause: caught })
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
