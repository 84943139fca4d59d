import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, onTestFinished, test } from 'vitest'
import { AudioCache, CachedSynthesizer, cacheKey, LockTimeoutError } from '../src/index.js'
import { builtEntry } from './helpers/built-package.js'
import { fakeSynthesizer } from './helpers/fake-synthesizer.js'
import { backdate, captureLogger, DEAD_PID, entryFiles, exists, names, tempDir, writeRaw } from './helpers/fixtures.js'

const HELPERS = fileURLToPath(new URL('./helpers/', import.meta.url))
const PROCESSES = 8
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i)

/** A child Node process running a helpers/process-*.mjs script, talked to in lines. */
class Child {
  readonly proc: ChildProcessWithoutNullStreams
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  #stderr = ''
  readonly #lines: string[] = []
  readonly #waiting: ((line: string | undefined) => void)[] = []
  #ended = false

  constructor(script: string, config: Record<string, unknown>) {
    this.proc = spawn(process.execPath, [join(HELPERS, script), JSON.stringify({ entry: builtEntry(), ...config })])
    this.proc.stderr.on('data', (chunk: Buffer) => {
      this.#stderr += chunk.toString()
    })
    createInterface({ input: this.proc.stdout })
      .on('line', (line) => {
        const waiter = this.#waiting.shift()
        if (waiter) waiter(line)
        else this.#lines.push(line)
      })
      .on('close', () => {
        this.#ended = true
        for (const waiter of this.#waiting.splice(0)) waiter(undefined)
      })
    this.exited = new Promise((resolve) => this.proc.on('close', (code, signal) => resolve({ code, signal })))
    onTestFinished(() => {
      if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL')
    })
  }

  get pid(): number {
    return this.proc.pid as number
  }

  send(line: string): void {
    this.proc.stdin.write(`${line}\n`)
  }

  /** The next line the child prints; fails with its stderr if it ends first. */
  async line(): Promise<string> {
    const line =
      this.#lines.shift() ??
      (this.#ended ? undefined : await new Promise<string | undefined>((resolve) => this.#waiting.push(resolve)))
    if (line !== undefined) return line
    const { code, signal } = await this.exited
    throw new Error(`child ended (code ${code}, signal ${signal}) before printing a line:\n${this.#stderr}`)
  }
}

/** Starts the children's work together: every child has loaded russo and said "ready" before any gets "go". */
async function raceReports<T>(children: Child[]): Promise<T[]> {
  for (const line of await Promise.all(children.map((c) => c.line()))) expect(line).toBe('ready')
  for (const child of children) child.send('go')
  const reports = await Promise.all(children.map(async (c) => JSON.parse(await c.line()) as T))
  for (const child of children) expect(await child.exited).toEqual({ code: 0, signal: null })
  return reports
}

interface Problems {
  writer: number
  warnings: string[]
  errors: string[]
}

describe(`${PROCESSES} processes on one cache directory`, () => {
  test('mixed get, put and refresh on 20 shared keys only ever read whole bytes some writer wrote for that key', async () => {
    const dir = join(tempDir(), 'cache')
    const prompts = range(20).map((i) => `shared prompt ${i}`)
    type Report = Problems & { writes: string[]; reads: string[]; bad: string[]; counts: Record<string, number> }
    const children = range(PROCESSES).map(
      (writer) => new Child('process-worker.mjs', { scenario: 'mixed', dir, prompts, ops: 300, writer }),
    )
    const reports = await raceReports<Report>(children)

    for (const { bad, errors, warnings } of reports)
      expect({ bad, errors, warnings }).toEqual({ bad: [], errors: [], warnings: [] })
    // Reads are "keyIndex writer seq"; writes are recorded by their writer as "keyIndex seq".
    const written = new Set(reports.flatMap((r) => r.writes.map((w) => w.replace(' ', ` ${r.writer} `))))
    const reads = reports.flatMap((r) => r.reads.map((read) => ({ read, reader: r.writer })))
    expect(reads.filter(({ read }) => !written.has(read))).toEqual([])
    // The test only proves something if processes really read each other's writes, often.
    expect(reads.length).toBeGreaterThan(800)
    expect(reads.filter(({ read, reader }) => Number(read.split(' ')[1]) !== reader).length).toBeGreaterThan(400)
    expect(reports.reduce((n, r) => n + (r.counts.puts ?? 0) + (r.counts.refreshes ?? 0), 0)).toBeGreaterThan(800)
  })

  test('a cold cache asked for 20 prompts by 8 racing processes calls the inner synthesizer exactly 20 times', async () => {
    const { calls } = await singleFlight(PROCESSES, 20, {})
    // Calls really overlapped across processes: several processes did some of the 20 syntheses.
    expect(new Set(calls.map(([, writer]) => writer)).size).toBeGreaterThan(1)
  })

  test('without hard links (FAT, some network shares) locks are created in place and still single-flight', async () => {
    const { reports } = await singleFlight(4, 10, { noHardLinks: true })
    expect(reports.every((r) => r.linkAttempts > 0)).toBe(true)
  })
})

type SingleFlightReport = Problems & {
  got: Record<string, string>
  stats: { hits: number; misses: number; syntheses: number }
  linkAttempts: number
}

/** `processes` racing through `count` prompts on a cold cache; asserts one inner call per prompt, whose audio all got. */
async function singleFlight(processes: number, count: number, config: Record<string, unknown>) {
  const base = tempDir()
  const dir = join(base, 'cache')
  const log = join(base, 'inner-calls.log')
  writeFileSync(log, '')
  const prompts = range(count).map((i) => `single flight ${i}`)
  const children = range(processes).map(
    (writer) =>
      new Child('process-worker.mjs', { scenario: 'singleFlight', dir, prompts, log, synthMs: 10, writer, ...config }),
  )
  const reports = await raceReports<SingleFlightReport>(children)

  const calls = readFileSync(log, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as [string, number, number])
  expect(calls.map(([prompt]) => prompt).sort()).toEqual([...prompts].sort())
  // Every process got, for each prompt, the audio of the one inner call made for it.
  const made = Object.fromEntries(calls.map(([prompt, writer, seq]) => [prompt, `${writer} ${seq}`]))
  for (const report of reports) {
    expect(report).toMatchObject({ errors: [], warnings: [], got: made })
    expect(report.stats.hits + report.stats.misses).toBe(prompts.length)
  }
  expect(reports.reduce((n, r) => n + r.stats.syntheses, 0)).toBe(prompts.length)
  return { calls, reports }
}

describe('entry locks across processes', () => {
  test('a lock left by a killed process is taken over at once, by a caller already waiting and by a new one', async () => {
    const dir = join(tempDir(), 'cache')
    for (const waiting of [true, false]) {
      const prompt = `killed holder, ${waiting ? 'waiting' : 'new'} caller`
      const holder = new Child('process-lock-holder.mjs', { dir, prompt, onRelease: 'store' })
      expect(await holder.line()).toBe('holding')
      const { lock } = entryFiles(dir, cacheKey(prompt))
      const { logger, warnings } = captureLogger()
      const inner = fakeSynthesizer()
      // Default lockStaleMs (30 s): only the dead pid can make this lock stale now.
      const synth = new CachedSynthesizer(inner, { cache: new AudioCache(dir, { logger, lockWaitMs: 20_000 }), logger })
      // The first lock attempt runs synchronously inside synthesize(): a waiting caller has met the live lock.
      const call = waiting ? synth.synthesize(prompt) : undefined
      expect(inner.calls).toHaveLength(0)
      const killed = performance.now()
      holder.proc.kill('SIGKILL')
      expect(await holder.exited).toEqual({ code: null, signal: 'SIGKILL' })
      expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: holder.pid })
      await (call ?? synth.synthesize(prompt))
      expect(performance.now() - killed).toBeLessThan(3000) // lockStaleMs is 30 s
      expect(inner.calls).toHaveLength(1)
      expect(warnings).toEqual([])
      expect(exists(lock)).toBe(false)
      expect(synth.cache.has(cacheKey(prompt), { prompt })).toBe(true)
    }
  })

  test('by default a waiter outlasts many heartbeats of a live holder and goes on the moment the holder fails', async () => {
    const dir = join(tempDir(), 'cache')
    const prompt = 'queued holder'
    const { lock } = entryFiles(dir, cacheKey(prompt))
    // A holder queued behind a provider's limit: alive, its heartbeat refreshing the lock every 100 ms.
    const holder = new Child('process-lock-holder.mjs', { dir, prompt, lockStaleMs: 300, onRelease: 'fail' })
    expect(await holder.line()).toBe('holding')
    const { logger, warnings } = captureLogger()
    const inner = fakeSynthesizer()
    const synth = new CachedSynthesizer(inner, { cache: new AudioCache(dir, { logger, lockStaleMs: 300 }), logger })
    const waiting = synth.synthesize(prompt)
    // Several stale periods pass, each ended by a heartbeat: the waiter neither gives up nor takes over.
    let beats = 0
    for (let seen = statSync(lock).mtimeMs; beats < 6; ) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      const now = statSync(lock).mtimeMs
      if (now !== seen) beats++
      seen = now
    }
    expect(inner.calls).toHaveLength(0)
    holder.send('release')
    expect(JSON.parse(await holder.line())).toMatchObject({ outcome: 'failed: released without audio' })
    await waiting
    expect(inner.calls).toHaveLength(1)
    expect(warnings).toEqual([])
  })

