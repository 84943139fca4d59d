import { describe, expect, test } from 'vitest'
import { current, FixtureProject, installs, type RunResult } from './helpers/fixture-project.js'

/** The russo line comes after Jest's summary ("Tests:", "Ran all test suites."), and no run directory stays. */
function expectLineAfterSummary(run: RunResult): void {
  const summary = run.stderr.indexOf('Ran all test suites.')
  expect(summary, run.stderr).toBeGreaterThan(run.stderr.indexOf('Tests:'))
  expect(run.stderr.indexOf('\nrusso  ')).toBeGreaterThan(summary)
  expect(run.leftovers).toEqual([])
}

describe.concurrent('the russo line (jest 30)', () => {
  test('after the summary of a failing run with coverage', async () => {
    const project = FixtureProject.create(current(), 'basic')
    const run = await project.run(['--coverage'], { env: { FIXTURE_FAIL: '1' } })
    expect(run.stdout).toContain('% Stmts')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Tests: +1 failed, 12 passed/)
    expect(run.block).toMatchObject({ misses: 3, hits: 9 })
    expectLineAfterSummary(run)
  })
})

describe.concurrent.each(installs())('the russo line on jest $jestVersion', (install) => {
  test('after the summary and the force-exit notice with --forceExit', async () => {
    const project = FixtureProject.create(install, 'basic')
    const run = await project.run(['--forceExit'])
    expect(run.code, run.output).toBe(0)
    expect(run.block).toMatchObject({ misses: 3, hits: 9 })
    expectLineAfterSummary(run)
    expect(run.stderr.indexOf('\nrusso  ')).toBeGreaterThan(run.stderr.indexOf('Force exiting Jest'))
  })
})
