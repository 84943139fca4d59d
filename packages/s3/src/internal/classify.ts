import { RemoteStoreError } from '@russo/cache'

interface SdkError {
  name?: string
  code?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
  $response?: { statusCode?: number }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
])
const TIMEOUT = new Set(['TimeoutError', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'RequestTimeout'])
/** Signature and key errors: the credentials themselves are wrong, not merely short of a permission. */
const BAD_CREDENTIALS = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken'])

/** HTTP status of an SDK error, when the server answered. */
export function statusOf(error: unknown): number | undefined {
  const e = error as SdkError
  return e?.$metadata?.httpStatusCode ?? e?.$response?.statusCode
}

/**
 * An SDK error as a `RemoteStoreError` whose message says what happened in words of our own: SDK messages
 * and server bodies are left out, so nothing they echo (a key id, a signature) reaches a log.
 */
export function classify(error: unknown, what: string, timedOut: boolean): RemoteStoreError {
  const e = (error ?? {}) as SdkError
  const status = statusOf(error)
  const code = e.code ?? e.name ?? ''
  const network = String((error as { cause?: { code?: string } })?.cause?.code ?? code)
  if (timedOut || TIMEOUT.has(code) || TIMEOUT.has(network)) {
    return new RemoteStoreError('timeout', `${what}: no answer in time (timeout)`)
  }
  if (status === undefined) {
    if (e.name === 'CredentialsProviderError') {
      return new RemoteStoreError(
        'denied',
        `${what}: no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or web identity)`,
      )
    }
    const reason = UNREACHABLE.has(network) ? network : code || 'network error'
    return new RemoteStoreError('unreachable', `${what}: cannot reach the server (${reason})`)
  }
  const label = `HTTP ${status}${code && code !== 'Unknown' && !/^\d+$/.test(code) ? ` ${code}` : ''}`
  if (status >= 500) return new RemoteStoreError('server', `${what}: server error (${label})`, { status })
  if (status === 401 || status === 403) {
    const why = BAD_CREDENTIALS.has(code) ? 'the credentials are not valid' : 'access denied'
    return new RemoteStoreError('denied', `${what}: ${why} (${label})`, { status })
  }
  return new RemoteStoreError('protocol', `${what}: unexpected answer (${label})`, { status })
}
