/** Container or encoding of `Audio.data`. Known names are listed; any other string is allowed. */
export type AudioFormat = 'wav' | 'pcm' | 'mp3' | 'ogg' | 'opus' | 'flac' | 'aac' | (string & {})

/** Synthesized audio: the bytes exactly as the synthesizer produced them, and how to read them. */
export interface Audio {
  data: Uint8Array
  format: AudioFormat
  /** Samples per second, a positive integer. */
  sampleRate: number
  /** 1 for mono. */
  channels: number
  /** Bytes per sample (2 for 16-bit PCM). */
  sampleWidth: number
}

export interface SynthesizeOptions {
  signal?: AbortSignal
  /**
   * Called by a synthesizer that knows how long the audio took to make (the provider's request alone,
   * without waiting for a shared limit or backing off), before it resolves. `CachedSynthesizer`
   * records that as the entry's `synth_ms`; without it, the whole call is timed.
   */
  onRequestMs?: (ms: number) => void
}

/** Anything that turns text into audio: a TTS provider adapter, a local engine, a fake. */
export interface Synthesizer {
  synthesize(text: string, options?: SynthesizeOptions): Promise<Audio>
  /**
   * Settings that change the audio (voice, model, speed, …). Merged into every cache key, so a
   * change here invalidates the cache without the user repeating the settings.
   */
  readonly cacheKeyExtra?: Record<string, unknown>
}

/**
 * How a `CachedSynthesizer` uses the cache.
 * - `auto`: return cached audio, synthesize and store on a miss.
 * - `off`: always synthesize, store nothing.
 * - `refresh`: synthesize once per key and overwrite the entry.
 * - `offline`: return cached audio, throw `CacheMissError` on a miss (CI).
 */
export type CacheMode = 'auto' | 'off' | 'refresh' | 'offline'

/** What russo-ts knows about an entry, read from its `<key>.meta` (camelCase of the on-disk names). */
export interface EntryMeta {
  format: AudioFormat
  sampleRate: number
  prompt: string
  channels?: number
  sampleWidth?: number
  /** Length of the audio in bytes. Absent in entries written by Python russo. */
  bytes?: number
  /** Lowercase hex sha256 of the audio. */
  sha256?: string
  /** ISO 8601 time the entry was written. */
  createdAt?: string
  /** How long the original synthesis took, in milliseconds. */
  synthMs?: number
  /** The key extra the entry was made with. */
  extra?: Record<string, unknown>
}

/** A valid entry as listed by `AudioCache.entries()`, without its audio. */
export interface EntryInfo {
  key: string
  meta: EntryMeta
  /** Size of the audio file in bytes. */
  audioBytes: number
}

/** Where warnings and debug output go. The Vitest plugin routes these to its own output. */
export interface RussoLogger {
  warn(message: string): void
  debug?(message: string): void
}
