/** Audio as the agent receives it from a phone line, a browser, or a TTS in tests. */
export interface AudioInput {
  data: Uint8Array
  format: string
  sampleRate: number
  channels: number
  sampleWidth: number
}

/** Mono 16-bit samples out of a WAV file or raw PCM: the input formats this toy agent accepts. */
export function decodePcm16(audio: AudioInput): Int16Array {
  if ((audio.format !== 'wav' && audio.format !== 'pcm') || audio.channels !== 1 || audio.sampleWidth !== 2) {
    throw new TypeError(
      `The agent takes mono 16-bit WAV or PCM, got ${audio.format} with ${audio.channels} channel(s) of ${audio.sampleWidth * 8}-bit samples.`,
    )
  }
  if (audio.format === 'pcm') {
    // A copy, aligned for Int16Array (a Buffer from a cache read may start at an odd offset).
    const bytes = new Uint8Array(audio.data)
    return new Int16Array(bytes.buffer, 0, bytes.byteLength >> 1)
  }
  const view = new DataView(audio.data.buffer, audio.data.byteOffset, audio.data.byteLength)
  // Walk the RIFF chunks to "data": headers are not always 44 bytes long.
  for (let offset = 12; offset + 8 <= view.byteLength; ) {
    const size = view.getUint32(offset + 4, true)
    if (view.getUint32(offset, false) === 0x64617461 /* "data" */) {
      // A copy, aligned for Int16Array. Not `data.slice()`: on a Buffer (what a cache read gives) it is a view.
      const bytes = new Uint8Array(
        audio.data.subarray(offset + 8, offset + 8 + Math.min(size, view.byteLength - offset - 8)),
      )
      return new Int16Array(bytes.buffer, 0, bytes.byteLength >> 1)
    }
    offset += 8 + size + (size % 2)
  }
  throw new TypeError('The WAV file has no "data" chunk.')
}
