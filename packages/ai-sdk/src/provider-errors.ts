import {
  codeForStatus,
  type GiveUpContext,
  isRetryableProviderError,
  isRetryableStatus,
  type RetryVerdict,
  redactSecrets,
  retryAfterMs,
  summarizeBody,
  TtsProviderError,
} from '@russo/audio/provider'

/** The fields of the AI SDK's `APICallError` this adapter reads (by name: it may come from any SDK copy). */
interface ApiCallErrorLike {
  name: 'AI_APICallError'
  message: string
  statusCode?: number
  isRetryable?: boolean
  responseHeaders?: Record<string, string>
  responseBody?: string
}

function isApiCallError(error: unknown): error is ApiCallErrorLike {
  return error instanceof Error && error.name === 'AI_APICallError'
}

/** A success status whose body could not be read: the connection broke mid-answer. */
function isBrokenBody(error: ApiCallErrorLike): boolean {
  return error.statusCode !== undefined && error.statusCode >= 200 && error.statusCode < 300
}

export function classify(error: unknown): RetryVerdict {
  if (isRetryableProviderError(error)) return { retry: true }
  if (!isApiCallError(error)) return { retry: false }
  if (error.statusCode === undefined) return { retry: error.isRetryable === true }
  if (isBrokenBody(error)) return { retry: true }
  if (!isRetryableStatus(error.statusCode)) return { retry: false }
  const after = retryAfterMs(error.responseHeaders)
  const rateLimited = error.statusCode === 429
  return after === undefined ? { retry: true, rateLimited } : { retry: true, retryAfterMs: after, rateLimited }
}

const OFFLINE_HINT = 'A run with --russo-offline (RUSSO_CACHE_MODE=offline) and a recorded cache needs no key.'

/** The error a caller sees: provider HTTP failures and a missing key as `TtsProviderError`, others as they are. */
export function toProviderError(
  error: unknown,
  attempts: number,
  where: { provider: string; model: string; secrets: string[] },
  context: GiveUpContext,
): unknown {
  const { provider, model, secrets } = where
  if (error instanceof Error && error.name === 'AI_LoadAPIKeyError') {
    const providerMessage = `${error.message.replace(/\.$/, '')}. ${OFFLINE_HINT}`
    return new TtsProviderError('TTS_MISSING_CREDENTIAL', { provider, model, providerMessage })
  }
  if (!isApiCallError(error)) return error
  const providerMessage = redactSecrets(messageOf(error), secrets)
  if (error.statusCode === undefined || isBrokenBody(error)) {
    const said = isBrokenBody(error)
      ? `the connection broke while the answer arrived (${providerMessage})`
      : providerMessage
    return new TtsProviderError(
      'TTS_NETWORK_ERROR',
      { provider, model, providerMessage: said, attempts },
      { cause: error },
    )
  }
  const status = error.statusCode
  return new TtsProviderError(codeForStatus(status), { provider, model, status, providerMessage, attempts, ...context })
}

/**
 * The provider's own words: the AI SDK reads `error.message` of OpenAI-shaped bodies only, and falls
 * back to the status text for others (ElevenLabs sends `{"detail": {"message": …}}`, and FastAPI's
 * `{"detail": [{"msg": …}]}` for a 422).
 */
function messageOf(error: ApiCallErrorLike): string {
  try {
    const body = JSON.parse(error.responseBody ?? '') as Record<string, unknown>
    const detail = body.detail as Record<string, unknown> | Array<{ msg?: unknown }> | string | undefined
    const found =
      (body.error as Record<string, unknown> | undefined)?.message ??
      (typeof detail === 'string' || detail === undefined
        ? detail
        : Array.isArray(detail)
          ? detail.map((d) => d.msg).join('; ')
          : detail.message) ??
      body.message
    if (typeof found === 'string' && found !== '') return found
  } catch {}
  const body = error.responseBody?.trim()
  return body ? summarizeBody(body) : error.message
}
