import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { expect, onTestFinished, test } from 'vitest'
import { AudioCache, cacheKey } from '../src/index.js'
import { builtEntry } from './helpers/built-package.js'
import { captureLogger, names, tempDir } from './helpers/fixtures.js'

const HELPERS = fileURLToPath(new URL('./helpers/', import.meta.url))
const KILLS = 100
const PROMPTS = ['crash prompt 0', 'crash prompt 1', 'crash prompt 2']
const KEYS = PROMPTS.map((prompt) => cacheKey(prompt))
const ENTRY_FILE = /^([0-9a-f]{24})\.(audio|meta)$/

type Parsed = { key: string; writer: number; seq: number; length: number } | { error: string }
// The body format lives with the child scripts; loaded at run time (a plain .mjs has no types).
const { parseBody } = (await import(new URL('./helpers/process-io.mjs', import.meta.url).href)) as {
  parseBody: (data: Uint8Array) => Parsed
}

interface Writer {
  /** Sends "go" once loaded, kills the writer with SIGKILL when it has announced `writes` writes (after
   * `delayMs` more; 0: at once), and resolves with its pid and its "W …"/"WARN …" lines once it is reaped. */
  runUntilKilled(writes: number, delayMs: number): Promise<{ pid: number; lines: string[] }>
}

/** Starts a crash writer; it loads (the slow part, ~0.1 s) while the previous round is checked. */
function startWriter(config: Record<string, unknown>): Writer {
  const child = spawn(process.execPath, [join(HELPERS, 'process-crash-writer.mjs'), JSON.stringify(config)])
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const lines: string[] = []
  const onLine: ((line: string) => void)[] = []
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    for (const listener of onLine) listener(line)
  })
  const ready = new Promise<void>((resolve) => onLine.push((line) => line === 'ready' && resolve()))
  const reaped = new Promise<{ pid: number; lines: string[] }>((resolve, reject) =>
    child.on('close', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve({ pid: child.pid as number, lines })
        : reject(new Error(`crash writer ended by itself (${code}):\n${stderr}`)),
    ),
  )
  reaped.catch(() => {}) // awaited by runUntilKilled; a writer never run is killed at the test's end
  return {
    async runUntilKilled(writes, delayMs) {
      let started = 0
      onLine.push((line) => {
        if (!line.startsWith('W ') || ++started !== writes) return
        if (delayMs === 0) child.kill('SIGKILL')
        else setTimeout(() => child.kill('SIGKILL'), delayMs)
      })
      await Promise.race([ready, reaped])
      child.stdin.write('go\n')
      return reaped
    },
  }
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

test(`${KILLS} writers killed mid-work never leave an entry that reads torn or mismatched bytes`, async () => {
  const dir = join(tempDir(), 'cache')
  mkdirSync(dir) // a writer may be killed before it creates the directory
  const { logger, warnings } = captureLogger()
  const cache = new AudioCache(dir, { logger })
  const written = new Set<string>()
  // Where the kills landed: rounds whose writer left a temp file, left its lock, and entries read back.
  const seen = { midWrite: 0, holdingLock: 0, hits: 0 }
  const config = {
    entry: builtEntry(),
    dir,
    prompts: PROMPTS,
    fixedLength: 512 * 1024,
    minLength: 200_000,
    maxLength: 1_000_000,
  }

  let next = startWriter({ ...config, writer: 0 })
  for (let round = 0; round < KILLS; round++) {
    const writer = next
    if (round + 1 < KILLS) next = startWriter({ ...config, writer: round + 1 })
    const { pid, lines } = await writer.runUntilKilled(1 + Math.floor(Math.random() * 5), Math.floor(Math.random() * 4))
    // A stale lock of an earlier writer was taken over at once: waiting for it would have warned.
    expect(lines.filter((line) => line.startsWith('WARN'))).toEqual([])
    for (const line of lines) if (line.startsWith('W ')) written.add(`${line.slice(2).replace(' ', ` ${round} `)}`)

    const files = names(dir)
    seen.midWrite += files.some((name) => name.endsWith('.tmp') && name.includes(`.${pid}-`)) ? 1 : 0
    seen.holdingLock += files.some(
      (name) => name.endsWith('.lock') && readFileSync(join(dir, name), 'utf8').includes(`"pid":${pid},`),
    )
      ? 1
      : 0
    const hits = new Set<string>()
    for (const [i, key] of KEYS.entries()) {
      const entry = cache.getEntry(key, { prompt: PROMPTS[i] as string })
      if (entry === undefined) continue
      hits.add(key)
      const parsed = parseBody(entry.audio.data)
      expect(parsed).toMatchObject({ key })
      if ('error' in parsed) continue
      // Exactly a complete body announced for this key, under the meta written with it.
      expect(written).toContain(`${i} ${parsed.writer} ${parsed.seq} ${parsed.length}`)
      expect({ bytes: entry.meta.bytes, sha256: entry.meta.sha256 }).toEqual({
        bytes: parsed.length,
        sha256: sha256(entry.audio.data),
      })
    }
    seen.hits += hits.size
    // The full check finds nothing wrong with any entry a read returns.
    const { corrupt } = await cache.verify()
    expect(corrupt.filter(({ key }) => hits.has(key))).toEqual([])

    if (round % 25 === 24) {
      cache.cleanup({ olderThanMs: 0 })
      const left = names(dir)
      expect(left.filter((name) => !ENTRY_FILE.test(name))).toEqual([])
      const keys = new Set(left.map((name) => name.slice(0, 24)))
      expect(left).toEqual([...keys].sort().flatMap((key) => [`${key}.audio`, `${key}.meta`]))
      expect([...keys].filter((key) => !cache.has(key))).toEqual([])
      expect((await cache.verify()).corrupt).toEqual([])
    }
  }
  // Only half-written entries, never a hit, are reported (when one outlives the grace for live writers).
  expect(warnings.filter((w) => !w.includes('(audio without meta)'))).toEqual([])
  // The test proves something only if kills landed mid-write and while holding a lock, and entries were read.
  expect(seen.midWrite, JSON.stringify(seen)).toBeGreaterThan(KILLS / 20)
  expect(seen.holdingLock, JSON.stringify(seen)).toBeGreaterThan(KILLS / 20)
  expect(seen.hits, JSON.stringify(seen)).toBeGreaterThan(KILLS)
})
