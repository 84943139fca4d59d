import { hasAscii } from './internal/bytes.js'

const ID3_HEADER_BYTES = 10

/**
 * Length of the ID3v2 tag at the start of `bytes` (header, body and footer), or 0 when there is none.
 * The size is "syncsafe": four bytes of seven bits each.
 */
export function id3v2Length(bytes: Uint8Array): number {
  if (!hasAscii(bytes, 0, 'ID3') || bytes.byteLength < ID3_HEADER_BYTES) return 0
  const size = [6, 7, 8, 9].reduce((n, i) => n * 128 + ((bytes[i] ?? 0) & 0x7f), 0)
  const footer = ((bytes[5] ?? 0) & 0x10) !== 0 ? ID3_HEADER_BYTES : 0
  return ID3_HEADER_BYTES + size + footer
}
