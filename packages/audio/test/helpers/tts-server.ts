// A local node:http server that tests point provider SDKs at: it records every request exactly and
// answers with whatever the test's handler writes, so each provider's wire format is checked for real.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: IncomingMessage['headers']
  body: string
  /** Number of requests being served when this one arrived, itself included. */
  concurrent: number
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>

export interface TtsServer {
  url: string
  requests: RecordedRequest[]
  /** Most requests served at once. */
  readonly peak: number
  /** Resolves when a request's connection closes before its answer was sent (a client abort). */
  nextAbandoned(): Promise<RecordedRequest>
  close(): Promise<void>
}

export async function startTtsServer(handler: Handler): Promise<TtsServer> {
  const requests: RecordedRequest[] = []
  let current = 0
  let peak = 0
  const abandoned: Array<(request: RecordedRequest) => void> = []
  const server = createServer(async (req, res) => {
    current++
    peak = Math.max(peak, current)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const request: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      concurrent: current,
    }
    requests.push(request)
    res.on('close', () => {
      current--
      if (!res.writableFinished) abandoned.shift()?.(request)
    })
    try {
      await handler(request, res)
    } catch (error) {
      res.writeHead(500).end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get peak() {
      return peak
    },
    nextAbandoned: () => new Promise((resolve) => abandoned.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
}

export function sendBytes(response: ServerResponse, bytes: Uint8Array, contentType: string) {
  response.writeHead(200, { 'content-type': contentType, 'content-length': bytes.byteLength }).end(bytes)
}
