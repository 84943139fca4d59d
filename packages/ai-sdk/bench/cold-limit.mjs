// Cold recording at a provider's limit: 8 worker processes × (5 own + 5 shared prompts) on one cache
// directory, against a local OpenAI-format server that takes 250 ms per request and answers 429
// (retry-after: 1) above its limit of requests in flight. Floor = unique prompts × 250 ms ÷ limit.
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

async function run({ label, limit, options }) {
  const server = await startLimitedServer({ limit, latencyMs: LATENCY_MS })
  const scratch = mkdtempSync(join(tmpdir(), 'russo-cold-limit-'))
  const spawned = performance.now()
  try {
    const children = Array.from({ length: WORKERS }, (_, i) =>
      // TMPDIR: this run's shared-limit directory is its own, and removed with it.
      fork(worker, [packages, server.url, join(scratch, 'cache'), String(i), JSON.stringify(options)], {
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
  { label: 'limit configured (server 4, concurrency: 4)', limit: 4, options: { concurrency: 4 } },
  { label: 'stricter provider (server 2, defaults)', limit: 2, options: {} },
]
console.log(`code under test: ${packages}`)
console.log(
  `${WORKERS} workers × (5 own + 5 shared) = ${UNIQUE} prompts, ${LATENCY_MS} ms per request, ${rounds} rounds each`,
)
console.log(
  '| scenario | round | requests | 429s | duplicates | lost prompts | peak in flight | wall ms (go → all answered) | ÷ floor | first request → last answer ms | spawn → exit ms |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const scenario of scenarios) {
  for (let round = 1; round <= rounds; round++) {
    const r = await run(scenario)
    console.log(
      `| ${r.label} | ${round} | ${r.requests} | ${r.rateLimited} | ${r.duplicates} | ${r.lost} | ${r.peak} | ${r.wall.toFixed(0)} | ${(r.wall / r.floor).toFixed(2)} (floor ${r.floor.toFixed(0)}) | ${r.span.toFixed(0)} | ${r.total.toFixed(0)} |`,
    )
  }
}
