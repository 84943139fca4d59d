// Cold recording at a provider's limit: 8 worker processes × (5 own + 5 shared prompts) on one cache
// directory, against a local OpenAI-format server that takes 250 ms per request and answers 429
// (retry-after: 1) above its limit of requests in flight. Floor = unique prompts × 250 ms ÷ limit;
// baseline = the same prompts from one process (nothing to coordinate), measured in the same rounds.
// Wall time runs from the moment every worker has started (an IPC go) to the last answer.
//   pnpm build && node packages/ai-sdk/bench/cold-limit.mjs
//   PACKAGES=/path/to/other/packages node packages/ai-sdk/bench/cold-limit.mjs   (another build, e.g. before a change)
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startLimitedServer } from './lib/limited-server.mjs'

const packages = process.env.PACKAGES ?? fileURLToPath(new URL('../..', import.meta.url))
const worker = fileURLToPath(new URL('./lib/cold-worker.mjs', import.meta.url))
const WORKERS = 8
const LATENCY_MS = 250
const UNIQUE = WORKERS * 5 + 5

const own = (w) => Array.from({ length: 5 }, (_, i) => `Worker ${w} asks its own prompt number ${i}.`)
const shared = Array.from({ length: 5 }, (_, i) => `Every worker asks shared prompt number ${i}.`)
/** Each worker's prompts: its own 5 and the 5 every worker asks. */
const spread = Array.from({ length: WORKERS }, (_, w) => [...own(w), ...shared])
/** The same 45 prompts asked by one process: no other worker to coordinate with, the measured floor. */
const alone = [[...Array.from({ length: WORKERS }, (_, w) => own(w)).flat(), ...shared]]

async function run({ label, limit, options, workers }) {
  const server = await startLimitedServer({ limit, latencyMs: LATENCY_MS })
  const scratch = mkdtempSync(join(tmpdir(), 'russo-cold-limit-'))
  const spawned = performance.now()
  try {
    const children = workers.map((prompts) =>
      // TMPDIR: this run's shared-limit directory is its own, and removed with it.
      fork(worker, [packages, server.url, join(scratch, 'cache'), JSON.stringify(prompts), JSON.stringify(options)], {
        env: { ...process.env, TMPDIR: scratch },
      }),
    )
    const next = (child) =>
      new Promise((resolve, reject) => {
        child.once('message', resolve)
        child.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)))
      })
    await Promise.all(children.map(next))
    const started = performance.now()
    const done = children.map(next)
    for (const child of children) child.send('go')
    const reports = await Promise.all(done)
    const wall = performance.now() - started
    const total = performance.now() - spawned
    const { figures } = server
    const answered = [...figures.answered.values()]
    const floor = (UNIQUE * LATENCY_MS) / limit
    const span = figures.last - figures.first
    // VERBOSE=1: where the time goes (until the first request, then between first request and last answer).
    if (process.env.VERBOSE) console.error(label, { toFirst: figures.first - started, span, wall })
    return {
      label,
      requests: figures.requests,
      rateLimited: figures.rateLimited,
      duplicates: answered.reduce((sum, n) => sum + n, 0) - answered.length,
      lost: reports.reduce((sum, r) => sum + r.lost, 0),
      peak: figures.peak,
      floor,
      span,
      wall,
      total,
    }
  } finally {
    await server.close()
    rmSync(scratch, { recursive: true, force: true })
  }
}

const rounds = Number(process.env.ROUNDS ?? 3)
const scenarios = [
  {
    label: 'baseline: 1 process asks all 45, server 4, concurrency: 4',
    limit: 4,
    options: { concurrency: 4 },
    workers: alone,
  },
  {
    label: 'limit configured: 8 workers, server 4, concurrency: 4',
    limit: 4,
    options: { concurrency: 4 },
    workers: spread,
  },
  { label: 'stricter provider: 8 workers, server 2, defaults', limit: 2, options: {}, workers: spread },
]
console.log(`code under test: ${packages}`)
console.log(
  `${UNIQUE} distinct prompts, ${LATENCY_MS} ms per request, ${rounds} rounds, scenarios interleaved in each round`,
)
console.log(
  '| scenario | requests | 429s | duplicates | lost prompts | peak in flight | wall ms (go → all answered) | ÷ floor | ÷ baseline |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
const results = scenarios.map(() => [])
for (let round = 1; round <= rounds; round++) {
  for (const [i, scenario] of scenarios.entries()) results[i].push(await run(scenario))
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]
const baseline = median(results[0].map((r) => r.wall))
for (const runs of results) {
  const sum = (name) => runs.map((r) => r[name]).join(' / ')
  const wall = median(runs.map((r) => r.wall))
  const { label, floor } = runs[0]
  console.log(
    `| ${label} | ${sum('requests')} | ${sum('rateLimited')} | ${sum('duplicates')} | ${sum('lost')} | ${sum('peak')} | ${wall.toFixed(0)} (median) | ${(wall / floor).toFixed(2)} (floor ${floor.toFixed(0)}) | ${(wall / baseline).toFixed(2)} |`,
  )
}
