import type { Audio } from '@russo/cache'
import { AudioFormatError } from './audio-format-error.js'
import { assertPcmFields, isRawPcmLabel } from './pcm.js'
import { sniffAudioFormat } from './sniff.js'

const HEADER_BYTES = 44

/**
 * The audio as a playable WAV file. A WAV is returned as it is; headerless PCM (`pcm`, `l16`, and a
 * `wav` with no RIFF header, as Python russo stores Gemini's output) gets a 44-byte PCM header in front
 * of its bytes, which stay byte for byte the data chunk. Samples are taken as little-endian, as every
 * provider here sends them (Gemini's `audio/L16` included, despite RFC 2586). Compressed audio throws
 * `AudioFormatError` (`AUDIO_NOT_PCM`): decode it first.
 */
export function toWav(audio: Audio): Audio {
  const sniffed = sniffAudioFormat(audio.data)
  if (sniffed === 'wav') return audio
  if (sniffed !== undefined || !isRawPcmLabel(audio.format)) {
    throw new AudioFormatError(
      'AUDIO_NOT_PCM',
      `toWav: the audio is ${sniffed ?? `labelled "${audio.format}" and has no known header`}, not raw PCM; only PCM can be wrapped as WAV without decoding.`,
    )
  }
  assertPcmFields(audio, 'toWav')
  const { data, sampleRate, channels, sampleWidth } = audio
  const pad = data.byteLength % 2
  const file = new Uint8Array(HEADER_BYTES + data.byteLength + pad)
  const view = new DataView(file.buffer)
  const ascii = (offset: number, text: string) =>
    file.set(
      Array.from(text, (c) => c.charCodeAt(0)),
      offset,
    )
  ascii(0, 'RIFF')
  view.setUint32(4, file.byteLength - 8, true)
  ascii(8, 'WAVE')
  ascii(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, channels, true)
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * channels * sampleWidth, true)
  view.setUint16(32, channels * sampleWidth, true)
  view.setUint16(34, sampleWidth * 8, true)
  ascii(36, 'data')
  // The data chunk's size is the audio's length; an odd length gets RIFF's pad byte after it.
  view.setUint32(40, data.byteLength, true)
  file.set(data, HEADER_BYTES)
  return { data: file, format: 'wav', sampleRate, channels, sampleWidth }
}
