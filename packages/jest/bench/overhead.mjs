// Per-file overhead of @russo/jest (issue 9): `pnpm --filter @russo/jest bench` after a build.
// The same 30-file suite twice: through @russo/jest's preset on a warm cache, and calling a plain
// in-memory synthesizer without it. Whole `jest` runs (2 workers, warm Jest cache), alternating, paired
// per round. Prints Markdown; writes .bench-tmp/overhead.json. Target: russo / plain wall time <= 1.10.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, release, type } from 'node:os'
import { dirname, join } from 'node:path'
import { alternateRuns, median, printRuns } from '../../../scripts/bench/whole-runs.mjs'

const FILES = 30
const TESTS_PER_FILE = 5
const PROMPTS = 20
const AUDIO_BYTES = 32_000 // 1 s of 16 kHz 16-bit mono PCM
const ROUNDS = Number(process.env.RUSSO_BENCH_ROUNDS ?? 6)
const TARGET = 1.1

const pkg = new URL('..', import.meta.url).pathname
const out = join(pkg, '.bench-tmp')
const root = join(out, 'overhead')
rmSync(root, { recursive: true, force: true })

install(join(root, 'node_modules'))
const plain = suite('plain', false)
const russo = suite('russo', true)

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${type()} ${release()}, Node ${process.version}`
console.log(`machine: ${machine}`)
console.log(
  `suite: ${FILES} files x ${TESTS_PER_FILE} tests, ${PROMPTS} prompts of ${AUDIO_BYTES} bytes; ${ROUNDS} rounds`,
)

// Untimed: fills the cache and warms the page cache and both projects' Jest caches.
run(plain)
const fill = run(russo)
if (!/misses 20\b/.test(fill.output)) fail(`the warm-up run did not record the ${PROMPTS} prompts:\n${fill.output}`)

const measured = alternateRuns({
  rounds: ROUNDS,
  baseline: plain,
  subject: russo,
  run,
  checkSubject: (result) => {
    if (!/hits 150 {2}misses 0\b/.test(result.output)) fail(`a timed russo run was not all hits:\n${result.output}`)
  },
})
const { times, ratios, ratio } = measured
printRuns(measured, {
  labels: {
    plain: 'plain in-memory synthesizer, node environment',
    russo: '@russo/jest preset, warm cache',
  },
  ratioName: 'russo / plain',
  target: TARGET,
})
console.log(
  `per-file overhead: ${((median(times.russo) - median(times.plain)) / FILES).toFixed(1)} ms per test file (medians)`,
)
mkdirSync(out, { recursive: true })
writeFileSync(
  join(out, 'overhead.json'),
  `${JSON.stringify({ machine, rounds: ROUNDS, times, ratios, ratio, target: TARGET }, null, 2)}\n`,
)
if (!process.env.RUSSO_BENCH_KEEP) rmSync(root, { recursive: true, force: true })

/** The built packages copied under node_modules, as a user's install has them; Jest and the rest linked. */
function install(modules) {
  const requireFrom = (dir) => createRequire(join(dir, 'package.json'))
  for (const [name, from] of [
    ['@russo/jest', pkg],
    ['@russo/cache', join(pkg, '../cache')],
    ['@russo/runner-kit', join(pkg, '../runner-kit')],
  ]) {
    mkdirSync(join(modules, name), { recursive: true })
    cpSync(join(from, 'package.json'), join(modules, name, 'package.json'))
    cpSync(join(from, 'dist'), join(modules, name, 'dist'), { recursive: true })
  }
  const link = (require, name) =>
    symlinkSync(realpathSync(dirname(require.resolve(`${name}/package.json`))), join(modules, name), 'dir')
  link(requireFrom(pkg), 'jest')
  link(requireFrom(join(pkg, '../runner-kit')), 'picocolors')
  link(requireFrom(join(pkg, '../cache')), 'debug')
}

/** A project of FILES CommonJS test files; `withRusso` decides between `synth` and the synthesizer itself. */
function suite(name, withRusso) {
  const dir = join(root, name)
  mkdirSync(join(dir, 'tests'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n')
  writeFileSync(
    join(dir, 'synthesizer.js'),
    `// In memory: the same bytes for a prompt every time, no I/O.
const memory = new Map()
module.exports = {
  async synthesize(text) {
    let data = memory.get(text)
    if (data === undefined) memory.set(text, (data = new Uint8Array(${AUDIO_BYTES}).fill(text.length)))
    return { data, format: 'pcm', sampleRate: 16000, channels: 1, sampleWidth: 2 }
  },
}
`,
  )
  writeFileSync(
    join(dir, 'jest.config.js'),
    withRusso
      ? `module.exports = { preset: '@russo/jest', testEnvironmentOptions: { russo: { synthesizer: './synthesizer.js' } } }\n`
      : `module.exports = { testEnvironment: 'node' }\n`,
  )
  for (let file = 0; file < FILES; file++) {
    const tests = Array.from({ length: TESTS_PER_FILE }, (_, i) => {
      const prompt = JSON.stringify(`Prompt number ${(file * TESTS_PER_FILE + i) % PROMPTS} for the booking agent`)
      return `test(${JSON.stringify(`test ${i}`)}, async () => {\n  expect((await synth.synthesize(${prompt})).data.byteLength).toBe(${AUDIO_BYTES})\n})`
    })
    const imports = withRusso
      ? `const { synth } = require('@russo/jest')\n`
      : `const synth = require('../synthesizer.js')\n`
    writeFileSync(
      join(dir, 'tests', `file-${String(file).padStart(2, '0')}.test.js`),
      `${imports}\n${tests.join('\n\n')}\n`,
    )
  }
  return { name, dir, cache: join(dir, '.jest-cache') }
}

function run(project) {
  const env = { ...process.env, NO_COLOR: '1' }
  for (const name of Object.keys(env)) if (/^(CI|RUSSO_|_RUSSO_|JEST)/.test(name)) delete env[name]
  // Jest 30 swaps its summary for a terse one when it sees an AI agent's variables.
  for (const name of ['AI_AGENT', 'CLAUDECODE', 'CLAUDE_CODE', 'CODEX_SANDBOX', 'CURSOR_AGENT', 'GEMINI_CLI'])
    delete env[name]
  const started = performance.now()
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/jest/bin/jest.js'), '--maxWorkers=2', `--cacheDirectory=${project.cache}`],
    { cwd: project.dir, env, encoding: 'utf8' },
  )
  const ms = performance.now() - started
  const output = `${result.stdout}\n${result.stderr}`
  if (result.status !== 0) fail(`jest failed in ${project.dir}:\n${output}`)
  return { ms, output }
}

function fail(message) {
  console.error(message)
  process.exit(1)
}
