/** What a `CachedSynthesizer` did. hits + misses = calls; misses = syntheses + errors in `auto` mode. */
export interface CacheStats {
  /** Calls answered without calling the inner synthesizer. */
  hits: number
  /** Calls that called the inner synthesizer or failed (an offline miss, a synthesis error). */
  misses: number
  /** Successful calls of the inner synthesizer. */
  syntheses: number
  /** Total time of those syntheses, in ms. */
  synthMs: number
  /** Calls that threw. */
  errors: number
  /** Characters (code points) sent to the inner synthesizer: what a TTS provider bills. */
  charsSynthesized: number
  /** Characters answered from the cache. */
  charsSaved: number
  /** Synthesis time the hits saved, from the `synth_ms` their entries recorded. */
  msSaved: number
  bytesSynthesized: number
  bytesFromCache: number
  /** Hits fetched from the remote store (and written to the local cache). */
  remoteHits: number
  /** Entries uploaded to the remote store (an upload that found the object there already is not counted). */
  uploads: number
  /** Remote requests that failed, and remote objects that failed their checks. */
  remoteErrors: number
}

export function emptyStats(): CacheStats {
  return {
    hits: 0,
    misses: 0,
    syntheses: 0,
    synthMs: 0,
    errors: 0,
    charsSynthesized: 0,
    charsSaved: 0,
    msSaved: 0,
    bytesSynthesized: 0,
    bytesFromCache: 0,
    remoteHits: 0,
    uploads: 0,
    remoteErrors: 0,
  }
}

/** Sums figures from several synthesizers (test files, workers, shards). */
export function addStats(into: CacheStats, from: Partial<CacheStats>): CacheStats {
  for (const name of Object.keys(into) as (keyof CacheStats)[]) {
    const value = from[name]
    if (typeof value === 'number' && Number.isFinite(value)) into[name] += value
  }
  return into
}
