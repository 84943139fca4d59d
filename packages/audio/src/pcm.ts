import type { Audio } from '@russo/cache'
import { AudioFormatError } from './audio-format-error.js'

/**
 * Labels under which an `Audio` holds headerless samples: `pcm`, `l16`, `raw`, and `wav` without a
 * RIFF header — what Python russo's Google synthesizer stores for Gemini's raw L16.
 */
const RAW_LABELS: ReadonlySet<string> = new Set(['pcm', 'l16', 'raw', 'wav', 's16le'])

export function isRawPcmLabel(format: string): boolean {
  return RAW_LABELS.has(format.toLowerCase())
}

/** The audio's layout fields checked as integers a WAV header can hold, naming the field that is not. */
export function assertPcmFields(audio: Audio, where: string): void {
  for (const field of ['sampleRate', 'channels', 'sampleWidth'] as const) {
    const value = audio[field]
    if (!Number.isInteger(value) || value <= 0) {
      throw new AudioFormatError('AUDIO_INVALID', `${where}: audio.${field} must be a positive integer, got ${value}.`)
    }
  }
  if (audio.sampleWidth > 4 || audio.channels > 0xffff) {
    throw new AudioFormatError(
      'AUDIO_INVALID',
      `${where}: ${audio.channels} channel(s) of ${audio.sampleWidth}-byte samples is not a PCM layout (1-4 bytes per sample).`,
    )
  }
}
