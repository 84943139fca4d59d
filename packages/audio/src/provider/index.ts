// Plumbing every TTS provider adapter needs: one error class, retries with timeouts, a request limit
// shared by every process of the machine, abort, and keeping credentials out of cache keys and messages.

export { assertNoCredentialFields, isCredentialName } from '@russo/cache'
export { raceAbort } from './abort.js'
export { assertSpeakableText } from './assert-text.js'
export { summarizeBody } from './body-summary.js'
export { ConcurrencyLimit } from './concurrency-limit.js'
export { credentialsInHeaders, redactSecrets } from './credentials.js'
export { assertRawAudioContentType, assertWholeAudio } from './provider-audio.js'
export type { RequestLimit, RequestSlot, SlotOutcome } from './request-limit.js'
export type { ProviderRequestOptions, ResolvedRequestOptions } from './request-options.js'
export { resolveRequestOptions } from './request-options.js'
export type { GiveUpContext, RetryOptions, RetryVerdict } from './retry.js'
export { abortableSleep, withRetries } from './retry.js'
export { retryAfterMs } from './retry-after.js'
export type { SharedLimitOptions } from './shared-limit.js'
export { sharedRequestLimit } from './shared-limit.js'
export type { TtsProviderErrorCode, TtsProviderErrorDetails } from './tts-provider-error.js'
export {
  codeForStatus,
  isRetryableProviderError,
  isRetryableStatus,
  isTtsProviderError,
  TtsProviderError,
} from './tts-provider-error.js'
