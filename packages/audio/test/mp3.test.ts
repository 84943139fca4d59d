import { describe, expect, it } from 'vitest'
import { AudioFormatError, readMp3FrameHeader, walkMp3Frames } from '../src/index.js'
import { ascii, concat, frame, frameHeader, id3v2 } from './mp3-builder.js'

describe('readMp3FrameHeader', () => {
  // Frame lengths worked out by hand from the standard's formulas (144 * bitrate / rate + padding, …).
  it.each([
    [
      'MPEG-1 Layer III, 128 kbps, 44.1 kHz, joint stereo',
      { version: '1', layer: 3, bitrateIndex: 9, sampleRateIndex: 0, channelMode: 1 },
      {
        version: '1',
        layer: 3,
        bitrate: 128,
        sampleRate: 44100,
        channels: 2,
        channelMode: 'joint-stereo',
        samplesPerFrame: 1152,
        frameBytes: 417,
      },
    ],
    [
      'MPEG-1 Layer III, 320 kbps, 48 kHz, mono, padded',
      { version: '1', layer: 3, bitrateIndex: 14, sampleRateIndex: 1, channelMode: 3, padding: true },
      {
        version: '1',
        bitrate: 320,
        sampleRate: 48000,
        channels: 1,
        channelMode: 'mono',
        padding: true,
        frameBytes: 961,
      },
    ],
    [
      'MPEG-2 Layer III, 64 kbps, 24 kHz, mono',
      { version: '2', layer: 3, bitrateIndex: 8, sampleRateIndex: 1, channelMode: 3 },
      { version: '2', layer: 3, bitrate: 64, sampleRate: 24000, channels: 1, samplesPerFrame: 576, frameBytes: 192 },
    ],
    [
      'MPEG-2 Layer III, 32 kbps, 16 kHz, stereo',
      { version: '2', layer: 3, bitrateIndex: 4, sampleRateIndex: 2, channelMode: 0 },
      { version: '2', bitrate: 32, sampleRate: 16000, channels: 2, frameBytes: 144 },
    ],
    [
      'MPEG-2.5 Layer III, 8 kbps, 8 kHz, mono',
      { version: '2.5', layer: 3, bitrateIndex: 1, sampleRateIndex: 2, channelMode: 3 },
      { version: '2.5', bitrate: 8, sampleRate: 8000, channels: 1, samplesPerFrame: 576, frameBytes: 72 },
    ],
    [
      'MPEG-2.5 Layer III, 16 kbps, 11.025 kHz, dual channel',
      { version: '2.5', layer: 3, bitrateIndex: 2, sampleRateIndex: 0, channelMode: 2 },
      { version: '2.5', sampleRate: 11025, channels: 2, channelMode: 'dual-channel', frameBytes: 104 },
    ],
    [
      'MPEG-1 Layer II, 192 kbps, 32 kHz',
      { version: '1', layer: 2, bitrateIndex: 10, sampleRateIndex: 2 },
      { layer: 2, bitrate: 192, sampleRate: 32000, samplesPerFrame: 1152, frameBytes: 864 },
    ],
    [
      'MPEG-1 Layer I, 384 kbps, 48 kHz',
      { version: '1', layer: 1, bitrateIndex: 12, sampleRateIndex: 1 },
      { layer: 1, bitrate: 384, sampleRate: 48000, samplesPerFrame: 384, frameBytes: 384 },
    ],
    [
      'MPEG-2 Layer I, 256 kbps, 22.05 kHz, padded',
      { version: '2', layer: 1, bitrateIndex: 14, sampleRateIndex: 0, padding: true },
      { layer: 1, bitrate: 256, sampleRate: 22050, frameBytes: 560 },
    ],
  ] as const)('%s', (_, spec, expected) => {
    const header = readMp3FrameHeader(concat(frameHeader(spec), new Uint8Array(16)))
    expect(header).toMatchObject({ offset: 0, ...expected })
  })

  it('skips an ID3v2 tag, its footer and zero padding after it', () => {
    const bytes = concat(id3v2(300, { footer: true }), new Uint8Array(5), frame({ version: '2', length: 208 }))
    expect(readMp3FrameHeader(bytes)).toMatchObject({ offset: 10 + 300 + 10 + 5, version: '2', sampleRate: 22050 })
  })

  it('reads a tag size of more than 127 bytes as syncsafe (7 bits a byte)', () => {
    const bytes = concat(id3v2(20_000), frameHeader())
    expect(readMp3FrameHeader(bytes).offset).toBe(20_010)
  })

  it('flags a CRC-protected frame', () => {
    expect(readMp3FrameHeader(frameHeader({ crc: true })).crc).toBe(true)
    expect(readMp3FrameHeader(frameHeader()).crc).toBe(false)
  })

  it.each([
    ['garbage', ascii('hello, world'), /Not an MP3 frame at byte 0 \(found 68 65 6c 6c\): no frame sync/],
    ['no bytes', new Uint8Array(0), /only 0 bytes left/],
    ['a header cut short', Uint8Array.of(0xff, 0xfb, 0x90), /only 3 bytes left/],
    ['the reserved version', Uint8Array.of(0xff, 0xeb, 0x90, 0), /reserved value 01/],
    ['the reserved layer', Uint8Array.of(0xff, 0xf9, 0x90, 0), /layer bits hold the reserved value 00/],
    ['the forbidden bitrate', frameHeader({ bitrateIndex: 15 }), /forbidden value 15/],
    ['a free-format bitrate', frameHeader({ bitrateIndex: 0 }), /free-format/],
    ['the reserved sample rate', frameHeader({ sampleRateIndex: 3 }), /sample rate index holds the reserved value 3/],
    ['a tag and nothing after it', id3v2(20), /Not an MP3 frame at byte 30/],
    ['a tag longer than the data', id3v2(20).subarray(0, 15), /ID3v2 tag declares 30 bytes but the data holds 15/],
  ])('refuses %s with an MP3_INVALID AudioFormatError', (_, bytes, message) => {
    expect(() => readMp3FrameHeader(bytes)).toThrow(message)
    try {
      readMp3FrameHeader(bytes)
    } catch (error) {
      expect(error).toBeInstanceOf(AudioFormatError)
      expect((error as AudioFormatError).code).toBe('MP3_INVALID')
    }
  })
})

