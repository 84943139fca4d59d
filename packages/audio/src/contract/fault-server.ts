// The misbehaving endpoint of the contract suite: one node:http server on 127.0.0.1 that answers
// every request with the fault a test sets. It knows no provider's wire format: where a fault
// needs a body in that format, the suite asks the adapter's own `wrap`.
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toWav } from '../to-wav.js'

export type Fault =
  | { kind: 'hang' }
  | { kind: 'reset'; body: Uint8Array; contentType: string }
  | { kind: 'answer'; status: number; body: Uint8Array | string; contentType: string }

export interface FaultServer {
  url: string
  fault: Fault
  readonly requests: number
  /** Resolves when a request's connection closes before an answer was sent (the client gave up). */
  nextAbandoned(): Promise<void>
  close(): Promise<void>
}

export async function startFaultServer(): Promise<FaultServer> {
  let requests = 0
  const abandoned: Array<() => void> = []
  const state: { fault: Fault } = { fault: { kind: 'hang' } }
  const server = createServer((req, res) => {
    requests++
    req.resume()
    res.on('close', () => {
      if (!res.writableFinished) abandoned.shift()?.()
    })
    req.on('end', () => respond(res, state.fault))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get fault() {
      return state.fault
    },
    set fault(fault: Fault) {
      state.fault = fault
    },
    get requests() {
      return requests
    },
    nextAbandoned: () => new Promise((resolve) => abandoned.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function respond(res: ServerResponse, fault: Fault): void {
  if (fault.kind === 'hang') return
  const body = typeof fault.body === 'string' ? Buffer.from(fault.body) : fault.body
  if (fault.kind === 'reset') {
    res.writeHead(200, { 'content-type': fault.contentType, 'content-length': body.byteLength })
    res.write(body.subarray(0, body.byteLength >> 1), () => res.socket?.destroy())
    return
  }
  res.writeHead(fault.status, { 'content-type': fault.contentType, 'content-length': body.byteLength }).end(body)
}

/** A WAV whose header declares 12,000 data bytes, with 2,001 bytes in all: a body cut short. */
export function truncatedWavBytes(): Uint8Array {
  const whole = toWav({ data: new Uint8Array(12_000), format: 'pcm', sampleRate: 24_000, channels: 1, sampleWidth: 2 })
  return whole.data.slice(0, 2001)
}
