// A local TTS endpoint that answers every request after a fixed delay, like a hosted TTS round trip.
import { createServer } from 'node:http'

export async function startSlowServer(latencyMs, reply) {
  let requests = 0
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    requests++
    setTimeout(() => reply(body, res), latencyMs)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get requests() {
      return requests
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

// MPEG-1 Layer III, 128 kbps, 44.1 kHz, mono frames (417 bytes each): about 2 s of audio.
const frame = new Uint8Array(417)
frame.set([0xff, 0xfb, 0x90, 0xc0])
const mp3 = Buffer.concat(Array.from({ length: 80 }, () => frame))

/** OpenAI's `/v1/audio/speech` answer: MP3 bytes. */
export function mp3Reply(_body, res) {
  res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': mp3.byteLength }).end(mp3)
}

// 24 kHz 16-bit mono PCM, 2 s, base64: Gemini's generateContent answer.
const l16 = Buffer.alloc(96000, 1).toString('base64')

/** Gemini's `generateContent` answer: L16 in `inlineData`. */
export function geminiReply(_body, res) {
  const parts = [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=24000', data: l16 } }]
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ candidates: [{ content: { parts } }] }))
}
