// Cost of EspeakSynthesizer.synthesize: cold (first call in a fresh process), warm (median of later
// calls), 20 calls in parallel, memory; and, for comparison, the package's plain usage (a fresh
// ESpeakNg({ arguments }) per call). Run after `pnpm --filter @russo/espeak build`:
//   node packages/espeak/bench/run.mjs
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const PROMPT = 'Book a flight from Berlin to Rome on the third of March.'
const ROUNDS = Number(process.env.ROUNDS ?? 30)

if (process.argv[2] === 'child') {
  const { EspeakSynthesizer } = await import('../dist/index.js')
  const synth = new EspeakSynthesizer()
  const rss = () => process.memoryUsage().rss / 2 ** 20
  const rssBeforeMb = rss()
  const time = async (fn) => {
    const started = performance.now()
    await fn()
    return performance.now() - started
  }
  const cold = await time(() => synth.synthesize(PROMPT))
  const rssColdMb = rss()
  const warm = []
  for (let i = 0; i < ROUNDS; i++) warm.push(await time(() => synth.synthesize(`${PROMPT} ${i}`)))
  const parallel = await time(() =>
    Promise.all(Array.from({ length: 20 }, (_, i) => synth.synthesize(`${PROMPT} ${i}`))),
  )
  const rssWarmMb = rss()
  const { default: ESpeakNg } = await import('espeak-ng')
  const plain = []
  for (let i = 0; i < 10; i++) {
    plain.push(
      await time(() => ESpeakNg({ arguments: ['-v', 'en-us', '-w', '/o.wav', PROMPT], print() {}, printErr() {} })),
    )
  }
  console.log(
    JSON.stringify({
      cold,
      warm: median(warm),
      parallel20: parallel,
      plainPerCall: median(plain),
      rssBeforeMb,
      rssColdMb,
      rssWarmMb,
    }),
  )
} else {
  const runs = []
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'child'], { encoding: 'utf8' })
    runs.push(JSON.parse(out))
  }
  const pick = (k) => median(runs.map((r) => r[k])).toFixed(0)
  console.log(`espeak-ng ${PROMPT.length}-character prompt, median of 5 processes (${ROUNDS} warm calls each):`)
  console.log(`  cold (first call: load + compile + run)  ${pick('cold')} ms`)
  console.log(`  warm (median)                            ${pick('warm')} ms`)
  console.log(`  20 calls in parallel                     ${pick('parallel20')} ms`)
  console.log(`  plain ESpeakNg({ arguments }) per call   ${pick('plainPerCall')} ms`)
  console.log(
    `  process RSS: before / after the cold call / after ${ROUNDS + 21} calls  ${pick('rssBeforeMb')} / ${pick('rssColdMb')} / ${pick('rssWarmMb')} MB`,
  )
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
