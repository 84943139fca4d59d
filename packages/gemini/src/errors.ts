import {
  codeForStatus,
  type GiveUpContext,
  isRetryableProviderError,
  isRetryableStatus,
  isTtsProviderError,
  type RetryVerdict,
  redactSecrets,
  summarizeBody,
  TtsProviderError,
} from '@russo/audio/provider'

/** `@google/genai`'s `ApiError`: `status`, and the error body as JSON in `message`. */
interface ApiErrorLike {
  name: 'ApiError'
  status: number
  message: string
}

function isApiError(error: unknown): error is ApiErrorLike {
  return (
    error instanceof Error && error.name === 'ApiError' && typeof (error as { status?: unknown }).status === 'number'
  )
}

/** fetch's own failure: nothing answered. */
function isNetworkError(error: unknown): boolean {
  return (
    error instanceof TypeError && /fetch failed|network|ECONN|socket/i.test(`${error.message} ${String(error.cause)}`)
  )
}

interface GoogleErrorBody {
  error?: { message?: string; status?: string; details?: Array<{ '@type'?: string; retryDelay?: string }> }
}

function bodyOf(error: ApiErrorLike): GoogleErrorBody {
  try {
    return JSON.parse(error.message) as GoogleErrorBody
  } catch {
    return {}
  }
}

/**
 * Retry 429 and 5xx. The delay is the one Gemini asks for: `RetryInfo.retryDelay` in the error body
 * (`"37s"`), else the `Retry-After` header the request's fetch saw.
 */
export function classifyGemini(error: unknown, retryAfterHeader: () => number | undefined): RetryVerdict {
  if (isNetworkError(error) || isRetryableProviderError(error)) return { retry: true }
  // A JSON error inside a 200 (see body-check.ts): retried like the status it names.
  if (isTtsProviderError(error)) {
    const retry = error.code === 'TTS_RATE_LIMITED' || error.code === 'TTS_SERVER_ERROR'
    return retry ? { retry, rateLimited: error.code === 'TTS_RATE_LIMITED' } : { retry: false }
  }
  if (!isApiError(error) || !isRetryableStatus(error.status)) return { retry: false }
  const info = bodyOf(error).error?.details?.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'))
  const seconds = Number.parseFloat(info?.retryDelay ?? '')
  const after = Number.isFinite(seconds) ? seconds * 1000 : retryAfterHeader()
  const rateLimited = error.status === 429
  return after === undefined ? { retry: true, rateLimited } : { retry: true, retryAfterMs: after, rateLimited }
}

export function toGeminiError(
  error: unknown,
  attempts: number,
  where: { provider: string; model: string; secrets: (string | undefined)[] },
  context: GiveUpContext = {},
): unknown {
  const { provider, model, secrets } = where
  if (isNetworkError(error)) {
    const providerMessage = redactSecrets((error as Error).message, secrets)
    return new TtsProviderError('TTS_NETWORK_ERROR', { provider, model, providerMessage, attempts })
  }
  if (!isApiError(error)) return error
  const body = bodyOf(error).error
  const given = body?.message ?? error.message
  // A proxy's error page (nginx's 502) arrives as the message: its title says it all.
  const said = /<(html|!doctype|head|body)\b/i.test(given) ? summarizeBody(given) : given
  const providerMessage = redactSecrets(body?.status ? `${body.status}: ${said}` : said, secrets)
  return new TtsProviderError(codeForStatus(error.status), {
    provider,
    model,
    status: error.status,
    providerMessage,
    attempts,
    ...context,
  })
}
