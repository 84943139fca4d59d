import { readFileSync } from 'node:fs'
import { describe, expect, inject, test } from 'vitest'
import { FixtureProject } from './helpers/fixture-project.js'

describe.concurrent.each(inject('russoInstalls'))('vitest $vitestVersion', (install) => {
  test("synth passes the test's AbortSignal: a test that times out aborts its synthesis", async () => {
    const project = FixtureProject.create(install, 'basic', 'test-signal')
    const run = await project.run()
    expect(run.code).not.toBe(0)
    expect(run.output).toMatch(/Test timed out in 300ms/)
    expect(readFileSync(project.log, 'utf8')).toBe('aborted:"Never answered"\n')
  })
})
