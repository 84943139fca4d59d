import type { RussoJsonReport } from '@russo/runner-kit'
import { describe, expect, test } from 'vitest'
import { PROMPTS } from '../fixtures/basic/prompts.js'
import { current, FixtureProject, installs, type RunResult } from './helpers/fixture-project.js'

const FILES = ['a', 'b', 'c'].map((name) => `tests/${name}.test.ts`)

describe.concurrent.each(installs())('jest $jestVersion', (install) => {
  test('3 workers: a cold cache synthesizes each prompt once; then a warm one never; the line and JSON agree', async () => {
    const project = FixtureProject.create(install, 'basic')
    const cold = await project.run([], { workers: 3 })
    expectPassed(cold)
    expect(project.processes(), 'the run used several workers').toBeGreaterThan(1)
    expect(project.calls().sort()).toEqual([...PROMPTS].sort())
    expect(cold.block).toMatchObject({ hits: 9, misses: 3, syntheses: 3, errors: 0, unused: 0 })
    expect(project.entries()).toHaveLength(3)
    expectReport(project.report(), { hits: 9, misses: 3, syntheses: 3 })

    project.resetCalls()
    const warm = await project.run()
    expectPassed(warm)
    expect(project.calls()).toEqual([])
    expect(warm.block).toMatchObject({ hits: 12, misses: 0, syntheses: 0, errors: 0, unused: 0 })
    expectReport(project.report(), { hits: 12, misses: 0, syntheses: 0 })
  })
})

describe.concurrent('jest 30', () => {
  test('--runInBand counts the same', async () => {
    const project = FixtureProject.create(current(), 'basic')
    const run = await project.run()
    expectPassed(run)
    expect(project.calls().sort()).toEqual([...PROMPTS].sort())
    expect(run.block).toMatchObject({ hits: 9, misses: 3, syntheses: 3, errors: 0 })
  })

  test('--shard=1/2 and 2/2 add up to the whole run, and leave the unused count out', async () => {
    const project = FixtureProject.create(current(), 'basic')
    const first = await project.run(['--shard=1/2'])
    const second = await project.run(['--shard=2/2'])
    for (const shard of [first, second]) {
      expectPassed(shard)
      expect(shard.block?.unused).toBeUndefined()
    }
    const sum = (name: 'hits' | 'misses' | 'syntheses') => (first.block?.[name] ?? 0) + (second.block?.[name] ?? 0)
    // The shards ran one after the other: the second reads what the first recorded, as the whole run would.
    expect(sum('hits') + sum('misses')).toBe(12)
    expect(sum('syntheses')).toBe(3)
    expect(project.calls().sort()).toEqual([...PROMPTS].sort())
  })
})

function expectPassed(run: RunResult): void {
  expect(run.code, run.output).toBe(0)
  expect(run.leftovers).toEqual([])
}

/** The JSON report: four uses per file, files adding up to the total, and the total equal to the truth. */
function expectReport(report: RussoJsonReport, truth: { hits: number; misses: number; syntheses: number }): void {
  expect(report.files.map((f) => f.file).sort()).toEqual(FILES)
  for (const file of report.files) expect(file.stats.hits + file.stats.misses).toBe(4)
  const sum = (name: keyof typeof truth) => report.files.reduce((n, f) => n + f.stats[name], 0)
  expect({ hits: sum('hits'), misses: sum('misses'), syntheses: sum('syntheses') }).toEqual(truth)
  expect(report.total).toMatchObject({ ...truth, errors: 0 })
  expect(report.unused).toBe(0)
}
