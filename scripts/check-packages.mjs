// Every publishable package: each `exports` target exists after the build, the packed tarball holds
// them (and only dist/, README, licence, package.json), and the tarballs install together into an
// empty project with npm, where every entry point imports.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
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
  const stray = files.filter((f) => !/^(dist\/|package\.json$|README\.md$|LICENSE)/.test(f))
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
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], {
    cwd: project,
    stdio: 'inherit',
  })
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
  execFileSync('npx', ['vitest', 'run'], { cwd: project, stdio: 'inherit' })
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
