import { WavFormatError } from './audio-format-error.js'

/** What a RIFF/WAVE file says about itself, read from its `fmt ` and `data` chunks. */
export interface WavInfo {
  /** The `fmt ` chunk's format tag: 1 is integer PCM, 3 IEEE float, 0xfffe WAVE_FORMAT_EXTENSIBLE. */
  formatTag: number
  channels: number
  sampleRate: number
  /** Bits per sample as declared (16 for 16-bit PCM). */
  bitsPerSample: number
  /** Bytes per sample of one channel: `blockAlign / channels`. */
  sampleWidth: number
  /** Bytes per frame (one sample of every channel). */
  blockAlign: number
  /** Offset of the first sample byte in the file. */
  dataOffset: number
  /** Length of the sample data in bytes, as present in the file. */
  dataBytes: number
  /** Number of frames: `dataBytes / blockAlign`. */
  frames: number
  /** `frames / sampleRate`, in seconds. */
  durationSeconds: number
}

const RIFF_HEADER_BYTES = 12
const CHUNK_HEADER_BYTES = 8

/**
 * Reads a WAV file's chunks properly: walks every chunk after `RIFF....WAVE` (skipping `LIST`,
 * `fact` and the like, honouring the pad byte of odd-sized chunks) rather than assuming the
 * canonical 44-byte header.
 */
export function parseWav(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < RIFF_HEADER_BYTES || fourCC(view, 0) !== 'RIFF' || fourCC(view, 8) !== 'WAVE') {
    throw new WavFormatError('Not a WAV file: it does not start with "RIFF....WAVE".')
  }
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'frames' | 'durationSeconds'> | undefined
  let offset = RIFF_HEADER_BYTES
  while (offset + CHUNK_HEADER_BYTES <= bytes.byteLength) {
    const id = fourCC(view, offset)
    const size = view.getUint32(offset + 4, true)
    const body = offset + CHUNK_HEADER_BYTES
    if (id === 'fmt ') {
      fmt = readFmt(view, body, size)
    } else if (id === 'data') {
      if (fmt === undefined) throw new WavFormatError('Malformed WAV file: the "data" chunk comes before "fmt ".')
      // A streamed WAV may declare more data than it holds (size 0xFFFFFFFF): count what is there.
      const dataBytes = Math.min(size, bytes.byteLength - body)
      const frames = Math.floor(dataBytes / fmt.blockAlign)
      return { ...fmt, dataOffset: body, dataBytes, frames, durationSeconds: frames / fmt.sampleRate }
    }
    offset = body + size + (size % 2)
  }
  throw new WavFormatError(
    fmt === undefined ? 'Malformed WAV file: no "fmt " chunk.' : 'Malformed WAV file: no "data" chunk.',
  )
}

function readFmt(view: DataView, body: number, size: number) {
  if (size < 16 || body + 16 > view.byteLength) {
    throw new WavFormatError(`Malformed WAV file: the "fmt " chunk is ${size} bytes, at least 16 expected.`)
  }
  const formatTag = view.getUint16(body, true)
  const channels = view.getUint16(body + 2, true)
  const sampleRate = view.getUint32(body + 4, true)
  const blockAlign = view.getUint16(body + 12, true)
  const bitsPerSample = view.getUint16(body + 14, true)
  if (channels === 0 || sampleRate === 0 || blockAlign === 0 || blockAlign % channels !== 0) {
    throw new WavFormatError(
      `Malformed WAV file: channels ${channels}, sample rate ${sampleRate}, block align ${blockAlign} do not describe audio.`,
    )
  }
  return { formatTag, channels, sampleRate, bitsPerSample, sampleWidth: blockAlign / channels, blockAlign }
}

function fourCC(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  )
}
