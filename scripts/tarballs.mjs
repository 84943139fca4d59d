// The tarballs `pnpm run pack:all` wrote to packed/, and which of them an install needs. Until the packages
// are on the registry, npm must be handed every @russo/* tarball a package depends on (or takes as a peer),
// or it looks the missing ones up in the registry and fails with a 404. The closure is read from the packed
// package.json files, so it follows the dependencies as they change.
//
//   node scripts/tarballs.mjs                  the install command per runner, and per extra package
//   node scripts/tarballs.mjs vitest espeak    the tarball paths those packages need, for `npm install`
import { readdirSync, readFileSync, realpathSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const packedDir = join(root, 'packed')

/** The package.json inside a tarball, read without unpacking it (tar: 512-byte headers, then the data). */
function manifestOf(file) {
  const tar = gunzipSync(readFileSync(file))
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = tar.toString('utf8', at, at + 100).replace(/\0.*$/s, '')
    if (name === '') break
    const size = Number.parseInt(
      tar
        .toString('utf8', at + 124, at + 136)
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    )
    if (name === 'package/package.json') return JSON.parse(tar.toString('utf8', at + 512, at + 512 + size))
    at += 512 + Math.ceil(size / 512) * 512
  }
  throw new Error(`${file} holds no package/package.json: not an npm package tarball`)
}

/** The workspace's publishable packages: name → version now in packages/<dir>/package.json. */
function workspaceVersions() {
  const versions = new Map()
  for (const dir of readdirSync(join(root, 'packages'))) {
    try {
      const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'))
      if (!pkg.private) versions.set(pkg.name, pkg.version)
    } catch {
      // not a package directory
    }
  }
  return versions
}

/** name → { file, manifest } of the tarball of each package's current version in packed/. */
function packedPackages(dir = packedDir) {
  const versions = workspaceVersions()
  const found = new Map()
  let files = []
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.tgz'))
  } catch {
    // no packed/ yet: reported below
  }
  for (const f of files) {
    const file = join(dir, f)
    const manifest = manifestOf(file)
    if (versions.get(manifest.name) === manifest.version) found.set(manifest.name, { file, manifest })
  }
  const missing = [...versions.keys()].filter((name) => !found.has(name))
  if (missing.length > 0) {
    throw new Error(`no tarball of ${missing.join(', ')} in ${dir}: run \`npx -y pnpm@10 run pack:all\` in ${root}`)
  }
  return found
}

/** `vitest` or `@russo/vitest` → `@russo/vitest`. */
function fullName(name) {
  return name.startsWith('@') ? name : `@russo/${name}`
}

/** The tarballs `names` need: themselves and every packed package they depend on or take as a peer. */
function closure(names, packed = packedPackages()) {
  const todo = names.map(fullName)
  const seen = new Set()
  while (todo.length > 0) {
    const name = todo.pop()
    if (seen.has(name)) continue
    const entry = packed.get(name)
    if (entry === undefined) {
      throw new Error(`${name} is not one of the packed packages (${[...packed.keys()].join(', ')})`)
    }
    seen.add(name)
    const { dependencies = {}, peerDependencies = {}, optionalDependencies = {} } = entry.manifest
    for (const dep of Object.keys({ ...dependencies, ...peerDependencies, ...optionalDependencies })) {
      if (packed.has(dep)) todo.push(dep)
    }
  }
  return [...seen].sort().map((name) => packed.get(name).file)
}

/** What `pack:all` prints: one command per runner (with the guide's synthesizer), then the other packages. */
function printInstallLines(packed) {
  const paths = (names) => closure(names, packed).join(' ')
  console.log(`\nPacked ${packed.size} packages into ${packedDir}. Install them from your project's directory:\n`)
  console.log(`Vitest (with @russo/espeak, as in the guide; on Node 20 say vitest@4.1):`)
  console.log(`  npm install --save-dev vitest ${paths(['vitest', 'espeak'])}\n`)
  console.log(`Jest (with @russo/espeak, as in the guide):`)
  console.log(`  npm install --save-dev jest ts-jest typescript @types/jest ${paths(['jest', 'espeak'])}\n`)
  const others = [...packed.keys()].filter(
    (name) => !/^@russo\/(vitest|jest|espeak|cache|runner-kit|audio)$/.test(name),
  )
  console.log(`Another one (${others.join(', ')}): name it, the script adds what it needs:`)
  console.log(
    `  npm install --save-dev $(node ${join(root, 'scripts/tarballs.mjs')} ${others[0]?.slice('@russo/'.length)})`,
  )
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const packed = packedPackages()
    const names = process.argv.slice(2)
    if (names.length === 0) printInstallLines(packed)
    // Paths relative to here, through the way this script was named (a linked checkout stays linked).
    const named = join(dirname(resolve(process.argv[1])), '..', 'packed')
    const paths = closure(names, packed).map((file) => relative(process.cwd(), join(named, basename(file))))
    console.log(paths.join(' '))
  } catch (error) {
    console.error(`scripts/tarballs.mjs: ${error.message}`)
    process.exit(1)
  }
}
