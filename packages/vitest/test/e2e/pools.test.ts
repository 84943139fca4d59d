import { describe, expect, inject, test } from 'vitest'
import { PROMPTS } from '../fixtures/basic/prompts.js'
import { FixtureProject } from './helpers/fixture-project.js'

describe.concurrent.each(inject('russoInstalls'))('vitest $vitestVersion', (install) => {
  describe('vm pools', () => {
    test.for(['vmThreads', 'vmForks'])(
      '%s: objects from the test realm are plain; cold synthesizes each prompt once, warm never',
      async (pool) => {
        const project = FixtureProject.create(install, 'basic')
        const cold = await project.run([`--pool=${pool}`, '--maxWorkers=2'])
        expect(cold.code, cold.output).toBe(0)
        expect(project.calls().sort()).toEqual([...PROMPTS].sort())
        expect(cold.block).toMatchObject({ hits: 21, misses: 3, syntheses: 3, errors: 0, unused: 0 })
        project.resetCalls()
        const warm = await project.run([`--pool=${pool}`, '--maxWorkers=2'])
        expect(warm.code, warm.output).toBe(0)
        expect(project.calls()).toEqual([])
        expect(warm.block).toMatchObject({ hits: 24, misses: 0, syntheses: 0, errors: 0 })
      },
    )
  })

  describe('project shapes', () => {
    test('two inline projects and a synthesizer with an enum: loaded through Vite in both projects', async () => {
      const project = FixtureProject.create(install, 'basic', 'enum-projects')
      const run = await project.run(['--maxWorkers=2'])
      expect(run.code, run.output).toBe(0)
      expect(project.calls().sort()).toEqual([...PROMPTS].sort())
      expect(run.block).toMatchObject({ hits: 21, misses: 3, syntheses: 3, errors: 0, unused: 0 })
      expect(new Set(project.report().files.map((f) => f.project))).toEqual(new Set(['first', 'second']))
    })
  })
})
