import type { Audio } from '../types.js'

/** Sizes a streaming writer puts in a WAV header before it knows the length: not a promise of data. */
const STREAMING_SIZES = new Set([0, 0xffffffff])
const TEXT_SAMPLE_BYTES = 256

/**
 * Why `audio` is not audio worth caching, or `undefined`. Cheap checks that catch what a provider
 * really sends by mistake: an error page or JSON body passed off as raw samples, a container whose
 * header declares more data than arrived (a body cut short). Deliberately not a decoder, and raw
 * bytes are not judged by their length: what a provider's PCM looks like is the adapter's knowledge.
 */
export function audioProblem(audio: Audio): string | undefined {
  const { data } = audio
  const text = textDocument(data)
  if (text !== undefined) return `the bytes are ${text}, not audio`
  return isRiffWave(data) ? wavTruncation(data) : undefined
}

/** 'an HTML page' / 'a JSON document' / 'text' when the first bytes are printable text opening a document. */
function textDocument(data: Uint8Array): string | undefined {
  const sample = data.subarray(0, TEXT_SAMPLE_BYTES)
  let first: number | undefined
  for (const byte of sample) {
    const printable = byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte <= 0x7e)
    if (!printable) return undefined
    if (first === undefined && byte > 0x20) first = byte
  }
  if (first === 0x3c) return 'an HTML or XML page'
  if (first === 0x7b || first === 0x5b) return 'a JSON document'
  return undefined
}

function isRiffWave(data: Uint8Array): boolean {
  return data.byteLength >= 12 && ascii(data, 0) === 'RIFF' && ascii(data, 8) === 'WAVE'
}

/** Walks the chunks to `data`; a declared data size past the end of the bytes means they were cut. */
function wavTruncation(data: Uint8Array): string | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  let offset = 12
  while (offset + 8 <= data.byteLength) {
    const id = ascii(data, offset)
    const size = view.getUint32(offset + 4, true)
    if (id === 'data') {
      const arrived = data.byteLength - offset - 8
      if (STREAMING_SIZES.has(size) || size <= arrived) return undefined
      return `truncated WAV: its header declares ${size} data bytes, ${arrived} arrived`
    }
    offset += 8 + size + (size % 2)
  }
  return offset > data.byteLength ? 'truncated WAV: a chunk runs past the end of the bytes' : undefined
}

function ascii(data: Uint8Array, at: number): string {
  return String.fromCharCode(data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0, data[at + 3] ?? 0)
}
