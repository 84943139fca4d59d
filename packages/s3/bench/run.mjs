// Benchmark of @russo/s3 (issue 16): `pnpm --filter @russo/s3 bench` after a build. Starts its own radosgw.
// Prints Markdown tables that docs/benchmarks.md quotes.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { AudioCache, CachedSynthesizer, cacheKey, encodeRemoteEntry } from '@russo/cache'
import { S3Store } from '../dist/index.js'
import { startRadosgw, stopRadosgw } from '../test/helpers/radosgw.mjs'

const WORKERS = 8
const ENTRIES = 200
const BYTES = 100 * 1024
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
// BENCH_PARTS=fetch,hits,down (default all three).
const PARTS = (process.env.BENCH_PARTS ?? 'fetch,hits,down').split(',')
const worker = fileURLToPath(new URL('./worker.mjs', import.meta.url))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const gw = await startRadosgw()
const tmp = mkdtempSync(join(tmpdir(), 'russo-s3-bench-'))
try {
  const aws = {
    AWS_ENDPOINT_URL_S3: gw.endpoint,
    AWS_ACCESS_KEY_ID: gw.writer.accessKeyId,
    AWS_SECRET_ACCESS_KEY: gw.writer.secretAccessKey,
    AWS_REGION: 'us-east-1',
  }
  Object.assign(process.env, aws)
  const admin = new S3Client({
    endpoint: gw.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: gw.writer,
  })
  await admin.send(new CreateBucketCommand({ Bucket: gw.bucket }))
  admin.destroy()
  const url = `s3://${gw.bucket}/bench`
  const store = new S3Store(url)
  const prompts = Array.from({ length: ENTRIES }, (_, i) => `benchmark prompt number ${i}`)
  const keys = prompts.map((p) => cacheKey(p, { voice: 'bench' }))
  for (const [i, prompt] of prompts.entries()) {
    const audio = new Uint8Array(BYTES).map((_, j) => (i * 31 + j) & 0xff)
    await store.put(
      keys[i],
      encodeRemoteEntry(keys[i], { format: 'pcm', sampleRate: 16000, prompt, extra: { voice: 'bench' } }, audio),
    )
  }
  await store.close()
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}; ${ENTRIES} entries of ${BYTES / 1024} KB, ${WORKERS} workers, ${ROUNDS} rounds`,
  )

  const share = (list, w) => list.filter((_, i) => i % WORKERS === w)
  async function fleet(mode, extra = {}) {
    const dir = mkdtempSync(join(tmp, `${mode}-`))
    const started = performance.now()
    const outs = await Promise.all(
      Array.from({ length: WORKERS }, (_, w) =>
        run({
          ...aws,
          ...extra,
          BENCH_MODE: mode,
          BENCH_DIR: dir,
          BENCH_URL: extra.BENCH_URL ?? url,
          BENCH_BUCKET: gw.bucket,
          BENCH_PREFIX: 'bench',
          BENCH_PROMPTS: JSON.stringify(share(prompts, w)),
          BENCH_KEYS: JSON.stringify(share(keys, w)),
        }),
      ),
    )
    const ms = performance.now() - started
    rmSync(dir, { recursive: true, force: true })
    return { ms, stats: outs.map((o) => (o ? JSON.parse(o) : undefined)) }
  }

  // 1. Empty local cache, all 200 from the bucket, vs a bare loop of GetObjects at the same concurrency.
  const ratios = []
  const russoMs = []
  const bareMs = []
  for (let r = 0; PARTS.includes('fetch') && r < ROUNDS; r++) {
    const bare = await fleet('bare')
    const russo = await fleet('russo')
    const hits = russo.stats.reduce((n, s) => n + s.remoteHits, 0)
    if (hits !== ENTRIES || russo.stats.some((s) => s.syntheses > 0))
      throw new Error(`expected ${ENTRIES} remote hits, got ${hits}`)
    bareMs.push(bare.ms)
    russoMs.push(russo.ms)
    ratios.push(russo.ms / bare.ms)
  }
  if (PARTS.includes('fetch')) {
    console.log('\n### Empty local cache → 200 hits from the bucket (8 worker processes)\n')
    console.log('| run | median ms | ratio to bare GetObject loop (median of paired rounds) | target |')
    console.log('| --- | ---: | ---: | ---: |')
    console.log(`| bare GetObject loop (SDK only) | ${median(bareMs).toFixed(0)} | 1.00 | |`)
    console.log(
      `| russo: local miss → GET → verify → local write | ${median(russoMs).toFixed(0)} | ${median(ratios).toFixed(2)}× | ≤ 1.5× |`,
    )
  }

  if (PARTS.includes('hits')) {
    // 2. The local hit path with a remote configured vs none (paired, same warm cache).
    const warm = join(tmp, 'warm')
    const filler = new CachedSynthesizer(
      {
        cacheKeyExtra: { voice: 'bench' },
        synthesize: async () => {
          throw new Error('never')
        },
      },
      { cache: new AudioCache(warm), remote: { store: new S3Store(url) } },
    )
    for (const prompt of prompts) await filler.synthesize(prompt)
    const inner = {
      cacheKeyExtra: { voice: 'bench' },
      synthesize: async () => {
        throw new Error('a hit was expected')
      },
    }
    const hitPass = async (remote) => {
      const synth = new CachedSynthesizer(inner, {
        cache: new AudioCache(warm),
        ...(remote ? { remote: { store: new S3Store(url) } } : {}),
      })
      const started = performance.now()
      for (const prompt of prompts) await synth.synthesize(prompt)
      return performance.now() - started
    }
    for (let i = 0; i < 10; i++) await hitPass(i % 2 === 0)
    // Many short passes, alternating which goes first: on a shared machine single passes vary by 2×, so the
    // median of paired ratios and the ratio of the fastest passes are what say anything.
    const hitRatios = []
    const withRemote = []
    const without = []
    for (let r = 0; r < 200; r++) {
      const first = r % 2 === 0
      const a = await hitPass(first)
      const b = await hitPass(!first)
      hitRatios.push(first ? a / b : b / a)
      withRemote.push(first ? a : b)
      without.push(first ? b : a)
    }
    console.log('\n### Local hit path: remote configured vs none (200 hits of 100 KB per pass, 200 paired passes)\n')
    console.log('| comparison | median of paired ratios | fastest pass / fastest pass | target |')
    console.log('| --- | ---: | ---: | ---: |')
    console.log(
      `| hits with a remote configured / hits without | ${median(hitRatios).toFixed(3)}× | ${(Math.min(...withRemote) / Math.min(...without)).toFixed(3)}× | ≤ 1.02× |`,
    )
  }
  if (PARTS.includes('down')) {
    // 3. Remote down (accepts, never answers) vs no remote: cold cache, every prompt synthesized.
    const hung = await hungServer()
    const downEnv = { AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${hung.port}` }
    const deltas = []
    for (let r = 0; r < 3; r++) {
      const none = await fleet('none')
      const down = await fleet('down', downEnv)
      deltas.push(down.ms - none.ms)
    }
    hung.close()
    console.log('\n### Remote down (hung) vs no remote, cold cache, 8 workers without the run probe (worst case)\n')
    console.log('| comparison | median extra ms | in timeouts (3,000 ms) per worker | target |')
    console.log('| --- | ---: | ---: | ---: |')
    console.log(`| down − none | ${median(deltas).toFixed(0)} | ${(median(deltas) / 3000).toFixed(2)} | ≤ 1 |`)
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
  await stopRadosgw(gw.dir)
}

function run(env) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [worker], { env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`worker failed: ${stderr}`))
      else resolve(stdout)
    })
  })
}

function hungServer() {
  const sockets = []
  const server = createServer((socket) => sockets.push(socket.on('error', () => {})))
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        close: () => {
          for (const s of sockets) s.destroy()
          server.close()
        },
      }),
    ),
  )
}
