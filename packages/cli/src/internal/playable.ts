import { isAudioFormatError, type SniffedFormat, sniffAudioFormat, toWav } from '@russo/audio'
import type { Audio } from '@russo/cache'

const EXTENSION: Record<SniffedFormat, string> = {
  wav: 'wav',
  mp3: 'mp3',
  aac: 'aac',
  ogg: 'ogg',
  opus: 'opus',
  flac: 'flac',
  webm: 'webm',
  mkv: 'mka',
  mp4: 'm4a',
  aiff: 'aiff',
}

/**
 * The entry's audio as a file a player opens: a container as it is, with the extension its bytes (not
 * its label) call for; headerless PCM wrapped as WAV by @russo/audio, byte for byte in the data chunk.
 * Unknown bytes keep their label as extension (or `.bin`).
 */
export function playable(audio: Audio): { data: Uint8Array; extension: string } {
  const sniffed = sniffAudioFormat(audio.data)
  if (sniffed !== undefined) return { data: audio.data, extension: EXTENSION[sniffed] }
  try {
    return { data: toWav(audio).data, extension: 'wav' }
  } catch (error) {
    if (!isAudioFormatError(error)) throw error
    const label = /^[a-z0-9]{1,8}$/i.test(audio.format) ? audio.format.toLowerCase() : 'bin'
    return { data: audio.data, extension: label }
  }
}

/** `book-a-flight-from-berlin-to-rome-3f2a9c1e`: readable, unique by the key prefix, safe on every OS. */
export function fileStem(prompt: string, key: string): string {
  const slug = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `${slug || 'entry'}-${key.slice(0, 8)}`
}
