// Audio whose length grows with the text, in the formats providers send, built to the standards.
import { toWav } from '../../src/index.js'
import { concat, frame } from '../mp3-builder.js'

/** MPEG-1 Layer III, 128 kbps, 44.1 kHz, mono: one 417-byte frame per character, plus two. */
export function mp3For(text: string): Uint8Array {
  const one = frame({ version: '1', bitrateIndex: 9, sampleRateIndex: 0, channelMode: 3, length: 417 })
  return concat(...Array.from({ length: text.length + 2 }, () => one))
}

/** 16-bit little-endian mono PCM: 10 ms of a ramp per character. */
export function pcmFor(text: string, sampleRate = 24000): Uint8Array {
  const samples = Math.floor((text.length * sampleRate) / 100)
  const out = new Uint8Array(samples * 2)
  const view = new DataView(out.buffer)
  for (let i = 0; i < samples; i++) view.setInt16(i * 2, ((i * 37) % 2000) - 1000, true)
  return out
}

export function wavFor(text: string, sampleRate = 24000): Uint8Array {
  return toWav({ data: pcmFor(text, sampleRate), format: 'pcm', sampleRate, channels: 1, sampleWidth: 2 }).data
}

/** Loud enough for a voice activity detector: 60 ms of a 300 Hz tone per character, 16-bit mono. */
export function speechFor(text: string, sampleRate = 24000): Uint8Array {
  const samples = Math.floor((text.length * 60 * sampleRate) / 1000)
  const out = new Uint8Array(samples * 2)
  const view = new DataView(out.buffer)
  for (let i = 0; i < samples; i++)
    view.setInt16(i * 2, Math.round(8000 * Math.sin((2 * Math.PI * 300 * i) / sampleRate)), true)
  return out
}
