import { fork } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freshDir, prompts } from './fixtures.mjs'

const WORKER = new URL('../cold-worker.mjs', import.meta.url).pathname
const PROCESSES = 8
const PROMPTS = 20
const TTS_MS = 100
const BYTES = 100 * 1024

/**
 * 8 processes, one cold cache, the same 20 prompts: spawned, then started together once all have
 * loaded (a barrier over IPC), so start-up is not timed. The inner calls are counted in a shared log.
 */
async function coldRun(root, name, mode, orderOf) {
  const dir = freshDir(join(root, `cold-${name}`))
  const log = join(dir, '..', `cold-${name}.log`)
  writeFileSync(log, '')
  const texts = prompts(`cold ${name}`, PROMPTS)
  const children = Array.from({ length: PROCESSES }, (_, w) => {
    const order = Array.from({ length: PROMPTS }, (_, i) => (orderOf(w) + i) % PROMPTS)
    return fork(WORKER, [JSON.stringify({ dir, log, mode, ttsMs: TTS_MS, bytes: BYTES, order })])
  })
  const exited = children.map(
    (child) =>
      new Promise((resolve, reject) =>
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cold worker exited with ${code}`)))),
      ),
  )
  await Promise.all(children.map((child, i) => nextMessage(child, exited[i])))
  const done = children.map((child, i) => nextMessage(child, exited[i]))
  const started = performance.now()
  for (const child of children) child.send(texts)
  const reports = await Promise.all(done)
  const wallMs = performance.now() - started
  await Promise.all(exited)

  const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean)
  const perPrompt = new Map(texts.map((t) => [t, 0]))
  for (const line of calls) {
    const text = line.split('\t')[1]
    perPrompt.set(text, (perPrompt.get(text) ?? 0) + 1)
  }
  const sum = (field) => reports.reduce((n, r) => n + r.stats[field], 0)
  return {
    name,
    mode,
    processes: PROCESSES,
    prompts: PROMPTS,
    ttsMs: TTS_MS,
    innerCalls: calls.length,
    maxCallsPerPrompt: Math.max(...perPrompt.values()),
    hits: sum('hits'),
    misses: sum('misses'),
    wallMs,
    slowestProcessMs: Math.max(...reports.map((r) => r.ms)),
  }
}

/** The child's next IPC message; rejects if it exits first, so a crashed worker cannot hang the bench. */
function nextMessage(child, exited) {
  return Promise.race([
    new Promise((resolve) => child.once('message', resolve)),
    exited.then(() => Promise.reject(new Error('a cold worker exited without reporting'))),
  ])
}

export async function benchCold({ root }) {
  return [
    // No cache: every process synthesizes every prompt.
    await coldRun(root, 'no-cache', 'off', () => 0),
    // Worst contention: all 8 ask for prompt 0, then 1, … at the same moment.
    await coldRun(root, 'same-order', 'auto', () => 0),
    // Test files rarely share an order: each process starts elsewhere in the list.
    await coldRun(root, 'staggered', 'auto', (w) => Math.floor((w * PROMPTS) / PROCESSES)),
  ]
}
