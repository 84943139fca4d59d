import { isRussoError, RussoError } from './errors.js'

/** One stored object: an encoded entry (meta and audio together), and its version tag when the store has one. */
export interface RemoteEntry {
  body: Uint8Array
  /** The store's version of the object (an S3 ETag): a damaged object is replaced only if still this one. */
  etag?: string
}

/** `stored`: the object is now there. `exists`: another writer was first (or the object changed), nothing written. */
export type PutResult = 'stored' | 'exists'

export interface RemotePutOptions {
  /** Replace only this version of the object (a damaged one). Without it, write only where nothing is. */
  ifMatch?: string
  signal?: AbortSignal
}

/**
 * A shared store of cache entries, by key (`@russo/s3` implements it on S3-compatible storage). Failures are
 * `RemoteStoreError`s; the core decides what they cost. Bounded time per request is the store's duty.
 */
export interface RemoteStore {
  /** Where the store is, for messages (`s3://bucket/prefix`): never a credential. */
  readonly location: string
  /** The object for `key`, or `undefined` when there is none. */
  get(key: string, options?: { signal?: AbortSignal }): Promise<RemoteEntry | undefined>
  /** Writes the object for `key` unless one exists (or, with `ifMatch`, unless it changed). */
  put(key: string, body: Uint8Array, options?: RemotePutOptions): Promise<PutResult>
}

/** Why a remote request failed: the core turns the remote off (or fails, when required) on any of them. */
export type RemoteFailure = 'unreachable' | 'timeout' | 'denied' | 'server' | 'protocol'

/** A remote store request that failed. Its message names the store and never a credential. */
export class RemoteStoreError extends RussoError {
  readonly failure: RemoteFailure
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined

  constructor(failure: RemoteFailure, message: string, options: ErrorOptions & { status?: number } = {}) {
    super('RUSSO_REMOTE', message, options)
    this.name = 'RemoteStoreError'
    this.failure = failure
    this.status = options.status
  }
}

export function isRemoteStoreError(value: unknown): value is RemoteStoreError {
  return isRussoError(value) && value.code === 'RUSSO_REMOTE' && typeof (value as RemoteStoreError).failure === 'string'
}