  test('a live holder that never finishes makes waiters wait; a short lockWaitMs ends the wait with one warning', async () => {
    const dir = join(tempDir(), 'cache')
    const prompt = 'stuck holder'
    const key = cacheKey(prompt)
    const { lock } = entryFiles(dir, key)
    // The holder's heartbeat (every lockStaleMs / 3) keeps its lock fresh while it is stuck.
    const holder = new Child('process-lock-holder.mjs', { dir, prompt, lockStaleMs: 600, onRelease: 'store' })
    expect(await holder.line()).toBe('holding')
    const held = readFileSync(lock, 'utf8')
    const { logger, warnings } = captureLogger()
    const inner = fakeSynthesizer()
    const synth = new CachedSynthesizer(inner, {
      cache: new AudioCache(dir, { logger, lockStaleMs: 600, lockWaitMs: 1800 }),
      logger,
    })

    const started = performance.now()
    await Promise.all([synth.synthesize(prompt), synth.synthesize(prompt)])
    const waited = performance.now() - started

    // It waited the whole lockWaitMs (3 × lockStaleMs: the heartbeat kept the lock from going stale),
    // then synthesized once without the lock, with one warning naming the timeout, and gave up no sooner.
    expect(waited).toBeGreaterThanOrEqual(1800)
    expect(waited).toBeLessThan(8000)
    expect(inner.calls).toHaveLength(1)
    expect(warnings).toHaveLength(1)
    const holderText = `pid ${holder.pid} on ${hostname()} since ${JSON.parse(held).createdAt}`
    const timeout = new LockTimeoutError(key, 0, holderText).message
    expect(warnings[0]?.replace(/Waited \d+ ms/, 'Waited 0 ms')).toBe(
      `russo: ${timeout} Synthesizing without the lock.`,
    )
    expect(readFileSync(lock, 'utf8')).toBe(held)
    expect(statSync(lock).mtimeMs).toBeGreaterThan(Date.now() - 1500)

    holder.send('release')
    expect(JSON.parse(await holder.line())).toEqual({ outcome: 'stored', warnings: [] })
    expect(await holder.exited).toEqual({ code: 0, signal: null })
    expect(exists(lock)).toBe(false)
  })

