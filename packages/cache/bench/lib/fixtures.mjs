import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { AudioCache, cacheKey } from '../../dist/index.js'

export const ENTRY_BYTES = 100 * 1024

/** Raw 16-bit mono PCM at 16 kHz: 100 KB is about 3.2 s of speech. */
export function pcm(bytes = ENTRY_BYTES) {
  return { data: randomBytes(bytes), format: 'pcm', sampleRate: 16000, channels: 1, sampleWidth: 2 }
}

export function prompts(prefix, count) {
  return Array.from({ length: count }, (_, i) => `${prefix} prompt number ${i}: please confirm the booking`)
}

export function freshDir(path) {
  rmSync(path, { recursive: true, force: true })
  mkdirSync(path, { recursive: true })
  return path
}

/** Writes one entry per prompt through russo-ts itself; returns the keys. */
export function writeEntries(dir, texts, bytes = ENTRY_BYTES) {
  const cache = new AudioCache(dir)
  return texts.map((text) => {
    const key = cacheKey(text)
    cache.put(key, pcm(bytes), { prompt: text, synthMs: 800 })
    return key
  })
}

/** `count` inputs cycling through `items`, starting at a round-dependent offset. */
export function cycle(items, count, round) {
  const start = ((round % items.length) + items.length) % items.length
  return Array.from({ length: count }, (_, i) => items[(start + i) % items.length])
}
