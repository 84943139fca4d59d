import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, test } from 'vitest'
import { PROMPTS } from '../fixtures/basic/prompts.js'
import { FixtureProject } from './helpers/fixture-project.js'

/** What a new user meets in the first minutes: output they pipe, caches they point at the wrong place. */
describe.concurrent.each(inject('russoInstalls'))('vitest $vitestVersion', (install) => {
  describe('first contact', () => {
    test('JSON results on stdout (--reporter=json on 4.1, { stdout: true } on 5): stdout is JSON alone, the block goes to stderr; times round to 0.1 ms', async () => {
      const project = FixtureProject.create(install, 'basic', 'json-stdout')
      const run = await project.run()
      expect(run.code, run.stderr).toBe(0)
      const json = JSON.parse(run.stdout) as { numPassedTests: number }
      expect(json.numPassedTests).toBe(24)
      expect(run.stderr).toMatch(/^russo {2}cache \.russo_cache {2}hits 21 {2}misses 3 /m)
      const { total, files } = project.report()
      for (const stats of [total, ...files.map((f) => f.stats)]) {
        for (const ms of [stats.synthMs, stats.msSaved]) expect(Math.round(ms * 10) / 10).toBe(ms)
      }
      expect(readFileSync(join(project.dir, 'russo-report.json'), 'utf8')).not.toMatch(/\.\d{2,}/)
    })

    test('a cache path that is a file: one warning for the run, every test passes, the file is untouched', async () => {
      const project = FixtureProject.create(install, 'basic')
      writeFileSync(join(project.dir, 'not-a-dir'), 'my notes')
      const run = await project.run(['--maxWorkers=3', '--', '--russo-cache-dir=not-a-dir'])
      expect(run.code, run.output).toBe(0)
      const warnings = run.output.split('\n').filter((line) => line.includes('cannot be written'))
      expect(warnings).toEqual([
        `russo: the cache ${join(project.dir, 'not-a-dir')} cannot be written: it is a file, not a directory. The run goes on; ` +
          'prompts that are not cached are synthesized every time. Point --russo-cache-dir=DIR (or RUSSO_CACHE_DIR, or ' +
          'russo({ cacheDir })) at a directory you can read and write.',
      ])
      expect(run.output).not.toMatch(/ENOTDIR|cannot lock entries/)
      expect(project.calls()).toHaveLength(24)
      expect(readFileSync(join(project.dir, 'not-a-dir'), 'utf8')).toBe('my notes')

      const clear = await project.run(['--', '--russo-cache-dir=not-a-dir', '--russo-clear-cache'])
      expect(clear.code).toBe(1)
      expect(clear.output).toContain(
        `russo: --russo-clear-cache cannot clear the cache ${join(project.dir, 'not-a-dir')}: it is a file, not a directory.`,
      )
      expect(clear.output).not.toMatch(/RussoError|code: 'RUSSO_CONFIG'|\n\s+at /)
      expect(clear.output).not.toContain('Test Files')
      expect(readFileSync(join(project.dir, 'not-a-dir'), 'utf8')).toBe('my notes')
    })

    test('offline CI without the credential: the documented synthesizer passes; one that needs the key to be made is told why', async () => {
      const project = FixtureProject.create(install, 'basic', 'lazy-key')
      const record = await project.run([], { env: { FIXTURE_API_KEY: 'sk-test' } })
      expect(record.code, record.output).toBe(0)
      expect(project.calls().sort()).toEqual([...PROMPTS].sort())
      project.resetCalls()
      const offline = await project.run(['--', '--russo-cache-mode=offline'])
      expect(offline.code, offline.output).toBe(0)
      expect(offline.block).toMatchObject({ hits: 24, misses: 0 })
      expect(project.calls()).toEqual([])

      const eager = FixtureProject.create(install, 'basic', 'needs-key')
      const failing = await eager.run(['tests/a.test.ts'], { env: { RUSSO_CACHE_MODE: 'offline' } })
      expect(failing.code).toBe(1)
      expect(failing.block).toMatchObject({ hits: 0, misses: 0, errors: 1 })
      expect(failing.output).toContain(
        'FIXTURE_API_KEY is not set. In offline mode the synthesizer is never called: only its cacheKeyExtra is read, to compute keys. ' +
          'Make constructing it cheap and credential-free, and read the API key inside synthesize()',
      )
    })

    test('npm test -- --russo-offline reaches Vitest, which rejects it before any plugin runs; npm test -- -- --russo-offline works', async () => {
      const project = FixtureProject.create(install, 'basic')
      const record = await project.run()
      expect(record.code, record.output).toBe(0)
      project.resetCalls()
      // Vitest's CLI parser rejects unknown options before it loads the config, so the plugin cannot
      // explain this one; the README names the message and the two ways that work.
      const one = await project.npmTest(['--', '--russo-offline'])
      expect(one.code).not.toBe(0)
      expect(one.output).toContain('Unknown option `--russoOffline`')
      const two = await project.npmTest(['--', '--', '--russo-offline'])
      expect(two.code, two.output).toBe(0)
      expect(two.block?.line).toContain('mode offline')
      const env = await project.npmTest([], { env: { RUSSO_CACHE_MODE: 'offline' } })
      expect(env.block?.line).toContain('mode offline')
      expect(project.calls()).toEqual([])
      const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
      expect(readme).toContain('Unknown option `--russoOffline`')
      expect(readme).toContain('npm test -- -- --russo-offline')
    })

    test('a bad value prints as one line, not an inspected object; an unknown RUSSO_ variable gets one warning', async () => {
      const project = FixtureProject.create(install, 'basic')
      const bad = await project.run([], { env: { RUSSO_CACHE_MODE: 'bogus' } })
      expect(bad.code).toBe(1)
      expect(bad.output).toMatch(
        /^russo: RUSSO_CACHE_MODE=bogus is not a cache mode; allowed values: auto, off, refresh, offline\.$/m,
      )
      expect(bad.output).not.toMatch(/RussoError|code: 'RUSSO_CONFIG'/)

      const typo = await project.run([], { env: { RUSSO_OFFLINE: '1' } })
      expect(typo.code, typo.output).toBe(0)
      const warnings = typo.output.split('\n').filter((line) => line.includes('RUSSO_OFFLINE'))
      expect(warnings).toEqual([
        'russo: ignoring unknown environment variable RUSSO_OFFLINE (did you mean RUSSO_CACHE_MODE=offline?); ' +
          'the russo variables are RUSSO_CACHE_MODE, ' +
          'RUSSO_NO_CACHE, RUSSO_CLEAR_CACHE, RUSSO_CACHE_DIR, RUSSO_PRUNE, RUSSO_PRUNE_DRY_RUN, ' +
          'RUSSO_REMOTE, RUSSO_REMOTE_MODE, RUSSO_REMOTE_REQUIRED, RUSSO_REMOTE_SIGNING_KEY.',
      ])
    })
  })
})
