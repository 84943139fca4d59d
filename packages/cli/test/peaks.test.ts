import { describe, expect, test } from 'vitest'
import { PEAK_COUNT, peaksOf } from '../src/internal/peaks.js'

const decode = (base64: string | null) => [...Buffer.from(base64 ?? '', 'base64')]

/** A ramp of loudness: the first half at `low`, the second at `high` (as fractions of full scale). */
function steps(width: 1 | 2, low: number, high: number, frames = 1600): Uint8Array {
  const data = Buffer.alloc(frames * width)
  for (let i = 0; i < frames; i++) {
    const level = (i < frames / 2 ? low : high) * (i % 2 ? 1 : -1)
    if (width === 2) data.writeInt16LE(Math.round(level * 32_767), i * 2)
    else data.writeUInt8(Math.min(255, Math.round(128 + level * 128)), i)
  }
  return new Uint8Array(data)
}

describe('waveform peaks', () => {
  test('16-bit PCM: the loudest sample of each slice, 0-255', () => {
    const peaks = decode(
      peaksOf({ data: steps(2, 0.25, 1), format: 'pcm', sampleRate: 16_000, channels: 1, sampleWidth: 2 }),
    )
    expect(peaks).toHaveLength(PEAK_COUNT)
    expect(new Set(peaks.slice(0, PEAK_COUNT / 2))).toEqual(new Set([64]))
    expect(new Set(peaks.slice(PEAK_COUNT / 2))).toEqual(new Set([255]))
  })

  test('8-bit PCM takes the generic reader and agrees', () => {
    const peaks = decode(
      peaksOf({ data: steps(1, 0.25, 1), format: 'pcm', sampleRate: 8000, channels: 1, sampleWidth: 1 }),
    )
    expect(new Set(peaks.slice(0, PEAK_COUNT / 2))).toEqual(new Set([64]))
    expect(new Set(peaks.slice(PEAK_COUNT / 2))).toEqual(new Set([255]))
  })

  test('compressed audio has none', () => {
    const mp3 = new Uint8Array(417 * 3)
    for (let i = 0; i < 3; i++) mp3.set([0xff, 0xfb, 0x90, 0x00], i * 417)
    expect(peaksOf({ data: mp3, format: 'mp3', sampleRate: 44_100, channels: 2, sampleWidth: 2 })).toBeNull()
  })
})
