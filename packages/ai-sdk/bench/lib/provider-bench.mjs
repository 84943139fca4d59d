// A cloud TTS suite, cold and warm, against a local server that takes 400 ms per request (a hosted
// TTS round trip), and the adapter's own cost on a cache hit against a bare synthesizer's.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CachedSynthesizer } from '@russo/cache'
import { startSlowServer } from './slow-server.mjs'
import { median, pairedHitRatio } from './stats.mjs'

const ROUNDS = Number(process.env.ROUNDS ?? 3)
const OVERHEAD_ROUNDS = Number(process.env.OVERHEAD_ROUNDS ?? 15)
const LATENCY_MS = 400
const prompts = Array.from({ length: 50 }, (_, i) => `Prompt ${i}: please book a table for ${i + 2} people at eight.`)

/** `makeAdapter(url)` gives the synthesizer under test, pointed at the server; `reply(body, res)` answers. */
export async function benchProvider({ label, makeAdapter, reply, format }) {
  const server = await startSlowServer(LATENCY_MS, reply)
  const scratch = mkdtempSync(join(tmpdir(), 'russo-provider-bench-'))
  // The suite as a test run makes it: every prompt asked at once (the adapter's concurrency limit applies).
  const suite = async (synth) => {
    const started = performance.now()
    const audios = await Promise.all(prompts.map((p) => synth.synthesize(p)))
    if (audios.some((a) => a.format !== format || a.data.byteLength === 0)) throw new Error('bad audio')
    return performance.now() - started
  }
  try {
    const cold = []
    const warm = []
    for (let round = 0; round < ROUNDS; round++) {
      const cacheDir = join(scratch, `round-${round}`)
      const before = server.requests
      cold.push(await suite(new CachedSynthesizer(makeAdapter(server.url), { cacheDir })))
      if (server.requests - before !== prompts.length) throw new Error('the cold run did not synthesize every prompt')
      for (let i = 0; i < 5; i++) {
        warm.push(await suite(new CachedSynthesizer(makeAdapter(server.url), { cacheDir, mode: 'offline' })))
      }
      if (server.requests - before !== prompts.length) throw new Error('a warm run reached the server')
    }
    const coldMs = median(cold)
    const warmMs = median(warm)
    console.log(`${label}: 50 prompts, server latency ${LATENCY_MS} ms, concurrency 4 (the default)`)
    console.log('| run | runs | median ms |')
    console.log('| --- | ---: | ---: |')
    console.log(`| cold (every prompt synthesized) | ${cold.length} | ${coldMs.toFixed(0)} |`)
    console.log(`| warm (every prompt a hit) | ${warm.length} | ${warmMs.toFixed(1)} |`)
    console.log(`warm is ${(coldMs / warmMs).toFixed(0)}x faster (target >= 20x)\n`)

    // The same 50 entries through the adapter and through a bare synthesizer with the same key extra.
    const cacheDir = join(scratch, 'round-0')
    const adapted = new CachedSynthesizer(makeAdapter(server.url), { cacheDir, mode: 'offline' })
    const bare = new CachedSynthesizer(
      { cacheKeyExtra: { ...adapted.inner.cacheKeyExtra }, synthesize: () => Promise.reject(new Error('unused')) },
      { cacheDir, mode: 'offline' },
    )
    const { ratio, perRound } = await pairedHitRatio(adapted, bare, prompts, OVERHEAD_ROUNDS)
    console.log(`hit: CachedSynthesizer(adapter) / CachedSynthesizer(bare) = ${ratio.toFixed(3)} (target <= 1.05)`)
    console.log(`per round: ${perRound.map((r) => r.toFixed(3)).join(', ')}`)
  } finally {
    await server.close()
    rmSync(scratch, { recursive: true, force: true })
  }
}
