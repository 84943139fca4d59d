import { parseWav } from '@russo/audio'
import type { Audio } from '@russo/cache'

/** The 16-bit samples of a WAV `Audio` (copied: the data offset need not be 2-byte aligned). */
export function samples(audio: Audio): Int16Array {
  const { dataOffset, dataBytes } = parseWav(audio.data)
  const bytes = audio.data.slice(dataOffset, dataOffset + dataBytes - (dataBytes % 2))
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2)
}

export function rms(pcm: Int16Array): number {
  let sum = 0
  for (const sample of pcm) sum += sample * sample
  return Math.sqrt(sum / Math.max(pcm.length, 1))
}

export function seconds(audio: Audio): number {
  return parseWav(audio.data).durationSeconds
}
