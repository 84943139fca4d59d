import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A directory whose node_modules holds @russo/vitest as a user's install would, on one Vitest version. */
export interface Install {
  label: string
  vitestVersion: string
  dir: string
  /** The `vitest.mjs` to spawn. */
  vitestBin: string
}

const packageDir = fileURLToPath(new URL('../../..', import.meta.url))
const cacheDir = join(packageDir, '../cache')
const requireHere = createRequire(join(packageDir, 'package.json'))
const requireVersions = createRequire(join(packageDir, 'test/vitest-versions/package.json'))
const requireCache = createRequire(join(cacheDir, 'package.json'))
const kitDir = join(packageDir, '../runner-kit')

/**
 * `current` is the workspace's Vitest 4; `oldest` the lowest version peerDependencies claims; `v5` the
 * Vitest 5 the workspace pins (it needs Node >= 22.12, so it is the default only there).
 */
export const VITEST_PACKAGES = { current: 'vitest', oldest: 'vitest-oldest', v5: 'vitest-5' } as const
export type VitestLabel = keyof typeof VITEST_PACKAGES

/**
 * Copies the built packages into `<dir>/node_modules` (copies, not links: under node_modules Vite treats
 * them as the dependency they are for users, not as workspace source) and links their dependencies.
 */
export function createInstall(root: string, label: VitestLabel): Install {
  const dir = join(root, label)
  const modules = join(dir, 'node_modules')
  for (const [name, from] of [
    ['@russo/vitest', packageDir],
    ['@russo/cache', cacheDir],
    ['@russo/runner-kit', kitDir],
  ] as const) {
    if (!existsSync(join(from, 'dist', 'index.js')))
      throw new Error(`${name} is not built: run \`pnpm build\` (or \`pnpm --filter ${name} build\`) first.`)
    mkdirSync(join(modules, name), { recursive: true })
    cpSync(join(from, 'package.json'), join(modules, name, 'package.json'))
    cpSync(join(from, 'dist'), join(modules, name, 'dist'), { recursive: true })
  }
  const vitestDir = packageRoot(label === 'current' ? requireHere : requireVersions, VITEST_PACKAGES[label])
  link(vitestDir, join(modules, 'vitest'))
  // runner-kit's own dependencies, as pnpm linked them (leven's exports hide its package.json).
  for (const name of ['picocolors', 'leven'])
    link(realpathSync(join(kitDir, 'node_modules', name)), join(modules, name))
  link(packageRoot(requireCache, 'debug'), join(modules, 'debug'))
  const vitestVersion = (JSON.parse(readFileSync(join(vitestDir, 'package.json'), 'utf8')) as { version: string })
    .version
  return { label, vitestVersion, dir, vitestBin: join(modules, 'vitest', 'vitest.mjs') }
}

function packageRoot(require: NodeJS.Require, name: string): string {
  return realpathSync(dirname(require.resolve(`${name}/package.json`)))
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true })
  symlinkSync(target, path, 'dir')
}
