// `pnpm bench` in packages/cli: paired figures for `russo ls --json`, `russo ls`, `russo verify` and `russo html`,
// each against a floor measured in the same run. Caches are built once into .bench-tmp/ (≈0.5 GB, git-ignored).
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { firstScreen } from './lib/first-screen.mjs'
import { benchCache } from './lib/fixture.mjs'
import { paired } from './lib/paired.mjs'

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const BARE_LS = fileURLToPath(new URL('./lib/bare-ls.mjs', import.meta.url))
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9)
const node = (...args) => [process.execPath, args]
const verdict = (ok) => (ok ? 'PASS' : 'FAIL')
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

console.log(`building caches (first run only) …`)
const big = benchCache(10_000)
const audioBytes = readdirSync(big)
  .filter((n) => n.endsWith('.audio'))
  .reduce((sum, n) => sum + statSync(join(big, n)).size, 0)

const ls = paired(node(BIN, 'ls', '--json', '--dir', big), node(BARE_LS, big), ROUNDS)
console.log(
  `ls --json, 10,000 entries: russo ${ls.a.toFixed(0)} ms, bare script ${ls.b.toFixed(0)} ms → ${(ls.a / ls.b).toFixed(2)}x (target ≤ 2x: ${verdict(ls.a / ls.b <= 2)})`,
)

// The text table against the JSON of the same rows: the table must stay linear (cli-table3 took 18.8 s here).
const lsText = paired(node(BIN, 'ls', '--dir', big), node(BIN, 'ls', '--json', '--dir', big), ROUNDS)
console.log(
  `ls (text table), 10,000 entries: russo ${lsText.a.toFixed(0)} ms, ls --json ${lsText.b.toFixed(0)} ms → ${(lsText.a / lsText.b).toFixed(2)}x (target ≤ 2x: ${verdict(lsText.a / lsText.b <= 2)})`,
)

const sha = ['sh', ['-c', `find '${big}' -name '*.audio' -print0 | xargs -0 sha256sum > /dev/null`]]
const verify = paired(node(BIN, 'verify', '--dir', big), sha, ROUNDS)
const mb = audioBytes / 1024 ** 2
console.log(
  `verify, 10,000 entries (${mb.toFixed(0)} MB): russo ${verify.a.toFixed(0)} ms (${(mb / (verify.a / 1000)).toFixed(0)} MB/s), ` +
    `sha256sum ${verify.b.toFixed(0)} ms (${(mb / (verify.b / 1000)).toFixed(0)} MB/s) → ${((verify.b / verify.a) * 100).toFixed(0)}% of its throughput (target ≥ 80%: ${verdict(verify.b / verify.a >= 0.8)})`,
)

const small = benchCache(2_000)
const pagePath = join(small, '..', 'russo-cache.html')
const t0 = process.hrtime.bigint()
const made = spawnSync(process.execPath, [BIN, 'html', '--dir', small, '--out', pagePath], { encoding: 'utf8' })
if (made.status !== 0) throw new Error(`russo html failed: ${made.stderr}`)
const htmlMs = Number(process.hrtime.bigint() - t0) / 1e6
const screens = await firstScreen(pagePath, Math.max(3, Math.ceil(ROUNDS / 2)))
const paints = screens.map((s) => s.fcp).filter((t) => t !== null)
const fcp = paints.length > 0 ? `${median(paints).toFixed(0)} ms` : 'n/a'
const drawn = median(screens.map((s) => s.drawn))
console.log(
  `html, 2,000 entries: written in ${htmlMs.toFixed(0)} ms (${(statSync(pagePath).size / 1024).toFixed(0)} kB page); in Chromium ` +
    `first paint ${fcp}, first screen with waveforms ${drawn.toFixed(0)} ms (${screens[0].rows} rows, ${screens[0].canvases} drawn) (target < 1000 ms: ${verdict(drawn < 1000)})`,
)
