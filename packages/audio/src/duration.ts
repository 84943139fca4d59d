import type { Audio } from '@russo/cache'
import { walkAdts } from './adts.js'
import { AudioFormatError } from './audio-format-error.js'
import { readFlacStreamInfo } from './flac.js'
import { id3v2Length } from './id3.js'
import { walkMp3Frames } from './mp3.js'
import { lastGranule, readOggHead } from './ogg.js'
import { assertPcmFields, isRawPcmLabel } from './pcm.js'
import { sniffAudioFormat } from './sniff.js'
import { parseWav } from './wav.js'

/**
 * How long the audio plays, in seconds, read from the bytes rather than the label: WAV from its data
 * chunk, MP3 and AAC (ADTS) by walking every frame (exact for CBR and VBR), FLAC from STREAMINFO,
 * Ogg from the last page's granule position, headerless PCM (and μ-law, A-law) from its length and
 * the `Audio` fields.
 * Throws `AudioFormatError` for containers it cannot time (WebM, MP4, AIFF) and for bytes it cannot read.
 */
export function audioDuration(audio: Audio): number {
  const { data } = audio
  const sniffed = sniffAudioFormat(data)
  switch (sniffed) {
    case 'wav':
      return parseWav(data).durationSeconds
    case 'mp3':
      return walkMp3Frames(data).seconds
    case 'aac': {
      let offset = id3v2Length(data)
      while (data[offset] === 0) offset++
      const { first, samples } = walkAdts(data, offset)
      return samples / first.sampleRate
    }
    case 'flac': {
      const info = readFlacStreamInfo(data)
      if (info !== undefined && info.totalSamples > 0) return info.totalSamples / info.sampleRate
      break
    }
    case 'ogg':
    case 'opus': {
      const head = readOggHead(data)
      const granule = lastGranule(data)
      if (head.sampleRate !== undefined && granule !== undefined && granule >= 0n) {
        return Math.max(0, Number(granule) - (head.preSkip ?? 0)) / head.sampleRate
      }
      break
    }
    case undefined:
      // G.711 μ-law and A-law are headerless too: one byte a sample.
      if (isRawPcmLabel(audio.format) || /^(ulaw|alaw)$/i.test(audio.format)) {
        assertPcmFields(audio, 'audioDuration')
        return Math.floor(data.byteLength / (audio.channels * audio.sampleWidth)) / audio.sampleRate
      }
      throw new AudioFormatError(
        'AUDIO_UNRECOGNIZED',
        `audioDuration: the audio is labelled "${audio.format}" but its bytes have no header of that or any known format.`,
      )
  }
  throw new AudioFormatError(
    'AUDIO_UNRECOGNIZED',
    `audioDuration: cannot time ${sniffed} audio from its headers (${data.byteLength} bytes).`,
  )
}
