import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { FLEET_PROMPTS, fleetInstall, Machine, type MachineRun } from './helpers/fleet.js'
import { awsEnv, storeAs } from './helpers/store.js'

let root: string
let install: ReturnType<typeof fleetInstall>
const outputs: string[] = []

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'russo-fleet-'))
  install = fleetInstall(root, true)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const remote = (prefix: string) => `s3://${inject('radosgw').bucket}/${prefix}`

async function run(machine: Machine, env: Record<string, string>, args: string[] = []): Promise<MachineRun> {
  const result = await machine.run(env, args)
  outputs.push(result.output)
  return result
}

async function objects(prefix: string): Promise<string[]> {
  const keys: string[] = []
  for await (const object of storeAs('writer', prefix).list()) keys.push(object.key)
  return keys.sort()
}

describe('a fleet of machines sharing one bucket (real vitest runs, 8 workers)', () => {
  test('record on one machine; another runs offline with only read credentials; a PR job in readwrite cannot write', async () => {
    const recorder = new Machine(install)
    const recorded = await run(recorder, { ...awsEnv('writer'), RUSSO_REMOTE: remote('fleet-record') })
    expect(recorded.code, recorded.output).toBe(0)
    expect(recorded.calls.sort()).toEqual([...FLEET_PROMPTS].sort())
    expect(recorded.figure('uploads'), recorded.output).toBe(9)
    expect(recorded.report().total).toMatchObject({ uploads: 9, remoteHits: 0, remoteErrors: 0 })
    expect(await objects('fleet-record')).toHaveLength(9)

    const offline = new Machine(install)
    const pulled = await run(
      offline,
      { ...awsEnv('reader'), RUSSO_REMOTE: remote('fleet-record'), RUSSO_REMOTE_MODE: 'read' },
      ['--', '--russo-offline'],
    )
    expect(pulled.code, pulled.output).toBe(0)
    expect(pulled.calls).toEqual([])
    expect(pulled.report().total).toMatchObject({ remoteHits: 9, uploads: 0, syntheses: 0, hits: 16, remoteErrors: 0 })
    expect(pulled.line).toMatch(/remote hits 9 {2}uploads 0 {2}remote errors 0/)

    const pr = new Machine(install)
    const job = await run(pr, {
      ...awsEnv('reader'),
      RUSSO_REMOTE: remote('fleet-record'),
      FIXTURE_EXTRA_PROMPT: 'A prompt only the pull request has',
    })
    expect(job.code, job.output).toBe(0)
    expect(job.calls).toEqual(['A prompt only the pull request has'])
    expect(job.output.match(/RUSSO_REMOTE_MODE=read/g)).toHaveLength(1)
    expect(job.report().total).toMatchObject({ remoteHits: 9, uploads: 0, remoteErrors: 1 })
    expect(await objects('fleet-record')).toHaveLength(9)
  })

  test('two machines at once, 8 workers each, racing for the same prompts: one object per prompt, one synthesis per machine', async () => {
    const env = { ...awsEnv('writer'), RUSSO_REMOTE: remote('fleet-race') }
    const [a, b] = await Promise.all([run(new Machine(install), env), run(new Machine(install), env)])
    for (const machine of [a, b]) {
      expect(machine.code, machine.output).toBe(0)
      expect(new Set(machine.calls).size).toBe(machine.calls.length)
    }
    expect(await objects('fleet-race')).toHaveLength(9)
    const uploads = (a.report().total.uploads ?? 0) + (b.report().total.uploads ?? 0)
    expect(uploads).toBe(9)
    // Each machine got every prompt once: from its own synthesis or from the other machine's upload.
    for (const machine of [a, b]) expect(machine.calls.length + machine.report().total.remoteHits).toBe(9)
  })

  test('a remote refusing connections: one warning, never a failed test (cold and warm local cache)', async () => {
    const closed = await closedPort()
    const env = {
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${closed}`,
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'y',
      RUSSO_REMOTE: remote('fleet-refused'),
    }
    const machine = new Machine(install)
    const cold = await run(machine, env)
    expect(cold.code, cold.output).toBe(0)
    expect(cold.calls).toHaveLength(9)
    expect(cold.output.match(/remote cache is not usable/g)).toHaveLength(1)
    expect(cold.output).toMatch(/ECONNREFUSED/)
    const warm = await run(machine, env)
    expect(warm.code, warm.output).toBe(0)
    expect(warm.calls).toEqual([])
    expect(warm.figure('hits')).toBe(16)
  })

  test('a remote that accepts and never answers: the run asks it once (the probe), every test passes', async () => {
    const hung = await hungServer()
    try {
      const env = {
        AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${hung.port}`,
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'y',
        RUSSO_REMOTE: remote('fleet-hung'),
      }
      const machine = new Machine(install)
      const cold = await run(machine, env)
      expect(cold.code, cold.output).toBe(0)
      expect(cold.calls).toHaveLength(9)
      expect(cold.output).toMatch(/no answer in time \(timeout\)/)
      expect(hung.connections()).toBe(1)
      const warm = await run(machine, env)
      expect(warm.code, warm.output).toBe(0)
      expect(warm.figure('hits')).toBe(16)
      expect(hung.connections()).toBe(2)
    } finally {
      hung.close()
    }
  })

  test('RUSSO_REMOTE_REQUIRED=1 with a dead remote stops the run at start', async () => {
    const closed = await closedPort()
    const result = await run(new Machine(install), {
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${closed}`,
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'y',
      RUSSO_REMOTE: remote('fleet-required'),
      RUSSO_REMOTE_REQUIRED: '1',
    })
    expect(result.code).not.toBe(0)
    expect(result.output).toMatch(/remote cache is required \(RUSSO_REMOTE_REQUIRED\) and not usable/)
    expect(result.calls).toEqual([])
  })

  test('RUSSO_REMOTE without @russo/s3 installed: a clear error says what to install', async () => {
    const bare = fleetInstall(join(root, 'bare'), false)
    const result = await run(new Machine(bare), { RUSSO_REMOTE: remote('fleet-bare') })
    expect(result.code).not.toBe(0)
    expect(result.output).toMatch(
      /@russo\/s3 is not installed\. Install it: npm install --save-dev @russo\/s3 @aws-sdk\/client-s3/,
    )
  })

  test('no credential in anything written: outputs, caches, reports, bucket objects and their keys', async () => {
    const gw = inject('radosgw')
    const secrets = [gw.writer.accessKeyId, gw.writer.secretAccessKey, gw.reader.accessKeyId, gw.reader.secretAccessKey]
    const written = [...outputs, ...filesUnder(root).map((path) => readFileSync(path, 'latin1'))]
    for (const prefix of ['fleet-record', 'fleet-race']) {
      const store = storeAs('writer', prefix)
      for (const key of await objects(prefix))
        written.push(key, Buffer.from((await store.get(key))?.body ?? []).toString('latin1'))
    }
    expect(written.length).toBeGreaterThan(50)
    for (const secret of secrets) expect(written.filter((text) => text.includes(secret))).toEqual([])
  })
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.name === 'node_modules') return []
    if (entry.isDirectory()) return filesUnder(path)
    return entry.isFile() && statSync(path).size < 5_000_000 ? [path] : []
  })
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Accepts connections and never answers; counts them. */
function hungServer(): Promise<{ port: number; connections(): number; close(): void }> {
  let count = 0
  const sockets: Socket[] = []
  const server = createServer((socket) => {
    count++
    sockets.push(socket)
    socket.on('error', () => {})
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      const close = () => {
        for (const socket of sockets) socket.destroy()
        server.close()
      }
      resolve({ port, connections: () => count, close })
    })
  })
}
