import { describe, expect, it } from 'vitest'
import { sniffAudioFormat } from '../src/index.js'
import { adtsFrame, aiff, flacFile, matroska, mp4, oggPage, opusHead, vorbisId } from './container-builder.js'
import { ascii, concat, frame, frameHeader, id3v2 } from './mp3-builder.js'
import { chunk, fmtChunk, wavFile } from './wav-builder.js'

describe('sniffAudioFormat', () => {
  const mp3Frame = frame({ length: 417 })

  it.each([
    ['wav', wavFile([fmtChunk(), chunk('data', 4)])],
    ['mp3', concat(mp3Frame, mp3Frame)],
    ['mp3', concat(id3v2(64), mp3Frame)],
    ['mp3', frame({ version: '2.5', bitrateIndex: 1, sampleRateIndex: 2, length: 72 })],
    ['aac', concat(adtsFrame(), adtsFrame())],
    ['aac', concat(id3v2(16), adtsFrame())],
    ['opus', oggPage(opusHead())],
    ['ogg', oggPage(vorbisId())],
    ['ogg', oggPage(concat(Uint8Array.of(0x7f), ascii('FLAC')))],
    ['flac', flacFile()],
    ['webm', matroska('webm')],
    ['mkv', matroska('matroska')],
    ['mp4', mp4()],
    ['aiff', aiff()],
  ] as const)('recognises %s', (format, bytes) => {
    expect(sniffAudioFormat(bytes)).toBe(format)
  })

  it.each([
    ['no bytes', new Uint8Array(0)],
    ['text', ascii('{"error": "quota exceeded"}')],
    ['silence as 16-bit PCM', new Uint8Array(4800)],
    ['RIFF that is not WAVE', concat(ascii('RIFF'), new Uint8Array(4), ascii('AVI '))],
    // 16-bit samples -1025 then 0x9000 look like an MPEG-1 Layer III header; the next frame is missing.
    ['PCM that happens to start like an MP3 frame', concat(frameHeader(), new Uint8Array(2000))],
  ])('finds nothing in %s', (_, bytes) => {
    expect(sniffAudioFormat(bytes)).toBeUndefined()
  })

  it('reads a WAV inside a larger buffer (a Buffer slice from a pool)', () => {
    const file = wavFile([fmtChunk(), chunk('data', 4)])
    const pool = new Uint8Array(file.length + 7)
    pool.set(file, 7)
    expect(sniffAudioFormat(pool.subarray(7))).toBe('wav')
  })
})
