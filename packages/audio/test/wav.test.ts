import { describe, expect, it } from 'vitest'
import { parseWav, WavFormatError } from '../src/index.js'
import { chunk, fmtChunk, wavFile } from './wav-builder.js'

describe('parseWav', () => {
  it('reads the fmt chunk and the length of the data chunk', () => {
    const info = parseWav(wavFile([fmtChunk({ channels: 2, sampleRate: 44100 }), chunk('data', 44100 * 4)]))
    expect(info).toEqual({
      formatTag: 1,
      channels: 2,
      sampleRate: 44100,
      bitsPerSample: 16,
      sampleWidth: 2,
      blockAlign: 4,
      dataOffset: 44,
      dataBytes: 176400,
      frames: 44100,
      durationSeconds: 1,
    })
  })

  it('skips other chunks, pads odd-sized ones, and allows a longer fmt chunk', () => {
    const bytes = wavFile([
      chunk('LIST', 7),
      fmtChunk({ bitsPerSample: 24, extraBytes: 2 }),
      chunk('fact', 4),
      chunk('data', 30),
    ])
    const info = parseWav(bytes)
    expect(info).toMatchObject({ sampleWidth: 3, bitsPerSample: 24, dataBytes: 30, frames: 10 })
    expect(info.dataOffset).toBe(12 + (8 + 8) + (8 + 18) + (8 + 4) + 8)
  })

  it('counts only the data present when the header claims more (a streamed WAV)', () => {
    const info = parseWav(wavFile([fmtChunk(), chunk('data', 100, 0xffffffff)]))
    expect(info).toMatchObject({ dataBytes: 100, frames: 50 })
  })

  it('reads a WAV inside a larger buffer (a Buffer slice from a pool)', () => {
    const file = wavFile([fmtChunk(), chunk('data', 10)])
    const pool = new Uint8Array(file.length + 16)
    pool.set(file, 16)
    expect(parseWav(pool.subarray(16)).frames).toBe(5)
  })

  it.each([
    ['not RIFF', wavFile([fmtChunk(), chunk('data', 2)], { riff: 'RIFX' }), /RIFF\.\.\.\.WAVE/],
    ['not WAVE', wavFile([fmtChunk(), chunk('data', 2)], { wave: 'AVI ' }), /RIFF\.\.\.\.WAVE/],
    ['too short', new Uint8Array(8), /RIFF\.\.\.\.WAVE/],
    ['no fmt', wavFile([chunk('data', 2)]), /"data" chunk comes before "fmt "/],
    ['no data', wavFile([fmtChunk(), chunk('LIST', 4)]), /no "data" chunk/],
    ['empty', wavFile([]), /no "fmt " chunk/],
    ['short fmt', wavFile([chunk('fmt ', 12), chunk('data', 2)]), /at least 16/],
    ['zero channels', wavFile([fmtChunk({ channels: 0 }), chunk('data', 2)]), /do not describe audio/],
  ])('refuses a file with %s', (_, bytes, message) => {
    expect(() => parseWav(bytes)).toThrow(message)
    expect(() => parseWav(bytes)).toThrow(WavFormatError)
  })

  it('gives its errors the code WAV_INVALID', () => {
    try {
      parseWav(new Uint8Array(0))
      expect.unreachable()
    } catch (error) {
      expect((error as WavFormatError).code).toBe('WAV_INVALID')
    }
  })
})
