/** The request settings every provider synthesizer takes, with the same defaults. */
export interface ProviderRequestOptions {
  /** Retries of a 5xx, network failure, timeout or cut-short answer. Default 2. */
  maxRetries?: number
  /** Backoff base: a retry waits a random time up to `retryDelayMs * 2^n`, unless the provider names a wait. Default 1000 ms. */
  retryDelayMs?: number
  /**
   * Requests in flight at once to this endpoint with this credential, across every process on the
   * machine (all test workers together). Default 4. A 429 lowers it for everyone for a while.
   */
  concurrency?: number
  /** Request starts per minute, across every process on the machine, spaced evenly. Default: no limit. */
  requestsPerMinute?: number
  /** Each attempt is abandoned after this long (a `TTS_TIMEOUT`, retried). Default 60 s; long prompts take tens of seconds. */
  timeoutMs?: number
  /** How long a provider answering 429 is retried before the synthesis fails. Default 120 s. */
  maxRateLimitWaitMs?: number
}

export type ResolvedRequestOptions = Required<Omit<ProviderRequestOptions, 'requestsPerMinute'>> & {
  requestsPerMinute: number | undefined
}

/** Checks and fills in the request settings; a bad one is a RangeError naming `where`, the option and the value. */
export function resolveRequestOptions(options: ProviderRequestOptions, where: string): ResolvedRequestOptions {
  const check = (name: keyof ProviderRequestOptions, fallback: number | undefined, min: number, infinite = false) => {
    const value = options[name] ?? fallback
    if (value === undefined || (infinite && value === Number.POSITIVE_INFINITY)) return value
    if (!(Number.isInteger(value) && value >= min)) {
      const allowed = `an integer >= ${min}${infinite ? ' or Infinity' : ''}`
      throw new RangeError(`${where}: option ${name} must be ${allowed}, got ${String(value)}.`)
    }
    return value
  }
  return {
    maxRetries: check('maxRetries', 2, 0) as number,
    retryDelayMs: check('retryDelayMs', 1000, 0) as number,
    concurrency: check('concurrency', 4, 1, true) as number,
    requestsPerMinute: check('requestsPerMinute', undefined, 1),
    timeoutMs: check('timeoutMs', 60_000, 1, true) as number,
    maxRateLimitWaitMs: check('maxRateLimitWaitMs', 120_000, 0) as number,
  }
}
