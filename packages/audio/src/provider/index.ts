// Plumbing every TTS provider adapter needs: one error class, retries, a concurrency limit, abort,
// and keeping credentials out of cache keys and messages.

export { assertNoCredentialFields, isCredentialName } from '@russo/cache'
export { raceAbort } from './abort.js'
export { assertSpeakableText } from './assert-text.js'
export { ConcurrencyLimit } from './concurrency-limit.js'
export { redactSecrets } from './credentials.js'
export type { RetryOptions, RetryVerdict } from './retry.js'
export { abortableSleep, retryAfterMs, withRetries } from './retry.js'
export type { TtsProviderErrorCode, TtsProviderErrorDetails } from './tts-provider-error.js'
export { codeForStatus, isRetryableStatus, isTtsProviderError, TtsProviderError } from './tts-provider-error.js'
