// Builds benchmark caches once (kept in bench/.tmp/ between runs): entries as russo-ts and Python
// russo write them, of the sizes TTS gives (0.5-2.5 s of 16 kHz 16-bit mono speech-like audio).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { toWav } from '@russo/audio'
import { AudioCache, cacheKey } from '@russo/cache'

const TMP = fileURLToPath(new URL('../../.bench-tmp/', import.meta.url))
const SEED_PY = fileURLToPath(new URL('../../../cache/test/helpers/seed-russo-cache.py', import.meta.url))

function speechLike(seconds, seed) {
  const rate = 16_000
  const frames = Math.round(seconds * rate)
  const data = Buffer.alloc(frames * 2)
  for (let i = 0; i < frames; i++) {
    const syllable = Math.abs(Math.sin((i / rate) * Math.PI * (3 + (seed % 4))))
    const tone =
      Math.sin((2 * Math.PI * (120 + (seed % 80)) * i) / rate) + 0.3 * Math.sin((2 * Math.PI * 900 * i) / rate)
    data.writeInt16LE(Math.round(tone * syllable * 12_000), i * 2)
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/**
 * A cache of `count` entries: 10% written by Python russo (header-less "wav"), the rest by russo-ts,
 * half raw PCM, half WAV. Returns its directory.
 */
export function benchCache(count) {
  const dir = join(TMP, `cache-${count}`, '.russo_cache')
  if (existsSync(dir) && readdirSync(dir).length === count * 2) return dir
  rmSync(join(TMP, `cache-${count}`), { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const cache = new AudioCache(dir)
  const python = []
  for (let i = 0; i < count; i++) {
    const prompt = `Benchmark prompt number ${i}: book a table for ${i % 9} people at ${i % 12} pm`
    const pcm = speechLike(0.5 + (i % 5) * 0.5, i)
    if (i % 10 === 9) {
      python.push({ prompt, extra: {}, data_hex: Buffer.from(pcm).toString('hex'), format: 'wav', sample_rate: 16_000 })
      continue
    }
    const extra = { voice: i % 3 ? 'Kore' : 'alloy', model: 'tts-1' }
    const audio = { data: pcm, format: 'pcm', sampleRate: 16_000, channels: 1, sampleWidth: 2 }
    cache.put(cacheKey(prompt, extra), i % 2 ? toWav(audio) : audio, { prompt, extra, synthMs: 300 + (i % 700) })
  }
  const seeded = spawnSync('python3', [SEED_PY, 'write', dir], { input: JSON.stringify(python), maxBuffer: 1 << 30 })
  if (seeded.status !== 0) throw new Error(`python3 seeding failed: ${seeded.stderr}`)
  return dir
}
