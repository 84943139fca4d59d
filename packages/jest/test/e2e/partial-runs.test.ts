import { describe, expect, test } from 'vitest'
import { current, FixtureProject, recordedBasic } from './helpers/fixture-project.js'

// A run that left tests out, or stopped early, cannot know which entries are unused: no unused figure,
// and --russo-prune removes nothing and says why. Some of these filters only show on the command line.
describe.concurrent('partial runs (jest 30)', () => {
  test.for([
    ['--selectProjects', 'one'],
    ['--ignoreProjects', 'two'],
  ])("%s %s on projects sharing one cache: project two's entries survive --russo-prune", async (filter) => {
    const project = FixtureProject.create(current(), 'projects')
    const full = await project.run()
    expect(full.code, full.output).toBe(0)
    expect(project.entries()).toHaveLength(3)

    const filtered = await project.run([...filter, '--russo-prune'])
    expect(filtered.code, filtered.output).toBe(0)
    expect(filtered.output).toContain(
      `--russo-prune removed nothing: a project filter (${filter[0]}) left out projects; prune after a run of every test`,
    )
    expect(filtered.block).toMatchObject({ hits: 2, unused: undefined })
    expect(project.report().unused).toBeNull()
    expect(project.entries()).toHaveLength(3)

    const two = await project.run(['--russo-offline', '--selectProjects', 'two'])
    expect(two.code, two.output).toBe(0)
    expect(two.block).toMatchObject({ hits: 2, misses: 0 })
  })

  test('a --bail run that stopped at a failure has no unused figure and prunes nothing', async () => {
    const project = await recordedBasic()
    const run = await project.run(['--bail', '--russo-prune'], { env: { FIXTURE_FAIL: '1' } })
    expect(run.code, run.output).not.toBe(0)
    expect(run.output).toMatch(/^Tests:.*1 failed/m)
    expect(run.block).toBeDefined()
    expect(run.block?.unused).toBeUndefined()
    expect(run.output).toContain('--russo-prune removed nothing: the run stopped at its first failures (--bail)')
    expect(project.report().unused).toBeNull()
    expect(project.entries()).toHaveLength(3)
  })
})
