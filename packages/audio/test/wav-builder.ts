// Builds WAV files chunk by chunk, so tests can make the odd layouts real files have.
export interface Chunk {
  id: string
  body: Uint8Array
  /** Size written in the chunk header; default the body's length. */
  declaredSize?: number
}

export function fmtChunk({
  formatTag = 1,
  channels = 1,
  sampleRate = 22050,
  bitsPerSample = 16,
  extraBytes = 0,
} = {}): Chunk {
  const body = new Uint8Array(16 + extraBytes)
  const view = new DataView(body.buffer)
  const blockAlign = channels * Math.ceil(bitsPerSample / 8)
  view.setUint16(0, formatTag, true)
  view.setUint16(2, channels, true)
  view.setUint32(4, sampleRate, true)
  view.setUint32(8, sampleRate * blockAlign, true)
  view.setUint16(12, blockAlign, true)
  view.setUint16(14, bitsPerSample, true)
  return { id: 'fmt ', body }
}

export function chunk(id: string, bytes: number, declaredSize?: number): Chunk {
  return declaredSize === undefined
    ? { id, body: new Uint8Array(bytes) }
    : { id, body: new Uint8Array(bytes), declaredSize }
}

export function wavFile(chunks: Chunk[], { riff = 'RIFF', wave = 'WAVE' } = {}): Uint8Array {
  const parts = chunks.map(({ id, body, declaredSize }) => {
    const padded = body.length + (body.length % 2)
    const part = new Uint8Array(8 + padded)
    part.set(ascii(id), 0)
    new DataView(part.buffer).setUint32(4, declaredSize ?? body.length, true)
    part.set(body, 8)
    return part
  })
  const total = 12 + parts.reduce((n, p) => n + p.length, 0)
  const file = new Uint8Array(total)
  file.set(ascii(riff), 0)
  new DataView(file.buffer).setUint32(4, total - 8, true)
  file.set(ascii(wave), 8)
  let offset = 12
  for (const part of parts) {
    file.set(part, offset)
    offset += part.length
  }
  return file
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0))
}
