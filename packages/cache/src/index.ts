export type { AudioCacheOptions, PutOptions, VerifyOptions, VerifyReport } from './cache.js'
export { AudioCache, DEFAULT_CACHE_DIR } from './cache.js'
export type { CacheMissDetails } from './cache-miss-error.js'
export { CacheMissError, isCacheMissError } from './cache-miss-error.js'
export type { CachedSynthesizerOptions } from './cached-synthesizer.js'
export { CachedSynthesizer } from './cached-synthesizer.js'
export { assertNoCredentialFields, isCredentialName } from './credential-fields.js'
export type { RussoErrorCode } from './errors.js'
export { isRussoError, RussoError } from './errors.js'
export type { CacheDirInventory, CacheFileKind, CacheKeyFiles, ForeignFile } from './file-kind.js'
export { cacheFileKind, inspectCacheDir, isRussoKey } from './file-kind.js'
export type { FileError, HeldLock, TryLockResult } from './file-lock.js'
export { isProcessAlive, tryFileLock } from './file-lock.js'
export { audioProblem } from './internal/check-audio.js'
export { InvalidAudioError, isInvalidAudioError } from './invalid-audio-error.js'
export { cacheKey } from './key.js'
export { isLockTimeoutError, LockTimeoutError } from './lock-timeout-error.js'
export { defaultLogger } from './logger.js'
export { CACHE_MODES, isCacheMode } from './mode.js'
export type { DecodedEntry, DecodeOptions } from './remote-entry.js'
export { decodeRemoteEntry, encodeRemoteEntry, keyMatchesMeta } from './remote-entry.js'
export type { RemoteMode, RemoteOptions } from './remote-options.js'
export type { PutResult, RemoteEntry, RemoteFailure, RemotePutOptions, RemoteStore } from './remote-store.js'
export { isRemoteStoreError, RemoteStoreError } from './remote-store.js'
export type {
  LfsPointer,
  RemovalFailure,
  RemovalItem,
  RemovalKind,
  RemovalPlan,
  RemovalReport,
} from './removal.js'
export { CacheRemoveError, isCacheRemoveError } from './removal.js'
export type { CacheStats } from './stats.js'
export { addStats, emptyStats } from './stats.js'
export { terminalSafe } from './terminal-text.js'
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
