import { describe, expect, test } from 'vitest'
import { FixtureProject, installs } from './helpers/fixture-project.js'

describe.concurrent.each(installs())('jest $jestVersion', (install) => {
  test('synth aborts a synthesis when its test fails: a test that times out ends its stalled synthesis', async () => {
    const project = FixtureProject.create(install, 'basic', 'test-signal')
    const run = await project.run()
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Exceeded timeout of 300 ms/)
    expect(project.calls()).toEqual(['aborted:Never answered'])
  })
})
