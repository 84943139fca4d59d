import { afterAll, afterEach, beforeAll } from 'vitest'
import { type Handler, type RecordedRequest, startTtsServer, type TtsServer } from './tts-server.js'

/** A server for the enclosing suite (or file): started before its tests, closed after them. */
export function serverForSuite(start: () => Promise<TtsServer>): () => TtsServer {
  let server: TtsServer | undefined
  beforeAll(async () => {
    server = await start()
  })
  afterAll(() => server?.close())
  return () => {
    if (server === undefined) throw new Error('serverForSuite: the server is used before beforeAll started it')
    return server
  }
}

/** `serve(handler)` for a test file: every server it starts is closed after each test. */
export function serversClosedAfterEach(): (handler: Handler) => Promise<TtsServer> {
  const servers: TtsServer[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })
  return async (handler) => {
    const server = await startTtsServer(handler)
    servers.push(server)
    return server
  }
}

/**
 * Makes `call` against a server that never answers, aborts it once the request has arrived, and
 * reports what the call settled with, the abort reason, and the request whose connection was closed.
 */
export async function abortStalledCall(
  serve: (handler: Handler) => Promise<TtsServer>,
  call: (server: TtsServer, signal: AbortSignal) => Promise<unknown>,
): Promise<{ outcome: unknown; reason: Error; abandoned: RecordedRequest }> {
  let arrived = () => {}
  const arrival = new Promise<void>((resolve) => {
    arrived = resolve
  })
  const server = await serve(() => arrived())
  const controller = new AbortController()
  const settled = call(server, controller.signal).then(
    (value) => value,
    (error: unknown) => error,
  )
  await arrival
  const abandoned = server.nextAbandoned()
  const reason = new Error('the test gave up')
  controller.abort(reason)
  return { outcome: await settled, reason, abandoned: await abandoned }
}
