import { describe, expect, it } from 'vitest'
import { type AudioFormatError, audioFromBytes, readAudioInfo } from '../src/index.js'
import { adtsFrame, flacFile, matroska, oggPage, opusHead, vorbisId } from './container-builder.js'
import { concat, frame, id3v2 } from './mp3-builder.js'
import { chunk, fmtChunk, wavFile } from './wav-builder.js'

const PCM_24K = { sampleRate: 24000, channels: 1, sampleWidth: 2 }

describe('readAudioInfo', () => {
  it.each([
    [
      'wav',
      wavFile([fmtChunk({ channels: 2, sampleRate: 16000, bitsPerSample: 24 }), chunk('data', 12)]),
      { format: 'wav', sampleRate: 16000, channels: 2, sampleWidth: 3 },
    ],
    [
      'mp3 after a tag',
      concat(id3v2(10), frame({ version: '2', sampleRateIndex: 1, channelMode: 3, bitrateIndex: 8, length: 192 })),
      { format: 'mp3', sampleRate: 24000, channels: 1, sampleWidth: 2 },
    ],
    [
      'aac',
      concat(adtsFrame({ sampleRateIndex: 3, channels: 2 }), adtsFrame({ sampleRateIndex: 3, channels: 2 })),
      { format: 'aac', sampleRate: 48000, channels: 2, sampleWidth: 2 },
    ],
    [
      'opus (always 48 kHz)',
      oggPage(opusHead({ channels: 1, inputRate: 24000 })),
      { format: 'opus', sampleRate: 48000, channels: 1, sampleWidth: 2 },
    ],
    [
      'vorbis',
      oggPage(vorbisId({ channels: 2, sampleRate: 22050 })),
      { format: 'ogg', sampleRate: 22050, channels: 2, sampleWidth: 2 },
    ],
    [
      'flac',
      flacFile({ sampleRate: 96000, channels: 1, bitsPerSample: 24 }),
      { format: 'flac', sampleRate: 96000, channels: 1, sampleWidth: 3 },
    ],
  ])('reads %s from its header', (_, bytes, info) => {
    expect(readAudioInfo(bytes)).toEqual(info)
  })

  it('has nothing to say about raw PCM or a container it cannot read', () => {
    expect(readAudioInfo(new Uint8Array(100))).toBeUndefined()
    expect(readAudioInfo(matroska('webm'))).toBeUndefined()
  })
})

describe('audioFromBytes', () => {
  it('believes the header over the layout given for raw output', () => {
    const mp3 = concat(frame({ length: 417 }), frame({ length: 417 }))
    expect(audioFromBytes(mp3, PCM_24K)).toMatchObject({ format: 'mp3', sampleRate: 44100, channels: 2 })
  })

  it('labels headerless bytes pcm with the layout given', () => {
    const data = new Uint8Array(480)
    expect(audioFromBytes(data, PCM_24K)).toEqual({ data, format: 'pcm', ...PCM_24K })
  })

  it('labels headerless bytes with the format the layout names (8-bit μ-law)', () => {
    const data = new Uint8Array(80)
    const layout = { format: 'ulaw', sampleRate: 8000, channels: 1, sampleWidth: 1 } as const
    expect(audioFromBytes(data, layout)).toEqual({ data, ...layout })
  })

  it('refuses headerless bytes without a layout, showing the first bytes', () => {
    expect(() => audioFromBytes(Uint8Array.of(1, 2, 3, 4))).toThrow(
      /first bytes 01 02 03 04\): no known header, and no PCM layout/,
    )
  })

  it('refuses PCM cut mid-sample, and a container whose fields it cannot read', () => {
    expect(() => audioFromBytes(new Uint8Array(481), PCM_24K)).toThrow(
      /481 bytes of PCM are not a whole number of 2-byte frames/,
    )
    const error = (() => {
      try {
        audioFromBytes(matroska('webm'), PCM_24K)
      } catch (e) {
        return e as AudioFormatError
      }
    })()
    expect(error?.code).toBe('AUDIO_UNRECOGNIZED')
    expect(error?.message).toMatch(/The audio is webm/)
  })
})
