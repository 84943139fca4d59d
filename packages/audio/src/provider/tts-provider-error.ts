/**
 * - `TTS_BAD_REQUEST` (400, 422), `TTS_UNAUTHORIZED` (401), `TTS_FORBIDDEN` (403), `TTS_NOT_FOUND` (404),
 *   `TTS_RATE_LIMITED` (429), `TTS_SERVER_ERROR` (5xx), `TTS_HTTP_ERROR` (any other status): the
 *   provider answered with that HTTP status (429 and 5xx after the retries ran out).
 * - `TTS_NETWORK_ERROR`: no answer, or not all of it (connection refused, reset mid-body, DNS).
 * - `TTS_TIMEOUT`: no answer within the adapter's `timeoutMs` (retried like a network error).
 * - `TTS_NO_AUDIO`: the provider answered without audio (empty body, no audio part).
 * - `TTS_NOT_AUDIO`: a success status whose body is not whole audio (an HTML or JSON page, a
 *   container cut short, raw PCM labelled `text/html`); retried, never cached.
 * - `TTS_MISSING_CREDENTIAL`: a synthesis was needed and no API key was set.
 */
export type TtsProviderErrorCode =
  | 'TTS_BAD_REQUEST'
  | 'TTS_UNAUTHORIZED'
  | 'TTS_FORBIDDEN'
  | 'TTS_NOT_FOUND'
  | 'TTS_RATE_LIMITED'
  | 'TTS_SERVER_ERROR'
  | 'TTS_HTTP_ERROR'
  | 'TTS_NETWORK_ERROR'
  | 'TTS_TIMEOUT'
  | 'TTS_NO_AUDIO'
  | 'TTS_NOT_AUDIO'
  | 'TTS_MISSING_CREDENTIAL'

export interface TtsProviderErrorDetails {
  /** Provider as the adapter names it: `openai.speech`, `gemini`, … */
  provider: string
  model: string
  /** HTTP status, where the provider answered. */
  status?: number | undefined
  /** The provider's own error message, with anything that looks like a credential redacted. */
  providerMessage?: string | undefined
  /** Requests made, retries included. */
  attempts?: number
  /** When the provider kept answering 429: how long they were retried before giving up. */
  rateLimitWaitMs?: number | undefined
}

const HINTS: Partial<Record<TtsProviderErrorCode, string>> = {
  TTS_UNAUTHORIZED: 'Check the API key the adapter reads.',
  TTS_FORBIDDEN: 'The API key has no access to this model or voice.',
  TTS_NOT_FOUND: 'Check the model id and the voice.',
  TTS_RATE_LIMITED:
    'Set the synthesizer options `concurrency` or `requestsPerMinute` to your provider limit (they hold for every ' +
    'worker on the machine), or raise `maxRateLimitWaitMs`.',
  TTS_TIMEOUT: 'Raise the synthesizer option `timeoutMs` for long prompts, or check that the endpoint answers.',
}

/** A TTS provider refused or failed a synthesis. Never holds the API key; branch on `code`. */
export class TtsProviderError extends Error {
  readonly code: TtsProviderErrorCode
  readonly provider: string
  readonly model: string
  readonly status: number | undefined
  readonly providerMessage: string | undefined
  readonly attempts: number
  readonly rateLimitWaitMs: number | undefined

  constructor(code: TtsProviderErrorCode, details: TtsProviderErrorDetails, options?: ErrorOptions) {
    const { provider, model, status, providerMessage, attempts = 1, rateLimitWaitMs } = details
    const what = status === undefined ? '' : ` HTTP ${status}`
    const said = providerMessage ? `: ${providerMessage.replace(/\.+$/, '')}` : ''
    const waited = rateLimitWaitMs === undefined ? '' : `, answered 429 for ${(rateLimitWaitMs / 1000).toFixed(1)} s`
    const tries = attempts > 1 || waited ? ` (after ${attempts} attempts${waited})` : ''
    const hint = HINTS[code] ? ` ${HINTS[code]}` : ''
    super(`${provider} (model ${model})${what}${said}${tries}.${hint}`, options)
    this.name = 'TtsProviderError'
    this.code = code
    this.provider = provider
    this.model = model
    this.status = status
    this.providerMessage = providerMessage
    this.attempts = attempts
    this.rateLimitWaitMs = rateLimitWaitMs
  }
}

export function codeForStatus(status: number): TtsProviderErrorCode {
  if (status === 400 || status === 422) return 'TTS_BAD_REQUEST'
  if (status === 401) return 'TTS_UNAUTHORIZED'
  if (status === 403) return 'TTS_FORBIDDEN'
  if (status === 404) return 'TTS_NOT_FOUND'
  if (status === 429) return 'TTS_RATE_LIMITED'
  if (status >= 500 && status <= 599) return 'TTS_SERVER_ERROR'
  return 'TTS_HTTP_ERROR'
}

const RETRYABLE_CODES: ReadonlySet<string> = new Set(['TTS_NETWORK_ERROR', 'TTS_TIMEOUT', 'TTS_NOT_AUDIO'])

/** A failure that a new attempt may not repeat: no answer, no answer in time, or an answer cut short. */
export function isRetryableProviderError(error: unknown): boolean {
  return isTtsProviderError(error) && RETRYABLE_CODES.has(error.code)
}

/** 429 and 5xx may pass; anything else will fail again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599)
}

/** By `name` and `code`, not `instanceof`: Vitest workers load test files in other realms. */
export function isTtsProviderError(value: unknown): value is TtsProviderError {
  if (value === null || typeof value !== 'object') return false
  const { name, code } = value as { name?: unknown; code?: unknown }
  return name === 'TtsProviderError' && typeof code === 'string' && code.startsWith('TTS_')
}
