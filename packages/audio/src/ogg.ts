import { hasAscii, view } from './internal/bytes.js'

const PAGE_HEADER_BYTES = 27

/** What the first packet of an Ogg stream says: its codec and, where it says them, rate and channels. */
export interface OggHead {
  codec: 'opus' | 'vorbis' | 'flac' | 'speex' | 'unknown'
  sampleRate?: number
  channels?: number
  /** Opus only: samples (at 48 kHz) to drop at the start. */
  preSkip?: number
}

export function isOgg(bytes: Uint8Array): boolean {
  return hasAscii(bytes, 0, 'OggS') && bytes.byteLength >= PAGE_HEADER_BYTES
}

export function readOggHead(bytes: Uint8Array): OggHead {
  const payload = PAGE_HEADER_BYTES + (bytes[26] ?? 0)
  const dv = view(bytes)
  if (hasAscii(bytes, payload, 'OpusHead') && payload + 19 <= bytes.byteLength) {
    // Opus always decodes at 48 kHz; the "input sample rate" field is only informative.
    return {
      codec: 'opus',
      sampleRate: 48000,
      channels: bytes[payload + 9]!,
      preSkip: dv.getUint16(payload + 10, true),
    }
  }
  if (hasAscii(bytes, payload, '\x01vorbis') && payload + 16 <= bytes.byteLength) {
    return { codec: 'vorbis', channels: bytes[payload + 11]!, sampleRate: dv.getUint32(payload + 12, true) }
  }
  if (hasAscii(bytes, payload, '\x7fFLAC')) return { codec: 'flac' }
  if (hasAscii(bytes, payload, 'Speex   ')) return { codec: 'speex' }
  return { codec: 'unknown' }
}

/** The granule position of the last complete page header: the stream's length in samples. */
export function lastGranule(bytes: Uint8Array): bigint | undefined {
  for (let at = bytes.byteLength - PAGE_HEADER_BYTES; at >= 0; at--) {
    if (bytes[at] === 0x4f && hasAscii(bytes, at, 'OggS')) return view(bytes).getBigInt64(at + 6, true)
  }
  return undefined
}
