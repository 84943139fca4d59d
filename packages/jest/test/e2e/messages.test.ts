import { describe, expect, test } from 'vitest'
import { current, FixtureProject, installs } from './helpers/fixture-project.js'

describe.concurrent.each(installs())('messages on jest $jestVersion', (install) => {
  test("a CacheMissError's code frame points at the test's synth.synthesize line, for every miss", async () => {
    const project = FixtureProject.create(install, 'basic')
    const run = await project.run(['--russo-offline'])
    expect(run.code).not.toBe(0)
    const misses = run.output.split('\n').filter((line) => line.trim().startsWith('CacheMissError: '))
    expect(misses).toHaveLength(12)
    const frames = run.output
      .split('\n')
      .filter((line) => /^\s+> 11 \| +const audio = await synth\.synthesize\(prompt\)$/.test(line))
    expect(frames).toHaveLength(12)
  })
})

describe.concurrent('messages (jest 30)', () => {
  test('a synthesizer factory that throws offline: two sentences, and one error for the file', async () => {
    const project = FixtureProject.create(current(), 'basic', 'throwing-factory')
    const run = await project.run(['--russo-offline', 'tests/a.test.ts'])
    expect(run.code).not.toBe(0)
    expect(run.output).toContain(
      'threw while making the synthesizer: FIXTURE_API_KEY is not set. In offline mode the synthesizer is never called:',
    )
    expect(run.output).toMatch(/^Tests: +4 failed/m)
    expect(run.block).toMatchObject({ hits: 0, misses: 0, errors: 1 })
  })

  test('a bad setting prints once as "russo: …", not "RussoError: russo: …"', async () => {
    const project = FixtureProject.create(current(), 'basic')
    const run = await project.run([], { bin: 'jest', env: { RUSSO_CACHE_MODE: 'bogus' } })
    expect(run.code).not.toBe(0)
    expect(run.output).toMatch(/^russo: RUSSO_CACHE_MODE=bogus is not a cache mode; allowed values:/m)
    expect(run.output).not.toContain('RussoError')
  })
})
