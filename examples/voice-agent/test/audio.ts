import { createHash } from 'node:crypto'
import { parseWav, toWav } from '@russo/audio'
import type { Audio, RussoFixtures } from '@russo/vitest'
import { expect } from '@russo/vitest'

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

// Through toWav: raw PCM (ElevenLabs, Gemini) gets a header, a WAV stays as it is.
export function seconds(audio: Audio): number {
  return parseWav(toWav(audio).data).durationSeconds
}

/** Root mean square of the 16-bit samples: about 0 for silence, thousands for speech. */
export function loudness(audio: Audio): number {
  const wav = toWav(audio).data
  const { dataOffset, frames } = parseWav(wav)
  const view = new DataView(wav.buffer, wav.byteOffset + dataOffset, frames * 2)
  let sum = 0
  for (let i = 0; i < frames; i++) sum += view.getInt16(i * 2, true) ** 2
  return Math.sqrt(sum / Math.max(frames, 1))
}

/** A copy of `audio` with every sample set to zero: a caller who says nothing. */
export function silenced(audio: Audio): Audio {
  const dataOffset = audio.format === 'pcm' ? 0 : parseWav(audio.data).dataOffset
  const data = new Uint8Array(audio.data) // a copy; Buffer#slice would zero the caller's audio too
  data.fill(0, dataOffset)
  return { ...audio, data }
}

/**
 * Every file that speaks `prompt` must hear the one recording the cache holds for it, byte for byte.
 * With the cache off (`--russo-no-cache`) there is no recording: then a second synthesis must match.
 */
export async function expectTheRecording(synth: RussoFixtures['synth'], prompt: string, audio: Audio): Promise<void> {
  const recording =
    synth.mode === 'off' ? await synth.inner.synthesize(prompt) : synth.cache.get(synth.keyFor(prompt), { prompt })
  expect(recording, `the cache has no entry for ${JSON.stringify(prompt)}`).toBeDefined()
  expect(sha256(audio.data)).toBe(sha256(recording!.data))
}
