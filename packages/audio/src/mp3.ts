import { AudioFormatError } from './audio-format-error.js'
import { id3v2Length } from './id3.js'
import { hasAscii, hexPreview } from './internal/bytes.js'

export type MpegVersion = '1' | '2' | '2.5'

/** One MPEG audio frame header, as ISO 11172-3 / 13818-3 lay it out. */
export interface Mp3FrameHeader {
  /** Byte offset of the frame in the buffer read (after any ID3v2 tag). */
  offset: number
  version: MpegVersion
  layer: 1 | 2 | 3
  /** Kilobits per second. */
  bitrate: number
  sampleRate: number
  /** 1 for mono, 2 for stereo, joint stereo and dual channel. */
  channels: 1 | 2
  channelMode: 'stereo' | 'joint-stereo' | 'dual-channel' | 'mono'
  padding: boolean
  /** Whether a 16-bit CRC follows the header. */
  crc: boolean
  samplesPerFrame: number
  /** Length of the whole frame in bytes, header included. */
  frameBytes: number
}

const VERSIONS: readonly (MpegVersion | undefined)[] = ['2.5', undefined, '2', '1']
const LAYERS: readonly (1 | 2 | 3 | undefined)[] = [undefined, 3, 2, 1]
const SAMPLE_RATES: Record<MpegVersion, readonly number[]> = {
  '1': [44100, 48000, 32000],
  '2': [22050, 24000, 16000],
  '2.5': [11025, 12000, 8000],
}
// Kilobits per second by bitrate index 1..14; index 0 is "free format", 15 is forbidden.
const V1_BITRATES = {
  1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
} as const
const V2_BITRATES = {
  1: [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  2: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  3: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
} as const
const CHANNEL_MODES = ['stereo', 'joint-stereo', 'dual-channel', 'mono'] as const

/** The header at `offset`, or why there is none there. */
export function parseFrameHeaderAt(bytes: Uint8Array, offset: number): Mp3FrameHeader | string {
  if (offset + 4 > bytes.byteLength) return `only ${Math.max(0, bytes.byteLength - offset)} bytes left`
  const [b0, b1, b2, b3] = [bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!]
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return 'no frame sync (11 set bits)'
  const version = VERSIONS[(b1 >> 3) & 3]
  const layer = LAYERS[(b1 >> 1) & 3]
  if (version === undefined) return 'the MPEG version bits hold the reserved value 01'
  if (layer === undefined) return 'the layer bits hold the reserved value 00'
  const bitrateIndex = b2 >> 4
  if (bitrateIndex === 0) return 'free-format bitrate (index 0), which this reader does not support'
  if (bitrateIndex === 15) return 'the bitrate index holds the forbidden value 15'
  const sampleRate = SAMPLE_RATES[version][(b2 >> 2) & 3]
  if (sampleRate === undefined) return 'the sample rate index holds the reserved value 3'
  const bitrate = (version === '1' ? V1_BITRATES : V2_BITRATES)[layer][bitrateIndex - 1]!
  const padding = (b2 & 2) !== 0
  const samplesPerFrame = layer === 1 ? 384 : layer === 3 && version !== '1' ? 576 : 1152
  const frameBytes =
    layer === 1
      ? (Math.floor((12 * bitrate * 1000) / sampleRate) + (padding ? 1 : 0)) * 4
      : Math.floor(((samplesPerFrame / 8) * bitrate * 1000) / sampleRate) + (padding ? 1 : 0)
  const channelMode = CHANNEL_MODES[b3 >> 6]!
  return {
    offset,
    version,
    layer,
    bitrate,
    sampleRate,
    channels: channelMode === 'mono' ? 1 : 2,
    channelMode,
    padding,
    crc: (b1 & 1) === 0,
    samplesPerFrame,
    frameBytes,
  }
}

/** Where the first frame must start: after an ID3v2 tag and the zero padding some encoders put after it. */
function firstFrameOffset(bytes: Uint8Array): number {
  let offset = id3v2Length(bytes)
  if (offset > bytes.byteLength) {
    throw new AudioFormatError(
      'MP3_INVALID',
      `Truncated MP3: its ID3v2 tag declares ${offset} bytes but the data holds ${bytes.byteLength}.`,
    )
  }
  while (offset < bytes.byteLength && bytes[offset] === 0) offset++
  return offset
}

/**
 * The header of the first MPEG audio frame, after an ID3v2 tag if there is one. Throws an
 * `AudioFormatError` (code `MP3_INVALID`) when no valid frame header starts there.
 */
export function readMp3FrameHeader(bytes: Uint8Array): Mp3FrameHeader {
  const offset = firstFrameOffset(bytes)
  const header = parseFrameHeaderAt(bytes, offset)
  if (typeof header === 'string') {
    throw new AudioFormatError(
      'MP3_INVALID',
      `Not an MP3 frame at byte ${offset} (found ${hexPreview(bytes, offset, 4)}): ${header}.`,
    )
  }
  return header
}

export interface Mp3Frames {
  first: Mp3FrameHeader
  /** Audio frames counted, a Xing/Info/VBRI header frame left out. */
  frames: number
  /** Decoded samples per channel: the sum of every counted frame's samples. */
  samples: number
  seconds: number
}

/**
 * Walks the frames from the first to the end of the audio: the exact duration of CBR and VBR alike.
 * The walk ends at the end of the bytes or at the first thing that is not a frame (an ID3v1 `TAG`,
 * an APE tag); a last frame cut short still counts, as decoders play what it holds.
 */
export function walkMp3Frames(bytes: Uint8Array): Mp3Frames {
  const first = readMp3FrameHeader(bytes)
  let frames = isVbrHeaderFrame(bytes, first) ? -1 : 0
  let samples = frames * first.samplesPerFrame
  let offset = first.offset
  for (;;) {
    const header = parseFrameHeaderAt(bytes, offset)
    if (typeof header === 'string') break
    frames++
    samples += header.samplesPerFrame
    offset += header.frameBytes
  }
  return { first, frames, samples, seconds: samples / first.sampleRate }
}

/** LAME and Xing write a silent first frame holding "Xing"/"Info" (or Fraunhofer's "VBRI"): not audio. */
function isVbrHeaderFrame(bytes: Uint8Array, frame: Mp3FrameHeader): boolean {
  if (frame.layer !== 3) return false
  const sideInfo = frame.version === '1' ? (frame.channels === 1 ? 17 : 32) : frame.channels === 1 ? 9 : 17
  const xing = frame.offset + 4 + (frame.crc ? 2 : 0) + sideInfo
  return hasAscii(bytes, xing, 'Xing') || hasAscii(bytes, xing, 'Info') || hasAscii(bytes, frame.offset + 36, 'VBRI')
}
