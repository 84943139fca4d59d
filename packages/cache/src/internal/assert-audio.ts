import type { Audio } from '../types.js'
import { describe } from './describe.js'

/** Checks that a value is usable `Audio`, naming the bad field and what it should be. */
export function assertAudio(value: unknown, name: string): asserts value is Audio {
  if (value === null || typeof value !== 'object') {
    throw new TypeError(
      `${name} must be an Audio object ({ data, format, sampleRate, channels, sampleWidth }), got ${describe(value)}.`,
    )
  }
  const audio = value as Record<string, unknown>
  // By tag, not instanceof: a Buffer from another realm (a Vitest worker's) is still a Uint8Array.
  if (!ArrayBuffer.isView(audio.data) || Object.prototype.toString.call(audio.data) !== '[object Uint8Array]') {
    throw new TypeError(`${name}.data must be a Uint8Array (a Buffer is one), got ${describe(audio.data)}.`)
  }
  if (typeof audio.format !== 'string' || audio.format === '') {
    throw new TypeError(
      `${name}.format must be a non-empty string such as 'wav' or 'mp3', got ${describe(audio.format)}.`,
    )
  }
  for (const field of ['sampleRate', 'channels', 'sampleWidth'] as const) {
    const n = audio[field]
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
      throw new TypeError(`${name}.${field} must be a positive integer, got ${describe(n)}.`)
    }
  }
}
