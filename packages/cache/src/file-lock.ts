// The lock primitive of cache entries, for other russo packages that coordinate processes through
// files (the provider plumbing's shared request slots): one lock implementation, one set of rules.
export type { FileError, HeldLock, TryLockResult } from './internal/lock.js'
export { isAlive as isProcessAlive, tryLock as tryFileLock } from './internal/lock.js'
