import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Audio } from '@russo/jest'
import { decodePcm16 } from '../../voice-agent/src/pcm.js'

// Test files run inside Jest's module system, which cannot load ESM-only packages such as @russo/espeak
// (its parseWav) on Node 20: these helpers read the WAV with the agent's own decoder instead.

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export function seconds(audio: Audio): number {
  return decodePcm16(audio).length / audio.sampleRate
}

/** Root mean square of the 16-bit samples: about 0 for silence, thousands for speech. */
export function loudness(audio: Audio): number {
  const samples = decodePcm16(audio)
  let sum = 0
  for (const sample of samples) sum += sample ** 2
  return Math.sqrt(sum / Math.max(samples.length, 1))
}

/** A copy of `audio` with every sample set to zero: a caller who says nothing. */
export function silenced(audio: Audio): Audio {
  const data = new Uint8Array(audio.data)
  data.fill(0, data.byteLength - decodePcm16(audio).length * 2)
  return { ...audio, data }
}

/** The bytes `.russo_cache` holds for `prompt`: every file that speaks it must hear exactly these. */
export function recordingOf(prompt: string, cacheDir = join(__dirname, '..', '.russo_cache')): string | undefined {
  for (const name of readdirSync(cacheDir).filter((n) => n.endsWith('.meta'))) {
    const meta = JSON.parse(readFileSync(join(cacheDir, name), 'utf8')) as { prompt?: string }
    if (meta.prompt === prompt) return sha256(readFileSync(join(cacheDir, `${name.slice(0, -5)}.audio`)))
  }
  return undefined
}
