import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, test } from 'vitest'
import { FixtureProject } from './helpers/fixture-project.js'

// Root ignores permission bits: these runs drop to `nobody` (see FixtureProject.run's `unprivileged`).
describe.concurrent.each(inject('russoInstalls'))('vitest $vitestVersion', (install) => {
  describe('a read-only cache directory (unprivileged)', () => {
    test('--russo-clear-cache stops the run at start naming the path; --russo-prune says why it removed nothing; offline, misses fail', async () => {
      const project = FixtureProject.create(install, 'basic')
      const record = await project.run()
      expect(record.code, record.output).toBe(0)
      const cache = join(project.dir, '.russo_cache')
      chmodSync(cache, 0o555)
      project.resetCalls()

      const clear = await project.run(['--', '--russo-clear-cache'], { unprivileged: true })
      expect(clear.code).toBe(1)
      expect(clear.output).toContain(
        `russo: --russo-clear-cache cannot clear the cache ${cache}: it is read-only (permission denied). ` +
          'Point the cache at a directory you can read and write (--russo-cache-dir=DIR, RUSSO_CACHE_DIR or ' +
          'russo({ cacheDir })).',
      )
      expect(clear.output).not.toContain('Test Files')
      expect(clear.output).not.toContain('cleared 0 entries')
      expect(project.entries()).toHaveLength(3)

      const prune = await project.run(['--', '--russo-prune'], { unprivileged: true })
      expect(prune.code, prune.output).toBe(0)
      expect(prune.block).toMatchObject({ hits: 24, misses: 0 })
      expect(prune.output).toContain(
        `--russo-prune removed nothing: the cache ${cache} cannot be changed: it is read-only (permission denied)`,
      )
      expect(project.calls()).toEqual([])

      const offline = await project.run(['--', '--russo-offline'], { unprivileged: true })
      expect(offline.code, offline.output).toBe(0)
      const warnings = offline.output.split('\n').filter((line) => line.includes('cannot be written'))
      expect(warnings).toEqual([
        `russo: the cache ${cache} cannot be written: it is read-only: cached entries are read, new ones are not stored. ` +
          'The run goes on; prompts that are not cached fail their tests (offline mode). Point --russo-cache-dir=DIR ' +
          '(or RUSSO_CACHE_DIR, or russo({ cacheDir })) at a directory you can read and write.',
      ])
    })
  })
})
