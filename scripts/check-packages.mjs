// Every publishable package: each `exports` target exists after the build, and `npm pack` yields a
// tarball holding them (and only dist/, README, licence, package.json).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
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