  test(`${PROCESSES} processes taking over stale locks at once: exactly one holds each, 50 rounds of 40 locks`, async () => {
    const dir = tempDir()
    const racers = await startRacers()
    const holders: number[] = []
    for (let round = 0; round < 50; round++) {
      // Many locks per round: one takeover race is over in ~0.1 ms, and a double holder is rare per race.
      const keys = range(40).map((i) => `r${round}k${i}`)
      for (const key of keys) staleLock(dir, key, round)
      for (const racer of racers) racer.send(`try ${round} ${dir} ${keys}`)
      const answers = await Promise.all(racers.map(async (r) => (await r.line()).split(' ')))
      expect(answers.filter(([r, got]) => r !== `${round}` || !/^[01]{40}$/.test(got ?? ''))).toEqual([])
      holders.push(...keys.map((_, i) => answers.filter(([, got]) => got?.[i] === '1').length))
      for (const racer of racers) racer.send(`release ${round}`)
      for (const racer of racers) expect(await racer.line()).toBe(`${round} released`)
    }
    expect(holders.filter((n) => n !== 1)).toEqual([])
    // Takeovers and releases leave nothing behind: no lock, no moved-aside lock, no temp file.
    expect(readdirSync(dir)).toEqual([])
    for (const racer of racers) racer.send('exit')
  })

