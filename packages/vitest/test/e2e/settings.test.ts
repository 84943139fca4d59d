import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, test } from 'vitest'
import { PROMPTS } from '../fixtures/basic/prompts.js'
import { FixtureProject } from './helpers/fixture-project.js'

describe.concurrent.each(inject('russoInstalls'))('vitest $vitestVersion', (install) => {
  describe('settings', () => {
    test('--russo-cache-dir and RUSSO_CACHE_DIR: relative to the Vitest root, whatever the cwd; the flag wins', async () => {
      const project = FixtureProject.create(install, 'basic')
      const elsewhere = join(project.dir, 'elsewhere')
      mkdirSync(elsewhere)
      const byEnv = await project.run(['--root', project.dir], {
        cwd: elsewhere,
        env: { RUSSO_CACHE_DIR: 'env-cache' },
      })
      expect(byEnv.code, byEnv.output).toBe(0)
      expect(project.entries('env-cache')).toHaveLength(3)
      expect(byEnv.block?.line).toContain('cache env-cache ')

      const byFlag = await project.run(['--root', project.dir, '--', '--russo-cache-dir=flag-cache'], {
        cwd: elsewhere,
        env: { RUSSO_CACHE_DIR: 'env-cache' },
      })
      expect(byFlag.code, byFlag.output).toBe(0)
      expect(project.entries('flag-cache')).toHaveLength(3)
      expect(byFlag.block).toMatchObject({ misses: 3, hits: 21 })
      expect(project.entries()).toEqual([])
      expect(project.entries('elsewhere/env-cache')).toEqual([])
      expect(project.entries('elsewhere/flag-cache')).toEqual([])
    })

    test('a bad value stops the run at start, naming the flag, the value and the allowed values', async () => {
      const project = FixtureProject.create(install, 'basic')
      const bogus = await project.run([], { env: { RUSSO_CACHE_MODE: 'bogus' } })
      expect(bogus.code).toBe(1)
      expect(bogus.output).toContain(
        'russo: RUSSO_CACHE_MODE=bogus is not a cache mode; allowed values: auto, off, refresh, offline.',
      )
      expect(bogus.output).not.toContain('Test Files')
      const typo = await project.run(['--', '--russo-ofline'])
      expect(typo.code).toBe(1)
      expect(typo.output).toContain(
        'russo: unknown flag --russo-ofline. Did you mean --russo-offline? The russo flags are --russo-no-cache, --russo-refresh,',
      )
      expect(project.calls()).toEqual([])
    })

    test('an unknown option key in russo({ … }) stops the run, naming the key and the nearest option', async () => {
      const project = FixtureProject.create(install, 'basic')
      const config = join(project.dir, 'vitest.config.ts')
      writeFileSync(
        config,
        readFileSync(config, 'utf8').replace('russo({ synthesizer', "russo({ cachedir: '.audio', synthesizer"),
      )
      const run = await project.run()
      expect(run.code).toBe(1)
      expect(run.output).toContain(
        'russo: russo(options): unknown option "cachedir". Did you mean cacheDir? The options are synthesizer, cacheDir, mode, cacheKeyExtra, report, remote.',
      )
      expect(run.output).not.toContain('Test Files')
      expect(project.calls()).toEqual([])
    })

    test('a file that overrides russoSynthesizer uses its own, the other files do not; beforeAll use counts', async () => {
      const project = FixtureProject.create(install, 'basic', 'override')
      const run = await project.run()
      expect(run.code, run.output).toBe(0)
      expect(project.calls().sort()).toEqual([...PROMPTS, 'override:Book a flight from Berlin to Rome'].sort())
      expect(run.block).toMatchObject({ hits: 22, misses: 4 })
      const stats = (file: string) => project.report().files.find((f) => f.file === file)?.stats
      expect(stats('tests/override.test.ts')).toMatchObject({ misses: 1, hits: 0 })
      const beforeAll = stats('tests/before-all.test.ts')
      expect((beforeAll?.hits ?? 0) + (beforeAll?.misses ?? 0)).toBe(1)
    })

    test('without a synthesizer, using synth fails with a message naming both ways to configure one', async () => {
      const project = FixtureProject.create(install, 'basic', 'no-synth', 'override')
      const run = await project.run(['tests/a.test.ts', 'tests/override.test.ts'])
      expect(run.code).toBe(1)
      expect(run.output).toMatch(/4 failed \| 1 passed/)
      expect(run.output).toContain(
        "RussoError: no synthesizer is configured, so `synth` has nothing to call. Either name a module in vitest.config.ts: russo({ synthesizer: './test/synthesizer.ts' })",
      )
      expect(run.output).toContain(
        "or override the fixture in the test file: test.override('russoSynthesizer', () => mySynthesizer).",
      )
      expect(project.calls()).toEqual(['override:Book a flight from Berlin to Rome'])
    })
  })
})
