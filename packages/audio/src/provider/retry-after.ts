type HeaderSource = Record<string, string | undefined> | Headers | undefined

/**
 * How long a 429 or 5xx answer asks to wait, in milliseconds: `retry-after-ms`, `retry-after` (seconds
 * or an HTTP date), or, where neither is sent, the latest of OpenAI's `x-ratelimit-reset-requests` /
 * `x-ratelimit-reset-tokens` (`1s`, `6m0s`, `250ms`). `undefined` when the answer names no wait.
 */
export function retryAfterMs(headers: HeaderSource, now = Date.now()): number | undefined {
  const get = (name: string) =>
    headers instanceof Headers ? (headers.get(name) ?? undefined) : headerOf(headers, name)
  const ms = Number.parseFloat(get('retry-after-ms') ?? '')
  if (Number.isFinite(ms) && ms >= 0) return ms
  const value = get('retry-after')?.trim()
  if (value !== undefined && value !== '') {
    if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000
    const date = Date.parse(value)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  const resets = ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens'].flatMap((name) => {
    const reset = durationMs(get(name))
    return reset === undefined ? [] : [reset]
  })
  return resets.length === 0 ? undefined : Math.max(...resets)
}

/** Header lookup that ignores case: SDKs hand headers over as plain objects in whatever case they came. */
function headerOf(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined
  if (name in headers) return headers[name]
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name)
  return found === undefined ? undefined : headers[found]
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }

/** `6m0s`, `1.5s`, `250ms`, `2h3m` as OpenAI writes durations; a bare number is seconds. */
function durationMs(value: string | undefined): number | undefined {
  const text = value?.trim()
  if (text === undefined || text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Number.parseFloat(text) * 1000
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(text)) return undefined
  let total = 0
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number.parseFloat(n ?? '0') * (UNIT_MS[unit ?? 's'] ?? 1000)
  }
  return total
}
