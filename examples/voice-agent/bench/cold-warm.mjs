// Wall time of this suite with a cleared cache (every prompt synthesized by espeak-ng) against a warm
// one (every prompt a hit), alternating cold and warm runs so drift hits both alike.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const rounds = Number(process.env.ROUNDS ?? 5)
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
const root = new URL('..', import.meta.url).pathname

function run(flags) {
  const started = performance.now()
  const result = spawnSync(process.execPath, [vitest, 'run', '--', ...flags], { cwd: root, encoding: 'utf8' })
  const ms = performance.now() - started
  if (result.status !== 0) throw new Error(`vitest run -- ${flags.join(' ')} failed:\n${result.stdout}${result.stderr}`)
  const line = result.stdout.split('\n').find((l) => l.startsWith('russo ')) ?? ''
  return { ms, hits: Number(/hits (\d+)/.exec(line)?.[1]), misses: Number(/misses (\d+)/.exec(line)?.[1]) }
}

const cold = []
const warm = []
for (let i = 0; i < rounds; i++) {
  cold.push(run(['--russo-clear-cache']))
  warm.push(run(['--russo-offline']))
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const coldMs = median(cold.map((r) => r.ms))
const warmMs = median(warm.map((r) => r.ms))
console.log(`| run | rounds | median wall ms | hits | misses |`)
console.log(`| --- | --- | --- | --- | --- |`)
console.log(`| cold (--russo-clear-cache) | ${rounds} | ${coldMs.toFixed(0)} | ${cold[0].hits} | ${cold[0].misses} |`)
console.log(`| warm (--russo-offline) | ${rounds} | ${warmMs.toFixed(0)} | ${warm[0].hits} | ${warm[0].misses} |`)
console.log(`\nwarm / cold = ${(warmMs / coldMs).toFixed(2)} (cold is ${(coldMs / warmMs).toFixed(2)}x the warm time)`)
