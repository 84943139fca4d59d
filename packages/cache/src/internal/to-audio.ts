import type { Audio } from '../types.js'
import { describe } from './describe.js'

/**
 * Checks that a value is usable audio and returns it as `Audio` with a plain `Uint8Array`, naming the
 * bad field and what it should be. `data` may also be a `Buffer` or an `ArrayBuffer` (what
 * `await res.arrayBuffer()` gives), from any realm.
 */
export function toAudio(value: unknown, name: string): Audio {
  if (value === null || typeof value !== 'object') {
    throw new TypeError(
      `${name} must be an Audio object ({ data, format, sampleRate, channels, sampleWidth }), got ${describe(value)}.`,
    )
  }
  const audio = value as Record<string, unknown>
  const data = toBytes(audio.data)
  if (data === undefined) {
    throw new TypeError(`${name}.data must be a Uint8Array, a Buffer or an ArrayBuffer, got ${describe(audio.data)}.`)
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
  const checked = value as Audio
  return checked.data === data ? checked : { ...checked, data }
}

/** By tag, not instanceof: a Buffer or ArrayBuffer from another realm (a Vitest worker's) counts too. */
function toBytes(data: unknown): Uint8Array | undefined {
  const tag = Object.prototype.toString.call(data)
  if (tag === '[object ArrayBuffer]') return new Uint8Array(data as ArrayBuffer)
  if (tag !== '[object Uint8Array]' || !ArrayBuffer.isView(data)) return undefined
  const bytes = data as Uint8Array
  // A Buffer is a Uint8Array with more methods; store and hand out the plain view of the same bytes.
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype
    ? bytes
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
