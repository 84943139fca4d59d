/** Where someone is speaking, in milliseconds from the start of the clip. */
export interface SpeechSpan {
  startMs: number
  endMs: number
}

const FRAME_MS = 20

/**
 * A minimal energy-based voice activity detector: 20 ms frames whose RMS is above `threshold`
 * count as speech; the span runs from the first to the last of them. Real agents use a model
 * (Silero, WebRTC VAD), but the contract is the same: audio in, speech span (or none) out.
 */
export function detectSpeech(samples: Int16Array, sampleRate: number, threshold = 400): SpeechSpan | undefined {
  const frame = Math.round((sampleRate * FRAME_MS) / 1000)
  let first = -1
  let last = -1
  for (let index = 0; index * frame < samples.length; index++) {
    const chunk = samples.subarray(index * frame, (index + 1) * frame)
    let sum = 0
    for (const sample of chunk) sum += sample * sample
    if (Math.sqrt(sum / chunk.length) > threshold) {
      if (first < 0) first = index
      last = index
    }
  }
  return first < 0 ? undefined : { startMs: first * FRAME_MS, endMs: (last + 1) * FRAME_MS }
}
