const ADTS_SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350]

/** One AAC ADTS frame header (ISO 14496-3 1.A.2). */
export interface AdtsFrame {
  sampleRate: number
  /** 0 when the channel layout is given in the stream instead of the header. */
  channels: number
  frameBytes: number
  /** Samples per channel in the frame: 1024 per raw data block. */
  samples: number
}

export function parseAdtsAt(bytes: Uint8Array, offset: number): AdtsFrame | undefined {
  if (offset + 7 > bytes.byteLength) return undefined
  const [b0, b1, b2, b3, b4, b5, b6] = bytes.subarray(offset, offset + 7)
  // 12 sync bits, then the layer bits, always 00 (where MPEG audio has 01..11).
  if (b0 !== 0xff || (b1! & 0xf6) !== 0xf0) return undefined
  const sampleRate = ADTS_SAMPLE_RATES[(b2! >> 2) & 0x0f]
  const frameBytes = ((b3! & 0x03) << 11) | (b4! << 3) | (b5! >> 5)
  if (sampleRate === undefined || frameBytes < 7) return undefined
  const channels = ((b2! & 1) << 2) | (b3! >> 6)
  return { sampleRate, channels, frameBytes, samples: ((b6! & 3) + 1) * 1024 }
}

/** Every ADTS frame from `offset` on, while they follow one another. */
export function walkAdts(bytes: Uint8Array, offset: number): { first: AdtsFrame; frames: number; samples: number } {
  const first = parseAdtsAt(bytes, offset)
  if (first === undefined) throw new RangeError('walkAdts: no ADTS frame at the offset given')
  let frames = 0
  let samples = 0
  for (let frame: AdtsFrame | undefined = first; frame !== undefined; frame = parseAdtsAt(bytes, offset)) {
    frames++
    samples += frame.samples
    offset += frame.frameBytes
  }
  return { first, frames, samples }
}
