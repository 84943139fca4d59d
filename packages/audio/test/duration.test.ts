import { describe, expect, it } from 'vitest'
import { audioDuration } from '../src/index.js'
import { adtsFrame, flacFile, matroska, oggPage, opusHead, vorbisId } from './container-builder.js'
import { ascii, concat, frame, id3v2 } from './mp3-builder.js'
import { chunk, fmtChunk, wavFile } from './wav-builder.js'

const fields = { sampleRate: 24000, channels: 1, sampleWidth: 2 }

describe('audioDuration', () => {
  it('times a WAV by its data chunk, whatever the Audio fields say', () => {
    const data = wavFile([fmtChunk({ sampleRate: 16000 }), chunk('data', 16000 * 2 * 3)])
    expect(audioDuration({ data, format: 'wav', ...fields })).toBe(3)
  })

  it("times headerless PCM by its length and fields, also when labelled wav (Python russo's Gemini entries)", () => {
    expect(audioDuration({ data: new Uint8Array(48000), format: 'pcm', ...fields })).toBe(1)
    expect(audioDuration({ data: new Uint8Array(12000), format: 'wav', ...fields })).toBe(0.25)
    expect(
      audioDuration({ data: new Uint8Array(44100 * 4), format: 'l16', sampleRate: 44100, channels: 2, sampleWidth: 2 }),
    ).toBe(1)
    expect(
      audioDuration({ data: new Uint8Array(4000), format: 'ulaw', sampleRate: 8000, channels: 1, sampleWidth: 1 }),
    ).toBe(0.5)
  })

  it('times an MP3 by walking its frames, ID3 tags around them left out', () => {
    const one = frame({ version: '2', bitrateIndex: 8, sampleRateIndex: 1, channelMode: 3, length: 192 })
    const data = concat(id3v2(100), ...Array.from({ length: 250 }, () => one), ascii('TAG'), new Uint8Array(125))
    expect(audioDuration({ data, format: 'mp3', ...fields })).toBe(6)
  })

  it('times MP3 bytes labelled pcm as MP3: the bytes decide, not the label', () => {
    const one = frame({ length: 417 })
    const data = concat(...Array.from({ length: 10 }, () => one))
    expect(audioDuration({ data, format: 'pcm', ...fields })).toBeCloseTo(11520 / 44100, 12)
  })

  it('times AAC (ADTS) frames, FLAC from STREAMINFO and Ogg from the last granule position', () => {
    const aac = concat(...Array.from({ length: 48 }, () => adtsFrame({ sampleRateIndex: 8, blocks: 2 })))
    expect(audioDuration({ data: aac, format: 'aac', ...fields })).toBeCloseTo((48 * 2048) / 16000, 12)
    expect(
      audioDuration({ data: flacFile({ sampleRate: 48000, totalSamples: 2 ** 33 }), format: 'flac', ...fields }),
    ).toBe(2 ** 33 / 48000)
    const opus = concat(oggPage(opusHead({ preSkip: 312 })), oggPage(new Uint8Array(40), 48312n))
    expect(audioDuration({ data: opus, format: 'opus', ...fields })).toBe(1)
    const vorbis = concat(oggPage(vorbisId({ sampleRate: 22050 })), oggPage(new Uint8Array(300), 44100n))
    expect(audioDuration({ data: vorbis, format: 'ogg', ...fields })).toBe(2)
  })

  it.each([
    [
      'bytes with no header labelled mp3',
      { data: new Uint8Array(100), format: 'mp3' },
      /labelled "mp3" but its bytes have no header/,
    ],
    ['WebM', { data: matroska('webm'), format: 'webm' }, /cannot time webm audio/],
    ['FLAC of unknown length', { data: flacFile(), format: 'flac' }, /cannot time flac audio/],
    ['a truncated WAV', { data: wavFile([fmtChunk()]).subarray(0, 30), format: 'wav' }, /Malformed WAV file/],
    [
      'PCM with a zero sample rate',
      { data: new Uint8Array(10), format: 'pcm', sampleRate: 0 },
      /audio.sampleRate must be a positive integer, got 0/,
    ],
  ])('refuses %s with an AudioFormatError', (_, partial, message) => {
    const audio = { ...fields, ...partial }
    expect(() => audioDuration(audio)).toThrow(message)
    expect(() => audioDuration(audio)).toThrow(
      expect.objectContaining({ name: expect.stringMatching(/FormatError$/), code: expect.any(String) }),
    )
  })
})
