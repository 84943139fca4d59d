import type { EntryInfo } from '@russo/cache'

/**
 * Seconds of audio, from what is cheap to read: raw PCM from its length and the meta's rate, width and
 * channels. `null` for formats whose length needs the audio itself.
 */
export function quickDuration(_cacheDir: string, info: EntryInfo): number | null {
  const { meta, audioBytes } = info
  if (meta.format === 'pcm' || meta.format === 'l16') {
    const frame = (meta.channels ?? 1) * (meta.sampleWidth ?? 2)
    return Math.floor(audioBytes / frame) / meta.sampleRate
  }
  return null
}
