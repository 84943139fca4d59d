// Plugin overhead (issue 3): `pnpm --filter @russo/vitest bench` after a build.
// The same 20-file suite twice: through @russo/vitest on a warm cache, and calling a plain in-memory
// synthesizer without the plugin. Whole `vitest run`s, alternating, paired per round. Prints Markdown;
// writes .bench-tmp/overhead.json. Target: plugin / plain wall time <= 1.10.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, release, type } from 'node:os'
import { dirname, join } from 'node:path'
import { alternateRuns, printRuns } from '../../../scripts/bench/whole-runs.mjs'

const FILES = 20
const TESTS_PER_FILE = 5
const PROMPTS = 20
const AUDIO_BYTES = 32_000 // 1 s of 16 kHz 16-bit mono PCM
const ROUNDS = Number(process.env.RUSSO_BENCH_ROUNDS ?? 6)
const TARGET = 1.1
// Vitest 5 where Node runs it (>= 22.12), else the workspace's 4.1; RUSSO_BENCH_VITEST=4|5 chooses.
const [nodeMajor, nodeMinor] = process.versions.node.split('.').map(Number)
const VITEST_MAJOR =
  process.env.RUSSO_BENCH_VITEST ?? (nodeMajor > 22 || (nodeMajor === 22 && nodeMinor >= 12) ? '5' : '4')

const pkg = new URL('..', import.meta.url).pathname
const out = join(pkg, '.bench-tmp')
const root = join(out, 'overhead')
rmSync(root, { recursive: true, force: true })

install(join(root, 'node_modules'))
const plain = suite('plain', false)
const plugin = suite('plugin', true)

const vitestVersion = createRequire(join(root, 'package.json'))('vitest/package.json').version
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${type()} ${release()}, Node ${process.version}, Vitest ${vitestVersion}`
console.log(`machine: ${machine}`)
console.log(
  `suite: ${FILES} files x ${TESTS_PER_FILE} tests, ${PROMPTS} prompts of ${AUDIO_BYTES} bytes; ${ROUNDS} rounds`,
)

// Untimed: fills the cache and warms the page cache and both projects' Vite transforms.
run(plain)
const fill = run(plugin)
if (!/misses 20\b/.test(fill.stdout)) fail(`the warm-up run did not record the ${PROMPTS} prompts:\n${fill.stdout}`)

const measured = alternateRuns({
  rounds: ROUNDS,
  baseline: plain,
  subject: plugin,
  run,
  checkSubject: (result) => {
    if (!/hits 100 {2}misses 0\b/.test(result.stdout)) fail(`a timed plugin run was not all hits:\n${result.stdout}`)
  },
})
const { times, ratios, ratio } = measured
printRuns(measured, {
  labels: { plain: 'plain in-memory synthesizer, no plugin', plugin: '@russo/vitest, warm cache' },
  ratioName: 'plugin / plain',
  target: TARGET,
})
mkdirSync(out, { recursive: true })
writeFileSync(
  join(out, 'overhead.json'),
  `${JSON.stringify({ machine, rounds: ROUNDS, times, ratios, ratio, target: TARGET }, null, 2)}\n`,
)
if (!process.env.RUSSO_BENCH_KEEP) rmSync(root, { recursive: true, force: true })

/** The built packages copied under node_modules, as a user's install has them; their dependencies linked. */
function install(modules) {
  const requireHere = createRequire(join(pkg, 'package.json'))
  const requireCache = createRequire(join(pkg, '../cache/package.json'))
  const requireKit = createRequire(join(pkg, '../runner-kit/package.json'))
  for (const [name, from] of [
    ['@russo/vitest', pkg],
    ['@russo/cache', join(pkg, '../cache')],
    ['@russo/runner-kit', join(pkg, '../runner-kit')],
  ]) {
    mkdirSync(join(modules, name), { recursive: true })
    cpSync(join(from, 'package.json'), join(modules, name, 'package.json'))
    cpSync(join(from, 'dist'), join(modules, name, 'dist'), { recursive: true })
  }
  const link = (require, name) =>
    symlinkSync(realpathSync(dirname(require.resolve(`${name}/package.json`))), join(modules, name), 'dir')
  if (VITEST_MAJOR === '5') {
    const requireVersions = createRequire(join(pkg, 'test/vitest-versions/package.json'))
    symlinkSync(realpathSync(dirname(requireVersions.resolve('vitest-5/package.json'))), join(modules, 'vitest'), 'dir')
  } else {
    link(requireHere, 'vitest')
  }
  link(requireKit, 'picocolors')
  link(requireCache, 'debug')
}

/** A project of FILES test files; `withPlugin` decides between `synth` and calling the synthesizer directly. */
function suite(name, withPlugin) {
  const dir = join(root, name)
  mkdirSync(join(dir, 'tests'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n')
  writeFileSync(
    join(dir, 'synthesizer.ts'),
    `// In memory: the same bytes for a prompt every time, no I/O.
const memory = new Map<string, Uint8Array>()
export default {
  async synthesize(text: string) {
    let data = memory.get(text)
    if (data === undefined) memory.set(text, (data = new Uint8Array(${AUDIO_BYTES}).fill(text.length)))
    return { data, format: 'pcm', sampleRate: 16000, channels: 1, sampleWidth: 2 }
  },
}
`,
  )
  writeFileSync(
    join(dir, 'vitest.config.ts'),
    withPlugin
      ? `import { russo } from '@russo/vitest/plugin'\nimport { defineConfig } from 'vitest/config'\nexport default defineConfig({ plugins: [russo({ synthesizer: './synthesizer.ts' })] })\n`
      : `import { defineConfig } from 'vitest/config'\nexport default defineConfig({})\n`,
  )
  for (let file = 0; file < FILES; file++) {
    const tests = Array.from({ length: TESTS_PER_FILE }, (_, i) => {
      const prompt = JSON.stringify(`Prompt number ${(file * TESTS_PER_FILE + i) % PROMPTS} for the booking agent`)
      return withPlugin
        ? `test(${JSON.stringify(`test ${i}`)}, async ({ synth }) => {\n  expect((await synth.synthesize(${prompt})).data.byteLength).toBe(${AUDIO_BYTES})\n})`
        : `test(${JSON.stringify(`test ${i}`)}, async () => {\n  expect((await synthesizer.synthesize(${prompt})).data.byteLength).toBe(${AUDIO_BYTES})\n})`
    })
    const imports = withPlugin
      ? `import { expect, test } from '@russo/vitest'\n`
      : `import { expect, test } from 'vitest'\nimport synthesizer from '../synthesizer.ts'\n`
    writeFileSync(
      join(dir, 'tests', `file-${String(file).padStart(2, '0')}.test.ts`),
      `${imports}\n${tests.join('\n\n')}\n`,
    )
  }
  return { name, dir }
}

function run(project) {
  const env = { ...process.env, NO_COLOR: '1' }
  for (const name of Object.keys(env)) if (/^(CI|RUSSO_|VITEST)/.test(name)) delete env[name]
  const started = performance.now()
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run'], {
    cwd: project.dir,
    env,
    encoding: 'utf8',
  })
  const ms = performance.now() - started
  if (result.status !== 0) fail(`vitest run failed in ${project.dir}:\n${result.stdout}\n${result.stderr}`)
  return { ms, stdout: result.stdout }
}

function fail(message) {
  console.error(message)
  process.exit(1)
}
