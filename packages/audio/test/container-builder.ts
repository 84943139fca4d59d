// Minimal but well-formed headers of the other containers, laid out as their specifications say.
import { ascii, concat } from './mp3-builder.js'

/** One Ogg page (RFC 3533) holding `packet`, with the given granule position. */
export function oggPage(packet: Uint8Array, granule = 0n): Uint8Array {
  const segments: number[] = []
  for (let left = packet.length; ; left -= 255) {
    segments.push(Math.min(left, 255))
    if (left < 255) break
  }
  const header = new Uint8Array(27 + segments.length)
  header.set(ascii('OggS'))
  new DataView(header.buffer).setBigInt64(6, granule, true)
  header[26] = segments.length
  header.set(segments, 27)
  return concat(header, packet)
}

export function opusHead({ channels = 1, preSkip = 312, inputRate = 24000 } = {}): Uint8Array {
  const head = new Uint8Array(19)
  head.set(ascii('OpusHead'))
  const view = new DataView(head.buffer)
  head[8] = 1
  head[9] = channels
  view.setUint16(10, preSkip, true)
  view.setUint32(12, inputRate, true)
  return head
}

export function vorbisId({ channels = 2, sampleRate = 44100 } = {}): Uint8Array {
  const id = new Uint8Array(30)
  id.set(concat(Uint8Array.of(1), ascii('vorbis')))
  id[11] = channels
  new DataView(id.buffer).setUint32(12, sampleRate, true)
  return id
}

export function flacFile({ sampleRate = 44100, channels = 2, bitsPerSample = 16, totalSamples = 0 } = {}): Uint8Array {
  const info = new Uint8Array(34)
  info[10] = sampleRate >> 12
  info[11] = (sampleRate >> 4) & 0xff
  info[12] = ((sampleRate & 0x0f) << 4) | ((channels - 1) << 1) | ((bitsPerSample - 1) >> 4)
  info[13] = (((bitsPerSample - 1) & 0x0f) << 4) | Math.floor(totalSamples / 2 ** 32)
  new DataView(info.buffer).setUint32(14, totalSamples >>> 0)
  // Block header: last-block flag set, type 0 (STREAMINFO), length 34.
  return concat(ascii('fLaC'), Uint8Array.of(0x80, 0, 0, 34), info)
}

/** One AAC ADTS frame of `length` bytes (header included) without CRC. */
export function adtsFrame({ sampleRateIndex = 4, channels = 1, length = 200, blocks = 1 } = {}): Uint8Array {
  const frame = new Uint8Array(length)
  frame.set([
    0xff,
    0xf1,
    (1 << 6) | (sampleRateIndex << 2) | (channels >> 2),
    ((channels & 3) << 6) | (length >> 11),
    (length >> 3) & 0xff,
    ((length & 7) << 5) | 0x1f,
    0xfc | (blocks - 1),
  ])
  return frame
}

export function matroska(docType: string): Uint8Array {
  return concat(
    Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length),
    ascii(docType),
  )
}

export function mp4(): Uint8Array {
  return concat(Uint8Array.of(0, 0, 0, 0x18), ascii('ftypM4A '), new Uint8Array(12))
}

export function aiff(): Uint8Array {
  return concat(ascii('FORM'), Uint8Array.of(0, 0, 0, 4), ascii('AIFF'))
}
