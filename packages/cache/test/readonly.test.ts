import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { CachedSynthesizer, cacheKey } from '../src/index.js'
import { builtEntry } from './helpers/built-package.js'
import { tempDir } from './helpers/fixtures.js'

/**
 * A cache that cannot be written costs one warning; the run goes on uncached (offline still fails on
 * a miss). Each scenario runs in a child process: root ignores file modes, so as root the child
 * drops to 'nobody' after loading the package; a full disk is a tiny tmpfs in a private mount
 * namespace where `unshare` is allowed, else writes that fail with ENOSPC.
 */
const SCENARIO = fileURLToPath(new URL('./helpers/unwritable-scenario.mjs', import.meta.url))
const IS_ROOT = process.getuid?.() === 0
const NOBODY = 65534
const SEEDED = 'seeded prompt'
const PROMPTS = ['one', 'two', 'one', SEEDED, 'three']

interface Report {
  uid: number | undefined
  probe: string
  results: string[]
  calls: string[]
  stats: Record<string, number>
  warnings: string[]
  offlineHit: string
  offlineMiss: unknown
  files: string[]
}

interface Config {
  dir: string
  readOnly?: boolean
  noAccess?: boolean
  dropPrivileges?: boolean
  fillDisk?: boolean
  simulateFullDisk?: boolean
}

function runScenario(config: Config, wrapper: string[] = []): Report {
  const payload = JSON.stringify({ entry: builtEntry(), seedPrompt: SEEDED, prompts: PROMPTS, ...config })
  const [command = '', ...args] = [...wrapper, process.execPath, SCENARIO, payload]
  const child = spawnSync(command, args, { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`scenario failed (${child.status ?? child.signal}):\n${child.stderr}`)
  return JSON.parse(child.stdout) as Report
}

/** A directory 'nobody' can reach: mkdtemp makes its parent 0700. */
function reachableDir(): string {
  const root = tempDir()
  chmodSync(root, 0o755)
  return join(root, 'cache')
}

function expectUncachedRun(report: Report, code: RegExp): void {
  expect(report.probe).toMatch(code)
  expect(report.results).toEqual([
    'synthesized one',
    'synthesized two',
    'synthesized one',
    'seeded',
    'synthesized three',
  ])
  expect(report.calls).toEqual(['one', 'two', 'one', 'three'])
  expect(report.stats).toMatchObject({ hits: 1, misses: 4, syntheses: 4, errors: 0 })
  expect(report.warnings).toHaveLength(1)
  expect(report.warnings[0]).toMatch(
    /^russo: cannot (write to|lock entries in) the cache .*going on without caching\. Make it a directory you can read and write\.$/,
  )
  expect(report.warnings[0]).toMatch(code)
  expect(report.offlineHit).toBe('seeded')
  expect(report.offlineMiss).toEqual({ isCacheMissError: true, code: 'RUSSO_CACHE_MISS', prompt: 'never recorded' })
  const key = cacheKey(SEEDED)
  expect(report.files).toEqual([`${key}.audio`, `${key}.meta`])
}

test('a read-only cache directory: audio still comes back with one warning, hits work, offline misses throw', () => {
  const report = runScenario({ dir: reachableDir(), readOnly: true, dropPrivileges: IS_ROOT })
  if (IS_ROOT) expect(report.uid).toBe(NOBODY)
  expectUncachedRun(report, /EACCES|EROFS|EPERM/)
})

test('a directory it may neither read nor enter (mode 000): every prompt synthesized, one warning, offline fails', () => {
  const dir = reachableDir()
  const report = runScenario({ dir, noAccess: true, dropPrivileges: IS_ROOT })
  if (IS_ROOT) expect(report.uid).toBe(NOBODY)
  expect(report.probe).toBe('EACCES')
  expect(report.results).toEqual(PROMPTS.map((p) => `synthesized ${p}`))
  expect(report.stats).toMatchObject({ hits: 0, misses: 5, syntheses: 5, errors: 0 })
  expect(report.warnings).toEqual([
    `russo: cannot lock entries in the cache ${dir} (EACCES: permission denied); going on without caching. Make it a directory you can read and write.`,
  ])
  expect(report.offlineHit).toBe('threw RUSSO_CACHE_MISS')
  chmodSync(dir, 0o755)
  const key = cacheKey(SEEDED)
  expect(readdirSync(dir).sort()).toEqual([`${key}.audio`, `${key}.meta`])
})

test('a cache path that is a file: one warning naming it, audio still comes back, the file is untouched', async () => {
  const path = join(tempDir(), 'not-a-dir')
  writeFileSync(path, 'a user file')
  const warnings: string[] = []
  const logger = { warn: (m: string) => warnings.push(m) }
  const calls: string[] = []
  const inner = {
    async synthesize(text: string) {
      calls.push(text)
      return { data: new TextEncoder().encode(text), format: 'pcm', sampleRate: 16_000, channels: 1, sampleWidth: 2 }
    },
  }
  const synth = new CachedSynthesizer(inner, { cacheDir: path, logger })
  for (const text of ['one', 'two', 'one'])
    expect(new TextDecoder().decode((await synth.synthesize(text)).data)).toBe(text)
  expect(calls).toEqual(['one', 'two', 'one'])
  expect(warnings).toHaveLength(1)
  expect(warnings).toEqual([
    `russo: cannot lock entries in the cache ${path} (ENOTDIR: not a directory); going on without caching. Make it a directory you can read and write.`,
  ])
  expect(readFileSync(path, 'utf8')).toBe('a user file')
  const offline = new CachedSynthesizer(inner, { cacheDir: path, logger, mode: 'offline' })
  await expect(offline.synthesize('one')).rejects.toMatchObject({ code: 'RUSSO_CACHE_MISS' })
})

test('a full disk (ENOSPC): the same, and no empty lock or temp file is left behind', () => {
  expectUncachedRun(runScenario({ dir: reachableDir(), simulateFullDisk: true }), /ENOSPC/)

  const dir = reachableDir()
  mkdirSync(dir)
  const mount = ['sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1" && shift && exec "$@"', 'sh', dir]
  const unshare = ['unshare', '--mount', ...(IS_ROOT ? [] : ['--map-root-user']), ...mount]
  const [command = '', ...args] = unshare
  const probe = spawnSync(command, [...args, 'true'], { encoding: 'utf8' })
  if (probe.status !== 0) {
    const reason = (probe.error?.message ?? probe.stderr.trim()) || `exit ${probe.status}`
    console.warn(`cannot mount a tmpfs (${reason}): checked a full disk by failing writes with ENOSPC only.`)
    return
  }
  expectUncachedRun(runScenario({ dir, fillDisk: true }, unshare), /ENOSPC/)
})
