import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { recordedBasic } from './helpers/fixture-project.js'

// Root ignores permission bits: these runs drop to `nobody` (see FixtureProject.run's `unprivileged`).
describe.concurrent('a read-only cache directory (jest 30, unprivileged)', () => {
  test('--russo-clear-cache stops the run at start naming the path; nothing is served stale', async () => {
    const project = await recordedBasic()
    const cache = join(project.dir, '.russo_cache')
    chmodSync(cache, 0o555)
    const run = await project.run(['--russo-clear-cache'], { unprivileged: true })
    expect(run.code, run.output).not.toBe(0)
    expect(run.output).toContain(
      `russo: --russo-clear-cache cannot clear the cache ${cache}: it is read-only (permission denied). ` +
        'Point the cache at a directory you can read and write (--russo-cache-dir=DIR, RUSSO_CACHE_DIR or ' +
        'testEnvironmentOptions.russo.cacheDir).',
    )
    expect(run.output).not.toMatch(/^Tests:/m)
    expect(run.output).not.toContain('cleared 0 entries')
    expect(project.entries()).toHaveLength(3)
  })

  test('--russo-prune says why it removed nothing; offline, the warning says misses fail', async () => {
    const project = await recordedBasic()
    await project.record(['Nobody says this any more'])
    const cache = join(project.dir, '.russo_cache')
    chmodSync(cache, 0o555)
    const prune = await project.run(['--russo-prune'], { unprivileged: true })
    expect(prune.code, prune.output).toBe(0)
    expect(prune.block).toMatchObject({ hits: 12, unused: 1 })
    expect(prune.output).toContain(
      `--russo-prune removed nothing: the cache ${cache} cannot be changed: it is read-only (permission denied)`,
    )
    expect(project.entries()).toHaveLength(4)

    const offline = await project.run(['--russo-offline'], { unprivileged: true })
    expect(offline.code, offline.output).toBe(0)
    const warnings = offline.output.split('\n').filter((line) => line.includes('cannot be written'))
    expect(warnings).toEqual([
      `russo: the cache ${cache} cannot be written: it is read-only: cached entries are read, new ones are not stored. ` +
        'The run goes on; prompts that are not cached fail their tests (offline mode). Point --russo-cache-dir=DIR ' +
        '(or RUSSO_CACHE_DIR, or testEnvironmentOptions.russo.cacheDir) at a directory you can read and write.',
    ])
  })
})
