import { describe, expect, inject, test } from 'vitest'
import { PROMPTS } from '../fixtures/basic/prompts.js'
import { FixtureProject } from './helpers/fixture-project.js'

describe.concurrent.each(inject('russoInstalls'))('vitest $vitestVersion', (install) => {
  describe('modes', () => {
    test('--russo-no-cache: one inner call per use, nothing written', async () => {
      const project = FixtureProject.create(install, 'basic')
      const run = await project.run(['--', '--russo-no-cache'])
      expect(run.code, run.output).toBe(0)
      expect(project.calls()).toHaveLength(24)
      expect(project.entries()).toEqual([])
      expect(run.block).toMatchObject({ hits: 0, misses: 24, syntheses: 24 })
      expect(run.block?.line).toContain('mode off')
    })

    test('RUSSO_NO_CACHE=1 on a warm cache: one inner call per use, entries untouched', async () => {
      const project = FixtureProject.create(install, 'basic')
      await project.run()
      const before = project.entries().map((key) => project.meta(key).created_at)
      project.resetCalls()
      const run = await project.run([], { env: { RUSSO_NO_CACHE: '1' } })
      expect(run.code, run.output).toBe(0)
      expect(project.calls()).toHaveLength(24)
      expect(project.entries().map((key) => project.meta(key).created_at)).toEqual(before)
      expect(run.block).toMatchObject({ hits: 0, misses: 24 })
    })

    test('--russo-offline: a prompt nobody recorded fails its test with CacheMissError; the others pass', async () => {
      const project = FixtureProject.create(install, 'basic')
      await project.run()
      project.resetCalls()
      const run = await project.run(['--', '--russo-offline'], {
        env: { FIXTURE_EXTRA_PROMPT: 'Is the train to Paris on time?' },
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/1 failed \| 24 passed/)
      expect(run.output).toContain('FAIL  tests/a.test.ts > extra prompt')
      expect(run.output).toMatch(
        /CacheMissError: No cached audio for prompt "Is the train to Paris on time\?" \(key [0-9a-f]{24}\) in .*\.russo_cache, and the cache is offline: record it by running the tests once without --russo-offline, then commit the cache directory\./,
      )
      expect(project.calls()).toEqual([])
      expect(run.block).toMatchObject({ hits: 24, misses: 1, syntheses: 0, errors: 1 })
    })

    test('--russo-refresh: every used entry synthesized once more and rewritten', async () => {
      const project = FixtureProject.create(install, 'basic')
      await project.run()
      const keys = project.entries()
      const before = new Map(keys.map((key) => [key, project.meta(key).created_at]))
      project.resetCalls()
      const run = await project.run(['--maxWorkers=3', '--', '--russo-refresh'])
      expect(run.code, run.output).toBe(0)
      expect(project.calls().sort()).toEqual([...PROMPTS].sort())
      expect(project.entries()).toEqual(keys)
      for (const key of keys)
        expect(Date.parse(project.meta(key).created_at)).toBeGreaterThan(Date.parse(before.get(key) as string))
      expect(run.block).toMatchObject({ hits: 21, misses: 3, syntheses: 3 })
    })

    test('--russo-clear-cache: cleared once before the workers start, then filled', async () => {
      const project = FixtureProject.create(install, 'basic')
      await project.run([], { env: { FIXTURE_EXTRA_PROMPT: 'An entry no test uses any more' } })
      expect(project.entries()).toHaveLength(4)
      project.resetCalls()
      const run = await project.run(['--maxWorkers=3', '--', '--russo-clear-cache'])
      expect(run.code, run.output).toBe(0)
      // Cleared more than once (say, per worker), entries would vanish mid-run and be synthesized again.
      expect(project.calls().sort()).toEqual([...PROMPTS].sort())
      expect(project.entries()).toHaveLength(3)
      expect(run.stdout).toContain('cleared 4 entries before the run (--russo-clear-cache)')
      expect(run.block).toMatchObject({ hits: 21, misses: 3 })
    })
  })
})
