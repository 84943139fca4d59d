import { parseAdtsAt } from './adts.js'
import { id3v2Length } from './id3.js'
import { hasAscii } from './internal/bytes.js'
import { parseFrameHeaderAt } from './mp3.js'
import { isOgg, readOggHead } from './ogg.js'

/** Containers and streams `sniffAudioFormat` recognises by their first bytes. */
export type SniffedFormat = 'wav' | 'mp3' | 'aac' | 'ogg' | 'opus' | 'flac' | 'webm' | 'mkv' | 'mp4' | 'aiff'

/**
 * The format the bytes themselves declare, whatever they are labelled: `'wav'` (RIFF/WAVE), `'mp3'`
 * (an ID3v2 tag, or two MPEG audio frames in a row), `'aac'` (ADTS), `'opus'` (Opus in Ogg), `'ogg'`
 * (any other Ogg stream), `'flac'`, `'webm'` / `'mkv'` (Matroska), `'mp4'` (ISO BMFF: m4a, mp4),
 * `'aiff'`. `undefined` for anything else, raw PCM included: PCM has no header to recognise.
 */
export function sniffAudioFormat(bytes: Uint8Array): SniffedFormat | undefined {
  if (hasAscii(bytes, 0, 'RIFF') && hasAscii(bytes, 8, 'WAVE')) return 'wav'
  if (hasAscii(bytes, 0, 'fLaC')) return 'flac'
  if (isOgg(bytes)) return readOggHead(bytes).codec === 'opus' ? 'opus' : 'ogg'
  if (hasAscii(bytes, 0, 'FORM') && (hasAscii(bytes, 8, 'AIFF') || hasAscii(bytes, 8, 'AIFC'))) return 'aiff'
  if (hasAscii(bytes, 4, 'ftyp')) return 'mp4'
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    return matroskaDocType(bytes) === 'webm' ? 'webm' : 'mkv'
  }
  const tag = id3v2Length(bytes)
  if (tag > 0) return parseAdtsAt(bytes, skipZeros(bytes, tag)) !== undefined ? 'aac' : 'mp3'
  if (isFramed(bytes)) return 'mp3'
  if (isAdtsStream(bytes)) return 'aac'
  return undefined
}

function skipZeros(bytes: Uint8Array, offset: number): number {
  while (offset < bytes.byteLength && bytes[offset] === 0) offset++
  return offset
}

// One plausible frame header can be chance (16-bit PCM of -1025 is ff fb): where the bytes hold a
// second frame, it must follow the first with the same version, layer and rate.
function isFramed(bytes: Uint8Array): boolean {
  const first = parseFrameHeaderAt(bytes, 0)
  if (typeof first === 'string') return false
  if (first.frameBytes + 4 > bytes.byteLength) return bytes.byteLength <= first.frameBytes
  const next = parseFrameHeaderAt(bytes, first.frameBytes)
  return (
    typeof next !== 'string' &&
    next.version === first.version &&
    next.layer === first.layer &&
    next.sampleRate === first.sampleRate
  )
}

function isAdtsStream(bytes: Uint8Array): boolean {
  const first = parseAdtsAt(bytes, 0)
  if (first === undefined) return false
  if (first.frameBytes + 7 > bytes.byteLength) return bytes.byteLength <= first.frameBytes
  return parseAdtsAt(bytes, first.frameBytes)?.sampleRate === first.sampleRate
}

/** The EBML DocType ("webm" or "matroska"), looked for in the header's first bytes. */
function matroskaDocType(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 64)
  for (let i = 0; i + 2 < head.byteLength; i++) {
    // DocType element id 0x4282, then a one-byte size 0x8n.
    if (head[i] === 0x42 && head[i + 1] === 0x82 && (head[i + 2]! & 0xf0) === 0x80) {
      const size = head[i + 2]! & 0x0f
      return String.fromCharCode(...head.subarray(i + 3, i + 3 + size))
    }
  }
  return undefined
}
