import type { RussoJsonReport } from '@russo/runner-kit'
import { describe, expect, inject, test } from 'vitest'
import { PROMPTS } from '../fixtures/basic/prompts.js'
import { FixtureProject } from './helpers/fixture-project.js'

describe.concurrent.each(inject('russoInstalls'))('vitest $vitestVersion', (install) => {
  describe('counts', () => {
    // vmThreads and vmForks run test files in another realm: objects made there are plain objects too.
    test.for(['threads', 'forks', 'vmThreads', 'vmForks'])(
      '%s pool: cold cache synthesizes each prompt once, warm cache never; JSON matches',
      async (pool) => {
        const project = FixtureProject.create(install, 'basic')
        const cold = await project.run([`--pool=${pool}`, '--maxWorkers=3'])
        expect(cold.code, cold.output).toBe(0)
        expect(project.calls().sort()).toEqual([...PROMPTS].sort())
        expect(cold.block).toMatchObject({ hits: 21, misses: 3, syntheses: 3, errors: 0, unused: 0 })
        expect(cold.block?.line).toMatch(/ saved ~[\d.]+ m?s, 608 chars /)
        expect(project.entries()).toHaveLength(3)
        expectReport(project.report(), { hits: 21, misses: 3, syntheses: 3 })

        project.resetCalls()
        const warm = await project.run([`--pool=${pool}`, '--maxWorkers=3'])
        expect(warm.code, warm.output).toBe(0)
        expect(project.calls()).toEqual([])
        expect(warm.block).toMatchObject({ hits: 24, misses: 0, syntheses: 0, errors: 0, unused: 0 })
        expectReport(project.report(), { hits: 24, misses: 0, syntheses: 0 })
      },
    )

    test('with CI set, a run that synthesized says so and names --russo-offline; a warm one does not', async () => {
      const project = FixtureProject.create(install, 'basic')
      const cold = await project.run([], { env: { CI: 'true' } })
      expect(cold.stdout).toMatch(/CI: this run synthesized 3 prompts.*--russo-offline/)
      expect(project.report().ci).toBe(true)
      const warm = await project.run([], { env: { CI: 'true' } })
      expect(warm.block?.hits).toBe(24)
      expect(warm.stdout).not.toContain('CI: this run synthesized')
    })
  })
})

/** The JSON report: four uses per file, files adding up to the total, and the total equal to the truth. */
function expectReport(report: RussoJsonReport, truth: { hits: number; misses: number; syntheses: number }): void {
  expect(report.files.map((f) => f.file).sort()).toEqual(
    ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `tests/${n}.test.ts`),
  )
  for (const file of report.files) expect(file.stats.hits + file.stats.misses).toBe(4)
  const sum = (name: keyof typeof truth) => report.files.reduce((n, f) => n + f.stats[name], 0)
  expect({ hits: sum('hits'), misses: sum('misses'), syntheses: sum('syntheses') }).toEqual(truth)
  expect(report.total).toMatchObject({
    ...truth,
    errors: 0,
    charsSynthesized: truth.syntheses === 0 ? 0 : PROMPTS.join('').length,
  })
  expect(report.unused).toBe(0)
}
