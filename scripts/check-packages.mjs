// Every publishable package: each `exports` target exists after the build, the packed tarball holds
// them (and only dist/, README, licence, package.json), and the tarballs install together into an
// empty project with npm, where every entry point imports.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
// The Vitest major the installed tarballs are tried on: 5 where Node runs it (>= 22.12), else 4.1.
const [nodeMajor, nodeMinor] = process.versions.node.split('.').map(Number)
const vitestRange =
  process.env.RUSSO_PACK_VITEST ?? (nodeMajor > 22 || (nodeMajor === 22 && nodeMinor >= 12) ? '5' : '~4.1')
let failures = 0
const fail = (message) => {
  failures++
  console.error(`  FAIL ${message}`)
}

function targets(exports) {
  if (typeof exports === 'string') return [exports]
  return Object.values(exports ?? {}).flatMap(targets)
}

for (const dir of readdirSync(join(root, 'packages'))) {
  const pkgDir = join(root, 'packages', dir)
  const pkgPath = join(pkgDir, 'package.json')
  if (!existsSync(pkgPath)) continue
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'))
  if (pkg.private) continue
  for (const target of targets(pkg.exports)) {
    if (!existsSync(join(pkgDir, target))) fail(`${pkg.name}: exports target ${target} is missing`)
  }
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: pkgDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0]
  const files = packed.files.map((f) => f.path)
  for (const target of targets(pkg.exports)) {
    if (!files.includes(target.replace(/^\.\//, ''))) fail(`${pkg.name}: npm pack leaves out ${target}`)
  }
  const stray = files.filter((f) => !/^(dist\/|bin\/|package\.json$|README\.md$|LICENSE)/.test(f))
  if (stray.length > 0) fail(`${pkg.name}: npm pack includes ${stray.join(', ')}`)
  console.log(`  ok ${pkg.name}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed`)
}
if (failures > 0) process.exit(1)

// `pnpm pack` turns `workspace:` ranges into versions, as publishing does.
const scratch = mkdtempSync(join(tmpdir(), 'russo-pack-'))
try {
  const tarballs = []
  const entries = []
  for (const dir of readdirSync(join(root, 'packages'))) {
    const pkgDir = join(root, 'packages', dir)
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
    if (pkg.private) continue
    const out = execFileSync('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', scratch], {
      cwd: pkgDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    tarballs.push(out.trim().split('\n').pop())
    for (const sub of Object.keys(pkg.exports)) {
      if (sub !== './package.json') entries.push(pkg.name + sub.slice(1))
    }
  }
  const project = join(scratch, 'project')
  execFileSync('mkdir', ['-p', project])
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }))
  // As a user would: plain `npm install`, no --legacy-peer-deps; a peer range that refuses this Vitest fails here.
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', `vitest@${vitestRange}`, ...tarballs],
    {
      cwd: project,
      stdio: 'inherit',
    },
  )
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/vitest/package.json'), 'utf8')).version
  console.log(`  ok installed with vitest@${installed} (asked for ${vitestRange}) on Node ${process.versions.node}`)
  // The test entry of @russo/vitest only loads inside a Vitest run: it gets one, on espeak.
  const nodeEntries = entries.filter((e) => e !== '@russo/vitest')
  const script = nodeEntries.map((e) => `await import(${JSON.stringify(e)})`).join('\n')
  writeFileSync(join(project, 'check.mjs'), `${script}\nconsole.log('  ok imported ${nodeEntries.join(', ')}')\n`)
  execFileSync('node', ['check.mjs'], { cwd: project, stdio: 'inherit' })
  writeFileSync(
    join(project, 'vitest.config.mjs'),
    "import { russo } from '@russo/vitest/plugin'\nexport default { plugins: [russo({ synthesizer: './synthesizer.mjs' })] }\n",
  )
  writeFileSync(
    join(project, 'synthesizer.mjs'),
    "import { EspeakSynthesizer } from '@russo/espeak'\nexport default new EspeakSynthesizer()\n",
  )
  writeFileSync(
    join(project, 'installed.test.mjs'),
    "import { expect, test } from '@russo/vitest'\ntest('synthesizes through the installed packages', async ({ synth }) => {\n" +
      "  const audio = await synth.synthesize('Installed from tarballs')\n  expect(audio.format).toBe('wav')\n" +
      '  expect(audio.data.byteLength).toBeGreaterThan(1000)\n})\n',
  )
  const run = execFileSync('npx', ['--no-install', 'vitest', 'run'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  process.stdout.write(run)
  if (!/hits 0 {2}misses 1 {2}syntheses 1/.test(run)) fail('the installed run printed no russo block with 1 synthesis')
  if (failures > 0) process.exitCode = 1
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
