import { describe, expect, it } from 'vitest'
import { retryAfterMs, withRetries } from '../src/provider/index.js'

/** A sleep that records the delays asked for and returns at once. */
function recordingSleep() {
  const delays: number[] = []
  return { delays, sleep: async (ms: number) => void delays.push(ms) }
}

function failing(times: number, error: unknown = new Error('busy')) {
  let calls = 0
  return {
    get calls() {
      return calls
    },
    attempt: async () => {
      calls++
      if (calls <= times) throw error
      return 'audio'
    },
  }
}

describe('withRetries', () => {
  it('backs off with full jitter, a random wait below 1 s, 2 s, 4 s by default, and returns the first success', async () => {
    const { delays, sleep } = recordingSleep()
    const task = failing(3)
    const draws = [0.5, 0.25, 0.999]
    const random = () => draws.shift() ?? 0
    await expect(withRetries(task.attempt, () => ({ retry: true }), { maxRetries: 3, sleep, random })).resolves.toBe(
      'audio',
    )
    expect(delays).toEqual([500, 500, 3996])
    expect(task.calls).toBe(4)
  })

  it("waits what the server's Retry-After asks for instead", async () => {
    const { delays, sleep } = recordingSleep()
    await withRetries(failing(2).attempt, () => ({ retry: true, retryAfterMs: 1500 }), { maxRetries: 2, sleep })
    expect(delays).toEqual([1500, 1500])
  })

  it('on a 429 waits the Retry-After plus a jitter of up to as much again (at most baseDelayMs), beyond maxRetries', async () => {
    const { delays, sleep } = recordingSleep()
    const task = failing(4)
    const limited = () => ({ retry: true as const, retryAfterMs: 400, rateLimited: true })
    await expect(withRetries(task.attempt, limited, { maxRetries: 0, sleep, random: () => 0.5 })).resolves.toBe('audio')
    expect(delays).toEqual([600, 600, 600, 600])
    const long = () => ({ retry: true as const, retryAfterMs: 5000, rateLimited: true })
    const { delays: capped, sleep: sleep2 } = recordingSleep()
    await withRetries(failing(1).attempt, long, { maxRetries: 0, sleep: sleep2, random: () => 0.5 })
    expect(capped).toEqual([5500])
  })

  it('stops after maxRetries and throws what toError makes of the last error and the attempt count', async () => {
    const { sleep } = recordingSleep()
    const task = failing(10)
    const thrown = await withRetries(task.attempt, () => ({ retry: true }), {
      maxRetries: 2,
      sleep,
      toError: (error, attempts) => new Error(`${(error as Error).message} x${attempts}`),
    }).catch((e: Error) => e.message)
    expect(thrown).toBe('busy x3')
    expect(task.calls).toBe(3)
  })

  it('does not retry a final error, nor a Retry-After longer than maxRetryAfterMs', async () => {
    const { delays, sleep } = recordingSleep()
    const final = failing(1)
    await expect(withRetries(final.attempt, () => ({ retry: false }), { maxRetries: 5, sleep })).rejects.toThrow('busy')
    const tooLong = failing(1)
    const verdict = () => ({ retry: true, retryAfterMs: 120_000 }) as const
    await expect(withRetries(tooLong.attempt, verdict, { maxRetries: 5, sleep })).rejects.toThrow('busy')
    expect([final.calls, tooLong.calls, delays.length]).toEqual([1, 1, 0])
  })

  it("rejects with the signal's reason, at once, when aborted during a backoff", async () => {
    const controller = new AbortController()
    const reason = new Error('test over')
    const task = failing(1)
    const run = withRetries(task.attempt, () => ({ retry: true, retryAfterMs: 60_000 }), {
      maxRetries: 1,
      signal: controller.signal,
    })
    await Promise.resolve()
    controller.abort(reason)
    await expect(run).rejects.toBe(reason)
    expect(task.calls).toBe(1)
  })
})

describe('retryAfterMs', () => {
  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'Wed, 25 Nov 2026 12:00:03 GMT' }, 3000],
    [{ 'retry-after': 'Wed, 25 Nov 2026 11:00:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
    // OpenAI's rate-limit headers, where no Retry-After is sent: the later of the two resets.
    [{ 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s' }, 360_000],
    [{ 'x-ratelimit-reset-requests': '250ms' }, 250],
    [{ 'x-ratelimit-reset-requests': '1m30.5s' }, 90_500],
    [{ 'X-RateLimit-Reset-Requests': '2s' }, 2000],
    [{ 'x-ratelimit-reset-requests': 'later' }, undefined],
    [{ 'retry-after': '3', 'x-ratelimit-reset-requests': '6m0s' }, 3000],
  ])('reads %j as %s ms', (headers, ms) => {
    expect(retryAfterMs(headers, Date.parse('2026-11-25T12:00:00Z'))).toBe(ms)
  })

  it('reads a fetch Headers object too', () => {
    expect(retryAfterMs(new Headers({ 'Retry-After': '1' }))).toBe(1000)
  })
})
