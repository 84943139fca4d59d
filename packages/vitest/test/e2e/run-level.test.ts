import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, test } from 'vitest'
import { FixtureProject } from './helpers/fixture-project.js'

const EXTRA = { FIXTURE_EXTRA_PROMPT: 'A prompt the tests stop using' }

describe.concurrent.each(inject('russoInstalls'))('vitest $vitestVersion', (install) => {
  describe('run-level work', () => {
    test('--russo-prune removes unused entries only after a full, passing run, says why not otherwise; the dry run lists them', async () => {
      const project = FixtureProject.create(install, 'basic')
      await project.run([], { env: EXTRA })
      expect(project.entries()).toHaveLength(4)

      const filtered = await project.run(['tests/b.test.ts', '--', '--russo-prune'])
      expect(filtered.code, filtered.output).toBe(0)
      expect(filtered.stdout).toContain(
        '--russo-prune removed nothing: a file filter left out 5 test files; prune after a run of every test',
      )
      expect(filtered.block?.unused).toBeUndefined()

      const failing = await project.run(['--', '--russo-prune'], { env: { FIXTURE_FAIL: '1' } })
      expect(failing.code).toBe(1)
      expect(failing.stdout).toContain('--russo-prune removed nothing: the run failed; prune after a passing run')
      expect(failing.block?.line).toMatch(/unused 1$/)
      const failingPlain = await project.run([], { env: { FIXTURE_FAIL: '1' } })
      expect(failingPlain.output).not.toContain('prune')
      expect(project.entries()).toHaveLength(4)

      const passing = await project.run()
      expect(passing.block?.line).toContain('unused 1 (--russo-prune-dry-run lists them)')
      const [unusedKey] = project.entries().filter((key) => project.meta(key).prompt === EXTRA.FIXTURE_EXTRA_PROMPT)
      const dry = await project.run(['--', '--russo-prune-dry-run'])
      expect(dry.code, dry.output).toBe(0)
      expect(dry.stdout).toContain('--russo-prune-dry-run: --russo-prune would remove 1 entry:')
      expect(dry.stdout).toContain(`  ${unusedKey}  "A prompt the tests stop using"`)
      expect(project.entries()).toHaveLength(4)
      expect(project.report()).toMatchObject({
        unused: 1,
        unusedEntries: [{ key: unusedKey, prompt: EXTRA.FIXTURE_EXTRA_PROMPT }],
        pruned: null,
      })

      const full = await project.run(['--', '--russo-prune'])
      expect(full.code, full.output).toBe(0)
      expect(full.stdout).toContain('pruned 1 unused entry (--russo-prune)')
      expect(project.entries()).toHaveLength(3)
      expect(project.report()).toMatchObject({ unused: 1, pruned: 1 })
    })

    test('sharded with blob reports, then merged: the same block as one unsharded run', async () => {
      const whole = FixtureProject.create(install, 'basic')
      const sharded = FixtureProject.create(install, 'basic')
      const [unsharded] = await Promise.all([
        whole.run(),
        (async () => {
          for (const shard of ['1/2', '2/2']) {
            const run = await sharded.run([`--shard=${shard}`, '--reporter=blob'])
            expect(run.code, run.output).toBe(0)
          }
        })(),
      ])
      const merged = await sharded.run(['--merge-reports'])
      expect(merged.code, merged.output).toBe(0)
      const figures = ({ hits, misses, syntheses, errors, unused }: NonNullable<typeof merged.block>) => ({
        hits,
        misses,
        syntheses,
        errors,
        unused,
      })
      expect(unsharded.block).toMatchObject({ hits: 21, misses: 3, unused: 0 })
      expect(figures(merged.block as NonNullable<typeof merged.block>)).toEqual(
        figures(unsharded.block as NonNullable<typeof unsharded.block>),
      )
      expect(sharded.calls()).toHaveLength(3)
    })

    test('two projects: one block for the whole run; a project the plugin does not reach is told how to fix it', async () => {
      const project = FixtureProject.create(install, 'basic', 'projects')
      const run = await project.run()
      expect(run.code).toBe(1)
      expect(run.stdout.split('\n').filter((line) => line.startsWith('russo  '))).toHaveLength(1)
      const report = project.report()
      expect(report.files.map((f) => `${f.project}:${f.file}`).sort()).toEqual([
        'first:tests/a.test.ts',
        'first:tests/b.test.ts',
        'second:tests/c.test.ts',
        'second:tests/d.test.ts',
      ])
      const sum = (name: 'hits' | 'misses') => report.files.reduce((n, f) => n + f.stats[name], 0)
      expect(run.block).toMatchObject({ hits: sum('hits'), misses: sum('misses') })
      expect(run.block).toMatchObject({ hits: 13, misses: 3 })
      expect(run.output).toContain(
        'RussoError: the russo() plugin does not reach the Vitest project "unreached" this file runs in, so the russo fixtures have no settings. ' +
          "Add russo() to that project's plugins, or set `extends: true` on the project in test.projects",
      )
    })

    test('watch mode: figures are per run', async () => {
      const project = FixtureProject.create(install, 'basic')
      const watcher = project.watch()
      try {
        expect(await watcher.nextBlock()).toMatchObject({ hits: 21, misses: 3 })
        appendFileSync(join(project.dir, 'tests/b.test.ts'), '// edited\n')
        expect(await watcher.nextBlock()).toMatchObject({ hits: 4, misses: 0, syntheses: 0 })
      } finally {
        watcher.stop()
      }
    })
  })
})
