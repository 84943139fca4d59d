import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { KNOWN_FLAGS } from '@russo/runner-kit'
import { describe, expect, test } from 'vitest'
import { PROMPTS } from '../fixtures/basic/prompts.js'
import { current, FixtureProject, type RunResult, recordedBasic } from './helpers/fixture-project.js'

/** Stopped before any test: a non-zero exit with the message, no test run, no inner call. */
function expectStopped(run: RunResult, project: FixtureProject, message: string): void {
  expect(run.code, run.output).not.toBe(0)
  expect(run.output).toContain(message)
  expect(run.output).not.toMatch(/^Tests:/m)
  expect(project.calls()).toEqual([])
  expect(run.leftovers).toEqual([])
}

describe.concurrent('flags and environment variables (jest 30)', () => {
  test('--russo-no-cache and RUSSO_NO_CACHE=1 synthesize every call and store nothing', async () => {
    const project = FixtureProject.create(current(), 'basic')
    const flag = await project.run(['--russo-no-cache'])
    expect(flag.code, flag.output).toBe(0)
    expect(flag.block?.line).toContain('mode off')
    expect(flag.block).toMatchObject({ hits: 0, syntheses: 12 })
    expect(project.entries()).toEqual([])
    project.resetCalls()
    const env = await project.run([], { bin: 'jest', env: { RUSSO_NO_CACHE: '1' } })
    expect(env.block?.line).toContain('mode off')
    expect(project.calls()).toHaveLength(12)
  })

  test('flags win over variables: --russo-refresh over RUSSO_CACHE_MODE=offline re-synthesizes', async () => {
    const project = await recordedBasic()
    const run = await project.run(['--russo-refresh'], { env: { RUSSO_CACHE_MODE: 'offline' } })
    expect(run.code, run.output).toBe(0)
    expect(run.block?.line).toContain('mode refresh')
    expect(project.calls().sort()).toEqual([...PROMPTS].sort())
  })

  test('RUSSO_CACHE_MODE=offline through plain jest serves the recorded entries', async () => {
    const project = await recordedBasic()
    const run = await project.run([], { bin: 'jest', env: { RUSSO_CACHE_MODE: 'offline' } })
    expect(run.code, run.output).toBe(0)
    expect(run.block).toMatchObject({ hits: 12, misses: 0 })
    expect(run.block?.line).toContain('mode offline')
  })

  test('--russo-cache-dir DIR and RUSSO_CACHE_DIR move the cache', async () => {
    const project = FixtureProject.create(current(), 'basic')
    const flag = await project.run(['--russo-cache-dir', 'audio-a'])
    expect(flag.code, flag.output).toBe(0)
    expect(flag.block?.line).toContain('cache audio-a ')
    expect(project.entries('audio-a')).toHaveLength(3)
    const env = await project.run([], { bin: 'jest', env: { RUSSO_CACHE_DIR: 'audio-b' } })
    expect(env.block?.line).toContain('cache audio-b ')
    expect(project.entries('audio-b')).toHaveLength(3)
    expect(project.entries()).toEqual([])
  })

  test('RUSSO_CLEAR_CACHE=1 clears before the run; RUSSO_PRUNE_DRY_RUN=1 lists what --russo-prune would remove', async () => {
    const project = await recordedBasic()
    await project.record(['Nobody says this any more'])
    const run = await project.run([], { bin: 'jest', env: { RUSSO_CLEAR_CACHE: '1', RUSSO_PRUNE_DRY_RUN: '1' } })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('cleared 4 entries before the run (--russo-clear-cache)')
    expect(run.block).toMatchObject({ misses: 3, unused: 0 })
    expect(run.output).toContain('--russo-prune-dry-run: --russo-prune would remove 0 entries')
  })

  test('--russo-cache-mode MODE sets the mode; an unknown RUSSO_ variable gets one warning', async () => {
    const project = await recordedBasic()
    const run = await project.run(['--russo-cache-mode', 'offline'], { env: { RUSSO_CACHE_MOD: 'offline' } })
    expect(run.code, run.output).toBe(0)
    expect(run.block?.line).toContain('mode offline')
    const warnings = run.output
      .split('\n')
      .filter((line) => line.includes('unknown environment variable RUSSO_CACHE_MOD'))
    expect(warnings).toHaveLength(1)
  })

  test('a cache path that is a file: one warning on 2 workers, every test passes uncached; clearing it stops the run', async () => {
    const project = FixtureProject.create(current(), 'basic')
    project.write('not-a-dir', 'my notes')
    const run = await project.run(['--russo-cache-dir=not-a-dir'], { workers: 2 })
    expect(run.code, run.output).toBe(0)
    const warnings = run.output.split('\n').filter((line) => line.includes('cannot be written'))
    expect(warnings).toEqual([
      `russo: the cache ${join(project.dir, 'not-a-dir')} cannot be written: it is a file, not a directory. The run goes on; ` +
        'prompts that are not cached are synthesized every time. Point --russo-cache-dir=DIR (or RUSSO_CACHE_DIR, or ' +
        'testEnvironmentOptions.russo.cacheDir) at a directory you can read and write.',
    ])
    expect(run.output).not.toMatch(/ENOTDIR|cannot lock entries/)
    expect(project.calls()).toHaveLength(12)
    expect(readFileSync(join(project.dir, 'not-a-dir'), 'utf8')).toBe('my notes')

    project.resetCalls()
    const clear = await project.run(['--russo-cache-dir=not-a-dir', '--russo-clear-cache'])
    expectStopped(
      clear,
      project,
      `russo: --russo-clear-cache cannot clear the cache ${join(project.dir, 'not-a-dir')}: it is a file, not a directory. ` +
        'Point the cache at a directory you can read and write (--russo-cache-dir=DIR, RUSSO_CACHE_DIR or ' +
        'testEnvironmentOptions.russo.cacheDir).',
    )
    expect(readFileSync(join(project.dir, 'not-a-dir'), 'utf8')).toBe('my notes')
  })

  test("russo-jest --help: Jest's help, then every russo flag with its variable", async () => {
    const project = FixtureProject.create(current(), 'basic')
    const run = await project.run(['--help'])
    expect(run.code, run.output).toBe(0)
    const jestHelp = run.stdout.indexOf('--selectProjects')
    const russoHelp = run.stdout.indexOf('russo (russo-jest takes these out before Jest sees them')
    expect(jestHelp).toBeGreaterThan(-1)
    expect(russoHelp).toBeGreaterThan(jestHelp)
    for (const flag of KNOWN_FLAGS) expect(run.stdout.slice(russoHelp)).toMatch(new RegExp(`^  ${flag}\\b`, 'm'))
    expect(run.stdout).toMatch(/--russo-prune-dry-run +list what --russo-prune would remove +RUSSO_PRUNE_DRY_RUN=1/)
    expect(project.calls()).toEqual([])
  })

  test('a bad variable stops plain jest before any test', async () => {
    const project = FixtureProject.create(current(), 'basic')
    const run = await project.run([], { bin: 'jest', env: { RUSSO_CACHE_MODE: 'bogus' } })
    expectStopped(
      run,
      project,
      'RUSSO_CACHE_MODE=bogus is not a cache mode; allowed values: auto, off, refresh, offline',
    )
  })

  test('an unknown --russo-x, a typo and two modes at once stop russo-jest before Jest starts', async () => {
    const project = FixtureProject.create(current(), 'basic')
    const unknown = await project.run(['--russo-x'])
    expectStopped(unknown, project, 'unknown flag --russo-x. The russo flags are --russo-no-cache')
    const typo = await project.run(['--russo-ofline'])
    expectStopped(typo, project, 'unknown flag --russo-ofline. Did you mean --russo-offline? The russo flags are')
    const both = await project.run(['--russo-offline', '--russo-refresh'])
    expectStopped(both, project, '--russo-offline and --russo-refresh ask for different cache modes')
  })

  test('an unknown key in testEnvironmentOptions.russo stops the run, naming the key and the nearest option', async () => {
    const project = FixtureProject.create(current(), 'basic')
    project.write(
      'jest.config.js',
      "module.exports = { preset: '@russo/jest', testEnvironmentOptions: { russo: { synthesizer: './synthesizer.ts', cachedir: '.audio' } } }\n",
    )
    const run = await project.run()
    expectStopped(
      run,
      project,
      'russo: testEnvironmentOptions.russo: unknown option "cachedir". Did you mean cacheDir? The options are synthesizer, cacheDir, mode, cacheKeyExtra, report, remote.',
    )
  })

  test('a misspelt docblock key (russoSynthesiser) fails that file with the nearest key; the others pass', async () => {
    const project = FixtureProject.create(current(), 'basic', 'docblock-typo')
    await project.record(PROMPTS)
    const run = await project.run()
    expect(run.code).not.toBe(0)
    expect(run.output).toContain(
      'testEnvironmentOptions.russoSynthesiser is not a russo option. Did you mean russoSynthesizer?',
    )
    expect(run.output).toMatch(/^Tests: +12 passed, 12 total/m)
  })

  test('RUSSO_OFFLINE=1, no such variable: one warning pointing at RUSSO_CACHE_MODE=offline', async () => {
    const project = await recordedBasic()
    const run = await project.run([], { bin: 'jest', env: { RUSSO_OFFLINE: '1' } })
    expect(run.code, run.output).toBe(0)
    const warnings = run.output.split('\n').filter((line) => line.includes('RUSSO_OFFLINE'))
    expect(warnings).toEqual([
      'russo: ignoring unknown environment variable RUSSO_OFFLINE (did you mean RUSSO_CACHE_MODE=offline?); ' +
        'the russo variables are RUSSO_CACHE_MODE, RUSSO_NO_CACHE, RUSSO_CLEAR_CACHE, RUSSO_CACHE_DIR, RUSSO_PRUNE, RUSSO_PRUNE_DRY_RUN, ' +
        'RUSSO_REMOTE, RUSSO_REMOTE_MODE, RUSSO_REMOTE_REQUIRED, RUSSO_REMOTE_SIGNING_KEY.',
    ])
  })

  test('a bad testEnvironmentOptions.russo stops the run in globalSetup', async () => {
    const project = FixtureProject.create(current(), 'basic')
    project.write(
      'jest.config.js',
      "module.exports = { preset: '@russo/jest', testEnvironmentOptions: { russo: { synthesizer: './synthesizer.ts', mode: 'sometimes' } } }\n",
    )
    const run = await project.run()
    expectStopped(run, project, 'testEnvironmentOptions.russo.mode = "sometimes" is not a cache mode; allowed values:')
  })
})
