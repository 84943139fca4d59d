import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A directory whose node_modules holds @russo/jest as a user's install would, on one Jest major. */
export interface Install {
  label: string
  jestVersion: string
  dir: string
  /** The `russo-jest` bin to spawn; plain `jest` is `node_modules/jest/bin/jest.js`. */
  russoJestBin: string
  jestBin: string
}

const packageDir = fileURLToPath(new URL('../../..', import.meta.url))
const requireHere = createRequire(join(packageDir, 'package.json'))
const sibling = (name: string) => join(packageDir, '..', name)

/** `current` is the workspace's Jest 30; `oldest` Jest 29, the lowest major peerDependencies claims. */
export const JEST_PACKAGES = { current: 'jest', oldest: 'jest-29' } as const

/** What fixture projects load besides @russo/jest: their transformers and jsdom. */
const TOOLS = [
  'ts-jest',
  'typescript',
  '@types/jest',
  '@babel/core',
  '@babel/preset-env',
  '@babel/preset-typescript',
  'jest-environment-jsdom',
]

/**
 * Copies the built russo packages into `<dir>/node_modules` (copies, as an install has them) and links
 * Jest and the tools the fixtures use.
 */
export function createInstall(root: string, label: keyof typeof JEST_PACKAGES): Install {
  const dir = join(root, label)
  const modules = join(dir, 'node_modules')
  for (const [name, from] of [
    ['@russo/jest', packageDir],
    ['@russo/cache', sibling('cache')],
    ['@russo/runner-kit', sibling('runner-kit')],
  ] as const) {
    if (!existsSync(join(from, 'dist')))
      throw new Error(`${name} is not built: run \`pnpm build\` (or \`pnpm --filter ${name} build\`) first.`)
    mkdirSync(join(modules, name), { recursive: true })
    cpSync(join(from, 'package.json'), join(modules, name, 'package.json'))
    cpSync(join(from, 'dist'), join(modules, name, 'dist'), { recursive: true })
  }
  const jestDir = packageRoot(requireHere, JEST_PACKAGES[label])
  link(jestDir, join(modules, 'jest'))
  for (const tool of TOOLS) link(packageRoot(requireHere, tool), join(modules, tool))
  // runner-kit's own dependencies, as pnpm linked them (leven's exports hide its package.json).
  for (const name of ['picocolors', 'leven']) {
    link(realpathSync(join(sibling('runner-kit'), 'node_modules', name)), join(modules, name))
  }
  link(packageRoot(createRequire(join(sibling('cache'), 'package.json')), 'debug'), join(modules, 'debug'))
  const jestVersion = (JSON.parse(readFileSync(join(jestDir, 'package.json'), 'utf8')) as { version: string }).version
  return {
    label,
    jestVersion,
    dir,
    russoJestBin: join(modules, '@russo/jest/dist/bin.js'),
    jestBin: join(modules, 'jest/bin/jest.js'),
  }
}

function packageRoot(require: NodeJS.Require, name: string): string {
  return realpathSync(dirname(require.resolve(`${name}/package.json`)))
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true })
  symlinkSync(target, path, 'dir')
}
