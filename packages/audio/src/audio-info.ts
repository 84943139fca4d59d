import type { Audio } from '@russo/cache'
import { parseAdtsAt } from './adts.js'
import { AudioFormatError } from './audio-format-error.js'
import { readFlacStreamInfo } from './flac.js'
import { id3v2Length } from './id3.js'
import { hexPreview } from './internal/bytes.js'
import { readMp3FrameHeader } from './mp3.js'
import { readOggHead } from './ogg.js'
import { type SniffedFormat, sniffAudioFormat } from './sniff.js'
import { parseWav } from './wav.js'

/** The `Audio` fields the bytes themselves declare. */
export interface AudioInfo {
  format: SniffedFormat
  sampleRate: number
  channels: number
  sampleWidth: number
}

/**
 * How headerless audio is laid out: it has no header, so the provider's documentation says. `format`
 * is `pcm` (little-endian integer samples) unless given, e.g. `ulaw` for 8-bit G.711 μ-law.
 */
export interface PcmLayout {
  format?: 'pcm' | 'ulaw' | 'alaw'
  sampleRate: number
  channels: number
  sampleWidth: number
}

// Decoders of compressed formats hand out 16-bit samples unless the stream declares a depth (FLAC).
const DECODED_WIDTH = 2

/**
 * `format`, `sampleRate`, `channels` and `sampleWidth` read from the bytes: the WAV header, the first
 * MP3 or ADTS frame header, the Opus/Vorbis head packet, FLAC's STREAMINFO. `undefined` when the bytes
 * are no container it recognises, or one whose fields it cannot read (WebM, MP4, AIFF, Ogg FLAC).
 */
export function readAudioInfo(bytes: Uint8Array): AudioInfo | undefined {
  const format = sniffAudioFormat(bytes)
  switch (format) {
    case 'wav': {
      const { sampleRate, channels, sampleWidth } = parseWav(bytes)
      return { format, sampleRate, channels, sampleWidth }
    }
    case 'mp3': {
      const { sampleRate, channels } = readMp3FrameHeader(bytes)
      return { format, sampleRate, channels, sampleWidth: DECODED_WIDTH }
    }
    case 'aac': {
      let offset = id3v2Length(bytes)
      while (bytes[offset] === 0) offset++
      const frame = parseAdtsAt(bytes, offset)
      if (frame === undefined || frame.channels === 0) return undefined
      return { format, sampleRate: frame.sampleRate, channels: frame.channels, sampleWidth: DECODED_WIDTH }
    }
    case 'opus':
    case 'ogg': {
      const { sampleRate, channels } = readOggHead(bytes)
      if (sampleRate === undefined || channels === undefined) return undefined
      return { format, sampleRate, channels, sampleWidth: DECODED_WIDTH }
    }
    case 'flac': {
      const info = readFlacStreamInfo(bytes)
      if (info === undefined) return undefined
      return {
        format,
        sampleRate: info.sampleRate,
        channels: info.channels,
        sampleWidth: Math.ceil(info.bitsPerSample / 8),
      }
    }
    default:
      return undefined
  }
}

/**
 * An honest `Audio` for bytes a provider returned: the fields its header declares where it has one
 * (whatever the response was labelled), else `pcm` with the layout the provider documents for raw
 * output. Throws `AudioFormatError` (`AUDIO_UNRECOGNIZED`) for headerless bytes when no layout is given,
 * and (`AUDIO_INVALID`) for PCM whose length is not a whole number of frames.
 */
export function audioFromBytes(data: Uint8Array, pcm?: PcmLayout): Audio {
  const info = readAudioInfo(data)
  if (info !== undefined) return { data, ...info }
  const sniffed = sniffAudioFormat(data)
  if (pcm === undefined || sniffed !== undefined) {
    throw new AudioFormatError(
      'AUDIO_UNRECOGNIZED',
      sniffed === undefined
        ? `Cannot tell what ${data.byteLength} bytes of audio are (first bytes ${hexPreview(data)}): no known header, and no PCM layout was given.`
        : `The audio is ${sniffed}, whose sample rate and channels this package cannot read; ask the provider for wav, mp3 or pcm.`,
    )
  }
  const frame = pcm.channels * pcm.sampleWidth
  if (data.byteLength % frame !== 0) {
    throw new AudioFormatError(
      'AUDIO_INVALID',
      `${data.byteLength} bytes of PCM are not a whole number of ${frame}-byte frames (${pcm.channels} channel(s) of ${pcm.sampleWidth} bytes): the audio is cut short.`,
    )
  }
  const { format = 'pcm', sampleRate, channels, sampleWidth } = pcm
  return { data, format, sampleRate, channels, sampleWidth }
}
