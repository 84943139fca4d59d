import { describe, expect, inject, test } from 'vitest'
import { PROMPTS } from '../fixtures/basic/prompts.js'
import { FixtureProject } from './helpers/fixture-project.js'

describe.concurrent.each(inject('russoInstalls'))('vitest $vitestVersion', (install) => {
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
