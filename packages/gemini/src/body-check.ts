import { codeForStatus, redactSecrets, summarizeBody, TtsProviderError } from '@russo/audio/provider'

interface Where {
  provider: string
  model: string
  secrets: (string | undefined)[]
}

/**
 * A 200 from Gemini must be a JSON answer. An empty body, an HTML page (a proxy's) or a JSON error
 * inside a 200 would reach `@google/genai` as a raw `SyntaxError` or an answer without audio, so
 * they become `TtsProviderError`s here, with the provider's own words. `TTS_NOT_AUDIO` is retried.
 */
export function checkSuccessBody(body: string, contentType: string | null, where: Where): void {
  const { provider, model, secrets } = where
  if (body.trim() === '') {
    throw new TtsProviderError('TTS_NOT_AUDIO', { provider, model, providerMessage: 'answered 200 with an empty body' })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    const type = contentType?.split(';')[0] ?? 'no content type'
    const providerMessage = redactSecrets(`answered 200 with ${type}, not JSON: ${summarizeBody(body)}`, secrets)
    throw new TtsProviderError('TTS_NOT_AUDIO', { provider, model, providerMessage })
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown; status?: unknown } } | null)?.error
  if (error === undefined || error === null) return
  const status = Number(error.code)
  const said = typeof error.message === 'string' ? error.message : JSON.stringify(error)
  const prefix = typeof error.status === 'string' ? `${error.status}: ` : ''
  const providerMessage = redactSecrets(`answered 200 with an error: ${prefix}${said}`, secrets)
  const code = status >= 400 && status <= 599 ? codeForStatus(status) : 'TTS_HTTP_ERROR'
  throw new TtsProviderError(code, { provider, model, providerMessage })
}
