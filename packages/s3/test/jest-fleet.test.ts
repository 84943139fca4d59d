import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RussoJsonReport } from '@russo/runner-kit'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { createInstall, type Install } from '../../jest/test/e2e/helpers/install.js'
import { addS3 } from './helpers/fleet.js'
import { awsEnv } from './helpers/store.js'

const fixture = fileURLToPath(new URL('./fixtures/fleet-jest', import.meta.url))
const PROMPTS = ['The prompt every file speaks', ...'abcd'.split('').map((f) => `Prompt of file ${f}`)]
let root: string
let install: Install
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'russo-jest-fleet-'))
  install = createInstall(root, 'current')
  addS3(install.dir)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** `russo-jest` on 4 workers in a fresh copy (a "machine") or the given one, with only `env` set. */
async function jest(env: Record<string, string>, args: string[] = [], dir = machine()) {
  const log = join(dir, `calls-${Math.random()}.log`)
  const childEnv = { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', FIXTURE_LOG: log, ...env }
  const argv = [install.russoJestBin, '--maxWorkers=4', `--cacheDirectory=${mkdtempSync(join(dir, 'jc-'))}`, ...args]
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
  const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
  const report = () => JSON.parse(readFileSync(join(dir, 'russo-report.json'), 'utf8')) as RussoJsonReport
  return { code, output, calls, report, dir }
}

function machine(): string {
  const dir = mkdtempSync(join(install.dir, 'machine-'))
  cpSync(fixture, dir, { recursive: true })
  return dir
}

describe('@russo/jest with a remote (real russo-jest runs, 4 workers)', () => {
  test('records into the bucket; a fresh machine with read credentials runs offline from it', async () => {
    const url = `s3://${inject('radosgw').bucket}/jest-record`
    const recorded = await jest({ ...awsEnv('writer'), RUSSO_REMOTE: url })
    expect(recorded.code, recorded.output).toBe(0)
    expect(recorded.calls).toHaveLength(PROMPTS.length)
    expect(recorded.report().total).toMatchObject({ uploads: PROMPTS.length, remoteErrors: 0 })
    expect(recorded.output).toMatch(/remote hits 0 {2}uploads 5 {2}remote errors 0/)
    const offline = await jest({ ...awsEnv('reader'), RUSSO_REMOTE: url, RUSSO_REMOTE_MODE: 'read' }, [
      '--russo-offline',
    ])
    expect(offline.code, offline.output).toBe(0)
    expect(offline.calls).toEqual([])
    expect(offline.report().total).toMatchObject({ remoteHits: PROMPTS.length, uploads: 0, syntheses: 0 })
  })

  test('a remote that accepts and never answers: asked once (globalSetup probe), every test passes', async () => {
    let connections = 0
    const sockets: Socket[] = []
    const server = createServer((socket) => {
      connections++
      sockets.push(socket.on('error', () => {}))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    try {
      const run = await jest({
        AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${port}`,
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'y',
        RUSSO_REMOTE: `s3://${inject('radosgw').bucket}/jest-hung`,
      })
      expect(run.code, run.output).toBe(0)
      expect(run.calls).toHaveLength(PROMPTS.length)
      expect(run.output.match(/remote cache is not usable/g)).toHaveLength(1)
      expect(connections).toBe(1)
    } finally {
      for (const socket of sockets) socket.destroy()
      server.close()
    }
  })
})