  test(`${PROCESSES} synthesizers meeting stale locks: one inner call per prompt, all get its audio`, async () => {
    const base = tempDir()
    const racers = await startRacers()
    for (let round = 0; round < 10; round++) {
      const dir = join(base, `round${round}`)
      const prompts = range(10).map((i) => `stale-lock-race-${round}-${i}`)
      for (const prompt of prompts) staleLock(dir, cacheKey(prompt), round)
      for (const racer of racers) racer.send(`synth ${round} ${dir} ${prompts}`)
      type Answer = { results: [number, number, number][]; warnings: string[] }
      const answers = await Promise.all(
        racers.map(async (r) => JSON.parse((await r.line()).replace(`${round} `, '')) as Answer),
      )
      expect(answers.flatMap((a) => a.warnings)).toEqual([])
      for (const [i] of prompts.entries()) {
        const results = answers.map((a): [number, number, number] => a.results[i] ?? [0, -1, -1])
        expect(results.reduce((n, [calls]) => n + calls, 0)).toBe(1)
        const writer = results.find(([calls]) => calls === 1)?.[1]
        expect(results.map(([, w, seq]) => [w, seq])).toEqual(results.map(() => [writer, round]))
      }
    }
    for (const racer of racers) racer.send('exit')
  })

  test('a corrupt entry is left alone while another process holds its lock, and removed once the lock is free', async () => {
    const dir = join(tempDir(), 'cache')
    const prompt = 'corrupt under lock'
    const key = cacheKey(prompt)
    const files = entryFiles(dir, key)
    const holder = new Child('process-lock-holder.mjs', { dir, prompt, onRelease: 'fail' })
    expect(await holder.line()).toBe('holding')
    writeRaw(files.audio, 'half of some audio')
    writeRaw(files.meta, '{"format": "pcm", "sample_ra')
    backdate(60_000, files.audio, files.meta) // past any grace for live writers: only the lock protects it
    const { logger, warnings } = captureLogger()
    const cache = new AudioCache(dir, { logger })

    expect(cache.get(key, { prompt })).toBeUndefined()
    expect(cache.has(key)).toBe(false)
    expect(await cache.verify()).toMatchObject({
      checked: 1,
      corrupt: [{ key, reason: 'meta is not valid JSON' }],
      removal: { removed: [], left: [{ reason: 'another process holds its lock' }] },
    })
    expect((await cache.prune([])).removed).toEqual([])
    expect(cache.cleanup({ olderThanMs: 0 }).removed).toEqual([])
    expect(names(dir)).toEqual([`${key}.audio`, `${key}.lock`, `${key}.meta`])
    expect(warnings).toEqual([])

    holder.send('release')
    expect(JSON.parse(await holder.line())).toEqual({ outcome: 'failed: released without audio', warnings: [] })
    expect(await holder.exited).toEqual({ code: 0, signal: null })
    expect(cache.get(key, { prompt })).toBeUndefined()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`corrupt cache entry ${key}`)
    expect(names(dir)).toEqual([])
  })
})

/** One lock racer per process slot, each loaded and ready for commands. */
async function startRacers(): Promise<Child[]> {
  const lockModule = new URL('./internal/lock.js', builtEntry()).href
  const racers = range(PROCESSES).map((racer) => new Child('process-lock-racer.mjs', { lockModule, racer }))
  for (const racer of racers) expect(await racer.line()).toBe('ready')
  return racers
}

/** A `<key>.lock` of a holder that is gone: by age (a live pid, an hour old) in even rounds, by a dead pid in odd ones. */
function staleLock(dir: string, key: string, round: number): string {
  mkdirSync(dir, { recursive: true })
  const { lock } = entryFiles(dir, key)
  const pid = round % 2 === 0 ? process.pid : DEAD_PID
  writeFileSync(
    lock,
    JSON.stringify({ pid, host: hostname(), createdAt: new Date().toISOString(), token: `stale${round}` }),
  )
  if (round % 2 === 0) backdate(3_600_000, lock)
  return lock
}
