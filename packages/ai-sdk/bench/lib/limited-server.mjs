// OpenAI's `POST /v1/audio/speech` as a provider with a concurrency limit: `latencyMs` per request,
// at most `limit` in flight, a 429 with `retry-after` (seconds) for any request above that.
import { createServer } from 'node:http'

const frame = new Uint8Array(417)
frame.set([0xff, 0xfb, 0x90, 0xc0])
const mp3 = Buffer.concat(Array.from({ length: 40 }, () => frame))

export async function startLimitedServer({ limit, latencyMs, retryAfterSeconds = 1 }) {
  const figures = { requests: 0, rateLimited: 0, peak: 0, answered: new Map(), first: 0, last: 0 }
  let current = 0
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    figures.requests++
    figures.first ||= performance.now()
    current++
    figures.peak = Math.max(figures.peak, current)
    const done = () => {
      current--
      figures.last = performance.now()
    }
    if (current > limit) {
      figures.rateLimited++
      done()
      const error = JSON.stringify({ error: { message: 'Too many requests in flight', type: 'rate_limit' } })
      return res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) })
        .end(error)
    }
    setTimeout(() => {
      const { input } = JSON.parse(body)
      figures.answered.set(input, (figures.answered.get(input) ?? 0) + 1)
      done()
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': mp3.byteLength }).end(mp3)
    }, latencyMs)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    figures,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(resolve)
      }),
  }
}
