import { decodeRemoteEntry, encodeRemoteEntry } from '../remote-entry.js'
import type { RemoteOptions } from '../remote-options.js'
import { isRemoteStoreError, RemoteStoreError } from '../remote-store.js'
import type { CacheStats } from '../stats.js'
import type { Audio, EntryMeta } from '../types.js'
import type { WarnOnce } from './warn-once.js'

/** What the run learned about a store: shared by every synthesizer of this process (and module reloads in it). */
interface StoreState {
  /** Why the remote is off for the rest of the run. */
  off?: RemoteStoreError
  /** Uploads were refused (read-only credentials). */
  noUploads?: boolean
  /** ETags of damaged objects, by key: the writer replaces exactly those. */
  damaged: Map<string, string | undefined>
}

const STATES = Symbol.for('russo.remote.states')
const states: Map<string, StoreState> =
  ((globalThis as Record<symbol, unknown>)[STATES] as Map<string, StoreState> | undefined) ?? new Map()
;(globalThis as Record<symbol, unknown>)[STATES] = states

const REQUIRED_HINT = ' (RUSSO_REMOTE_REQUIRED=1 makes this fail the run instead)'

/**
 * The remote half of a `CachedSynthesizer`: `pull` on a local miss, `push` after a synthesis. Fails open:
 * the first network, server or auth error costs one warning and turns the remote off for the process.
 */
export class RemoteLink {
  readonly #options: RemoteOptions
  readonly #warnings: WarnOnce
  readonly #stats: () => CacheStats
  readonly #state: StoreState

  constructor(options: RemoteOptions, warnings: WarnOnce, stats: () => CacheStats) {
    this.#options = options
    this.#warnings = warnings
    this.#stats = stats
    const location = options.store.location
    this.#state = states.get(location) ?? { damaged: new Map() }
    states.set(location, this.#state)
  }

  get location(): string {
    return this.#options.store.location
  }

  /** The entry from the store, checked through; `undefined` when it has none (or none that passes). */
  async pull(
    key: string,
    prompt: string,
    signal?: AbortSignal,
  ): Promise<{ audio: Audio; meta: EntryMeta } | undefined> {
    if (this.#state.off !== undefined) return undefined
    let found: Awaited<ReturnType<RemoteOptions['store']['get']>>
    try {
      found = await this.#options.store.get(key, signal ? { signal } : {})
    } catch (error) {
      this.#fail(error, signal)
      return undefined
    }
    if (found === undefined) return undefined
    const signingKey = this.#options.signingKey
    const decoded = decodeRemoteEntry(key, found.body, { prompt, ...(signingKey ? { signingKey } : {}) })
    if (decoded.ok) return { audio: decoded.audio, meta: decoded.meta }
    this.#state.damaged.set(key, found.etag)
    this.#stats().remoteErrors++
    const fix = this.#writes() ? 'this run replaces it with what it synthesizes' : 'a run that may write replaces it'
    this.#warnings.warn(
      `remote-damaged:${key}`,
      `russo: ignoring the object for key ${key} in ${this.location}: ${decoded.problem}; ${fix}.`,
    )
    return undefined
  }

  /** Uploads a synthesized entry, unless one is there: the first writer wins, and a loser is no error. */
  async push(
    key: string,
    prompt: string,
    extra: Record<string, unknown>,
    synthesized: { audio: Audio; synthMs: number },
    signal?: AbortSignal,
  ): Promise<void> {
    if (!this.#writes() || this.#state.off !== undefined || this.#state.noUploads) return
    const { audio, synthMs } = synthesized
    const meta: EntryMeta = {
      format: audio.format,
      sampleRate: audio.sampleRate,
      prompt,
      channels: audio.channels,
      sampleWidth: audio.sampleWidth,
      createdAt: new Date().toISOString(),
      synthMs: Math.round(synthMs * 10) / 10,
      extra,
    }
    const body = encodeRemoteEntry(key, meta, audio.data, this.#options.signingKey)
    const damaged = this.#state.damaged.has(key)
    const etag = this.#state.damaged.get(key)
    // A damaged object without an ETag cannot be replaced safely: leave it, the reader's warning says so.
    if (damaged && etag === undefined) return
    try {
      const result = await this.#options.store.put(key, body, {
        ...(etag !== undefined ? { ifMatch: etag } : {}),
        ...(signal ? { signal } : {}),
      })
      this.#state.damaged.delete(key)
      if (result === 'stored') this.#stats().uploads++
    } catch (error) {
      if (isRemoteStoreError(error) && error.failure === 'denied' && !this.#options.required) {
        this.#state.noUploads = true
        this.#stats().remoteErrors++
        this.#warnings.warn(
          'remote-no-uploads',
          `russo: ${this.location} refused an upload (${error.message}); these credentials cannot write, so this run ` +
            'stops uploading. For jobs with read-only credentials (pull requests), set RUSSO_REMOTE_MODE=read.',
        )
        return
      }
      this.#fail(error, signal)
    }
  }

  #writes(): boolean {
    return (this.#options.mode ?? 'readwrite') === 'readwrite'
  }

  #fail(error: unknown, signal: AbortSignal | undefined): void {
    // The caller's own abort is not the remote's fault.
    if (signal?.aborted) throw signal.reason
    const failure = isRemoteStoreError(error)
      ? error
      : new RemoteStoreError('protocol', `${this.location}: ${(error as Error)?.message ?? String(error)}`, {
          cause: error,
        })
    this.#stats().remoteErrors++
    if (this.#options.required) throw failure
    this.#state.off = failure
    this.#warnings.warn(
      'remote-off',
      `russo: the remote cache is not usable (${failure.message}); this process goes on without it${REQUIRED_HINT}.`,
    )
  }
}
