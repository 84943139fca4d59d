// Builds MPEG audio frames and ID3v2 tags bit by bit, from the tables of ISO 11172-3 / 13818-3, so
// tests check the reader against the standard rather than against its own code.
export interface FrameSpec {
  version?: '1' | '2' | '2.5'
  layer?: 1 | 2 | 3
  bitrateIndex?: number
  sampleRateIndex?: number
  /** 0 stereo, 1 joint stereo, 2 dual channel, 3 mono. */
  channelMode?: number
  padding?: boolean
  crc?: boolean
  /** Bytes of the whole frame; default: what the standard says for these settings. */
  length?: number
}

const VERSION_BITS = { '1': 0b11, '2': 0b10, '2.5': 0b00 } as const
const LAYER_BITS = { 1: 0b11, 2: 0b10, 3: 0b01 } as const

export function frameHeader({
  version = '1',
  layer = 3,
  bitrateIndex = 9,
  sampleRateIndex = 0,
  channelMode = 0,
  padding = false,
  crc = false,
}: FrameSpec = {}): Uint8Array {
  return Uint8Array.of(
    0xff,
    0xe0 | (VERSION_BITS[version] << 3) | (LAYER_BITS[layer] << 1) | (crc ? 0 : 1),
    (bitrateIndex << 4) | (sampleRateIndex << 2) | (padding ? 2 : 0),
    channelMode << 6,
  )
}

/** A whole frame: the header, then zero bytes up to `length`. */
export function frame(spec: FrameSpec & { length: number }): Uint8Array {
  const bytes = new Uint8Array(spec.length)
  bytes.set(frameHeader(spec))
  return bytes
}

export function id3v2(bodyBytes: number, { footer = false } = {}): Uint8Array {
  const tag = new Uint8Array(10 + bodyBytes + (footer ? 10 : 0))
  tag.set([0x49, 0x44, 0x33, 4, 0, footer ? 0x10 : 0])
  for (let i = 0; i < 4; i++) tag[9 - i] = (bodyBytes >> (7 * i)) & 0x7f
  return tag
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0))
}
