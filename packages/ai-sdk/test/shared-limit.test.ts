// The request limit holds for every process of the machine: real worker processes on one cache
// directory against a local OpenAI-format server that answers 429 above its limit of requests in flight.
import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mp3For } from '../../audio/test/helpers/audio-bytes.js'
import { serversClosedAfterEach } from '../../audio/test/helpers/server-lifecycle.js'
import { type Handler, sendBytes, sendJson, type TtsServer } from '../../audio/test/helpers/tts-server.js'

const worker = fileURLToPath(new URL('./helpers/limit-worker.mjs', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'russo-shared-limit-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
beforeAll(() => {
  if (!existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)))) {
    throw new Error('dist/ of @russo/ai-sdk is missing: run `npx -y pnpm@10 build` first.')
  }
})

const serve = serversClosedAfterEach()
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

const input = (body: string) => (JSON.parse(body) as { input: string }).input
/** A provider allowing `limit` requests in flight, `latencyMs` each; above that a 429 with retry-after. */
function limited(limit: number, latencyMs: number, answered: Map<string, number>): Handler {
  return async (request, response) => {
    if (request.concurrent > limit) {
      return sendJson(response, 429, { error: { message: 'Too many requests in flight' } }, { 'retry-after': '0.2' })
    }
    await new Promise((resolve) => setTimeout(resolve, latencyMs))
    answered.set(input(request.body), (answered.get(input(request.body)) ?? 0) + 1)
    sendBytes(response, mp3For(input(request.body)), 'audio/mpeg')
  }
}

interface Run {
  child: ChildProcess
  done: Promise<{ failed: string[] }>
}

/** A worker process; TMPDIR puts this test file's shared-limit directories under its scratch dir. */
function startWorker(server: TtsServer, name: string, prompts: string[], options: Record<string, unknown>): Run {
  const spec = { url: server.url, cacheDir: join(scratch, name.split(':')[0] ?? name), prompts, options }
  const child = fork(worker, [JSON.stringify(spec)], { env: { ...process.env, TMPDIR: join(scratch, 'tmp') } })
  children.push(child)
  const done = new Promise<{ failed: string[] }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { failed: string[] }))
    child.once('exit', (code, signal) => reject(new Error(`worker ${name} exited (${code ?? signal})`)))
  })
  return { child, done }
}

function promptsOf(worker: number) {
  return [
    ...Array.from({ length: 4 }, (_, i) => `worker ${worker} own prompt ${i}`),
    ...Array.from({ length: 4 }, (_, i) => `shared prompt ${i}`),
  ]
}

describe('one limit for all workers', { timeout: 60_000 }, () => {
  it('6 workers with concurrency 3 never have more than 3 in flight: no 429, each prompt requested once', async () => {
    const answered = new Map<string, number>()
    const server = await serve(limited(3, 40, answered))
    const runs = Array.from({ length: 6 }, (_, i) =>
      startWorker(server, `configured:${i}`, promptsOf(i), { concurrency: 3 }),
    )
    const results = await Promise.all(runs.map((r) => r.done))
    expect(results.flatMap((r) => r.failed)).toEqual([])
    expect(server.peak).toBeLessThanOrEqual(3)
    expect(server.requests).toHaveLength(6 * 4 + 4)
    expect([...answered.values()].every((n) => n === 1)).toBe(true)
    expect(answered.size).toBe(6 * 4 + 4)
  })

  it('a provider stricter than configured costs a few 429s, not prompts: the limit halves for everyone', async () => {
    const answered = new Map<string, number>()
    const server = await serve(limited(2, 40, answered))
    const runs = Array.from({ length: 6 }, (_, i) => startWorker(server, `stricter:${i}`, promptsOf(i), {}))
    const results = await Promise.all(runs.map((r) => r.done))
    expect(results.flatMap((r) => r.failed)).toEqual([])
    const rateLimited = server.requests.length - answered.size
    expect(rateLimited).toBeGreaterThan(0)
    // 6 workers × the default concurrency 4 without a shared limit: 24 at once, ~22 refused per round.
    expect(rateLimited).toBeLessThanOrEqual(8)
    expect([...answered.values()].every((n) => n === 1)).toBe(true)
  })

  it('queues fairly: a worker that comes late is served in turn, not after the busy one has finished', async () => {
    const answered = new Map<string, number>()
    let open = () => {}
    const gate = new Promise<void>((resolve) => {
      open = resolve
    })
    const answer = limited(1, 20, answered)
    // The busy worker's first request is held until the late worker stands in line.
    const server = await serve(async (request, response) => {
      if (input(request.body) === 'busy prompt 0') await gate
      return answer(request, response)
    })
    const busy = startWorker(
      server,
      'fair:busy',
      Array.from({ length: 12 }, (_, i) => `busy prompt ${i}`),
      {
        concurrency: 1,
      },
    )
    await until(() => server.requests.length >= 1)
    const late = startWorker(server, 'fair:late', ['late prompt 0', 'late prompt 1'], { concurrency: 1 })
    await until(() => ticketsOf(late.child.pid).length > 0)
    open()
    await Promise.all([busy.done, late.done])
    const order = server.requests.map((r) => input(r.body))
    // In turn: the busy worker's request already in line, then the late one's, and so on alternately.
    expect(order.slice(0, 5)).toEqual([
      'busy prompt 0',
      'busy prompt 1',
      'late prompt 0',
      'busy prompt 2',
      'late prompt 1',
    ])
    expect(server.peak).toBe(1)
  })

  it("a worker killed while holding a slot does not keep it: the next worker's request goes at once", async () => {
    let arrived = () => {}
    const first = new Promise<void>((resolve) => {
      arrived = resolve
    })
    const answered = new Map<string, number>()
    const answer = limited(1, 10, answered)
    const server = await serve((request, response) => {
      if (input(request.body) === 'held forever') {
        arrived()
        return new Promise(() => {})
      }
      return answer(request, response)
    })
    const holder = startWorker(server, 'killed:holder', ['held forever'], { concurrency: 1 })
    holder.done.catch(() => {})
    await first
    holder.child.kill('SIGKILL')
    await new Promise((resolve) => holder.child.once('exit', resolve))
    const next = startWorker(server, 'killed:next', ['after the kill'], { concurrency: 1, timeoutMs: 10_000 })
    expect((await next.done).failed).toEqual([])
    expect(answered.get('after the kill')).toBe(1)
  })
})

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
}

/** The queue tickets a process has in the shared-limit directories of this test file. */
function ticketsOf(pid: number | undefined): string[] {
  const root = join(scratch, 'tmp', 'russo-slots')
  if (!existsSync(root)) return []
  return readdirSync(root).flatMap((dir) =>
    readdirSync(join(root, dir)).filter((name) => name.endsWith('.ticket') && name.includes(`-${pid}-`)),
  )
}
