import { hasAscii } from './internal/bytes.js'

/** The STREAMINFO block of a native FLAC file, which every FLAC file starts with. */
export interface FlacStreamInfo {
  sampleRate: number
  channels: number
  bitsPerSample: number
  /** 0 when the encoder did not know the length. */
  totalSamples: number
}

export function readFlacStreamInfo(bytes: Uint8Array): FlacStreamInfo | undefined {
  // "fLaC", a 4-byte block header, then STREAMINFO: rate, channels, depth and length start at byte 10.
  const at = 8 + 10
  if (!hasAscii(bytes, 0, 'fLaC') || ((bytes[4] ?? 0xff) & 0x7f) !== 0 || at + 8 > bytes.byteLength) return undefined
  const b = bytes.subarray(at, at + 8)
  const sampleRate = (b[0]! << 12) | (b[1]! << 4) | (b[2]! >> 4)
  const channels = ((b[2]! >> 1) & 7) + 1
  const bitsPerSample = (((b[2]! & 1) << 4) | (b[3]! >> 4)) + 1
  const totalSamples = (b[3]! & 0x0f) * 2 ** 32 + ((b[4]! << 24) >>> 0) + (b[5]! << 16) + (b[6]! << 8) + b[7]!
  return { sampleRate, channels, bitsPerSample, totalSamples }
}