describe('walkMp3Frames', () => {
  it('counts every frame of a CBR stream: duration = frames x samples per frame / rate', () => {
    const one = frame({ version: '1', bitrateIndex: 9, sampleRateIndex: 0, length: 417 })
    const bytes = concat(id3v2(40), ...Array.from({ length: 100 }, () => one))
    expect(walkMp3Frames(bytes)).toMatchObject({ frames: 100, samples: 115_200, seconds: 115_200 / 44100 })
  })

  it('follows the length of each frame of a VBR stream, padding included', () => {
    const frames = [
      frame({ version: '2', bitrateIndex: 8, sampleRateIndex: 1, length: 192 }),
      frame({ version: '2', bitrateIndex: 14, sampleRateIndex: 1, length: 480 }),
      frame({ version: '2', bitrateIndex: 1, sampleRateIndex: 1, padding: true, length: 25 }),
    ]
    expect(walkMp3Frames(concat(...frames))).toMatchObject({ frames: 3, samples: 1728, seconds: 0.072 })
  })

  it('leaves out a Xing/Info header frame and stops at an ID3v1 tag', () => {
    const info = frame({ version: '1', channelMode: 3, length: 417 })
    info.set(ascii('Info'), 4 + 17)
    const audio = frame({ version: '1', channelMode: 3, length: 417 })
    const id3v1 = concat(ascii('TAG'), new Uint8Array(125))
    expect(walkMp3Frames(concat(info, audio, audio, id3v1))).toMatchObject({ frames: 2, samples: 2304 })
  })

  it('counts a last frame cut short, as players play it', () => {
    const one = frame({ length: 417 })
    expect(walkMp3Frames(concat(one, one.subarray(0, 100))).frames).toBe(2)
  })
})
