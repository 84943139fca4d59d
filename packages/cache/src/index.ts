export type { AudioCacheOptions, PutOptions, VerifyOptions, VerifyReport } from './cache.js'
export { AudioCache, DEFAULT_CACHE_DIR } from './cache.js'
export type { CacheMissDetails } from './cache-miss-error.js'
export { CacheMissError, isCacheMissError } from './cache-miss-error.js'
export type { CachedSynthesizerOptions } from './cached-synthesizer.js'
export { CachedSynthesizer } from './cached-synthesizer.js'
export { assertNoCredentialFields, isCredentialName } from './credential-fields.js'
export type { RussoErrorCode } from './errors.js'
export { isRussoError, RussoError } from './errors.js'
export type { CacheFileKind } from './file-kind.js'
export { cacheFileKind } from './file-kind.js'
export { cacheKey } from './key.js'
export { isLockTimeoutError, LockTimeoutError } from './lock-timeout-error.js'
export { defaultLogger } from './logger.js'
export { CACHE_MODES, isCacheMode } from './mode.js'
export type { DecodedEntry, DecodeOptions } from './remote-entry.js'
export { decodeRemoteEntry, encodeRemoteEntry, keyMatchesMeta } from './remote-entry.js'
export type { RemoteMode, RemoteOptions } from './remote-options.js'
export type { PutResult, RemoteEntry, RemoteFailure, RemotePutOptions, RemoteStore } from './remote-store.js'
export { isRemoteStoreError, RemoteStoreError } from './remote-store.js'
export type { CacheStats } from './stats.js'
export { addStats, emptyStats } from './stats.js'
export type {
  Audio,
  AudioFormat,
  CacheMode,
  EntryInfo,
  EntryMeta,
  RussoLogger,
  SynthesizeOptions,
  Synthesizer,
} from './types.js'
