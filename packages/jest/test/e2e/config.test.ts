import { describe, expect, test } from 'vitest'
import { current, FixtureProject, installs, recordedBasic } from './helpers/fixture-project.js'

describe.concurrent.each(installs())('synthesizer modules on jest $jestVersion', (install) => {
  test('ts-jest loads a .ts synthesizer; docblocks pick an async function, a class and an ES module', async () => {
    const project = FixtureProject.create(install, 'loaders')
    const run = await project.run()
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/Tests: +4 passed, 4 total/)
    expect(project.calls().sort()).toEqual(['async-fn:Hello', 'class:Hello', 'esm:Hello', 'object:Hello'])
    // Each synthesizer's cacheKeyExtra gives it its own entry.
    expect(run.block).toMatchObject({ misses: 4, syntheses: 4 })
    expect(project.entries()).toHaveLength(4)
  })
})

describe.concurrent('configuration (jest 30)', () => {
  test('babel-jest loads a .ts synthesizer (the basic fixture)', async () => {
    const project = FixtureProject.create(current(), 'basic')
    const run = await project.run(['tests/a.test.ts'])
    expect(run.code, run.output).toBe(0)
    expect(run.block).toMatchObject({ misses: 3, hits: 1 })
  })

  test('a custom runner: the environment finds Jest through the project', async () => {
    const project = FixtureProject.create(current(), 'basic', 'custom-runner')
    const run = await project.run()
    expect(run.code, run.output).toBe(0)
    expect(run.block).toMatchObject({ misses: 3, hits: 9 })
  })

  test('no synthesizer: the first use of synth fails with both ways to configure one', async () => {
    const project = FixtureProject.create(current(), 'no-synth')
    const run = await project.run()
    // The fixture's test expects the rejection and its message.
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/Tests: +1 passed/)
  })

  test('jsdom composed with withRusso(): the test has a DOM and a cached synth', async () => {
    const project = FixtureProject.create(current(), 'basic', 'jsdom')
    const run = await project.run()
    expect(run.code, run.output).toBe(0)
    expect(run.block).toMatchObject({ misses: 1, syntheses: 1 })
    expect(project.calls()).toEqual(['Book a flight from Berlin to Rome'])
  })

  test('projects with the reporter at the root sharing one cache: one line and one JSON report for both', async () => {
    const project = FixtureProject.create(current(), 'projects')
    const run = await project.run()
    expect(run.code, run.output).toBe(0)
    expect(run.block).toMatchObject({ hits: 1, misses: 3, syntheses: 3 })
    const report = project.report()
    expect(report.files.map((f) => `${f.project}:${f.file}`).sort()).toEqual(['one:one.test.js', 'two:two.test.js'])
    expect(report.cacheDirs).toHaveLength(1)
    expect(project.entries()).toHaveLength(3)
  })

  test("a user's reporters without russo's: a one-line hint, and no russo line", async () => {
    const project = FixtureProject.create(current(), 'basic')
    project.write(
      'jest.config.js',
      "module.exports = { preset: '@russo/jest', reporters: ['default'], testEnvironmentOptions: { russo: { synthesizer: './synthesizer.ts' } } }\n",
    )
    const run = await project.run()
    expect(run.code, run.output).toBe(0)
    const hints = run.output.split('\n').filter((line) => line.includes("@russo/jest's reporter is not in this run"))
    expect(hints).toHaveLength(1)
    expect(hints[0]).toContain("reporters: ['default', '@russo/jest/reporter']")
    expect(run.block).toBeUndefined()
  })

  test('globalSetup and the environment but no reporters at all: the hint does not blame reporters nobody wrote', async () => {
    const project = FixtureProject.create(current(), 'basic')
    project.write(
      'jest.config.js',
      "module.exports = { globalSetup: '@russo/jest/global-setup', testEnvironment: '@russo/jest/environment', testEnvironmentOptions: { russo: { synthesizer: './synthesizer.ts' } } }\n",
    )
    const run = await project.run()
    expect(run.code, run.output).toBe(0)
    const hints = run.output.split('\n').filter((line) => line.includes("@russo/jest's reporter is not in this run"))
    expect(hints).toEqual([
      "russo: @russo/jest's reporter is not in this run, so there is no russo line and no prune. This config names " +
        "russo's globalSetup but no reporters: add reporters: ['default', '@russo/jest/reporter'], or use preset: " +
        "'@russo/jest', which sets both (with `projects`, in the root config).",
    ])
  })

  test('testEnvironment without the preset: --russo-clear-cache and --russo-prune say once that they do nothing here', async () => {
    const project = await recordedBasic()
    await project.record(['Nobody says this any more'])
    project.write(
      'jest.config.js',
      "module.exports = { testEnvironment: '@russo/jest/environment', testEnvironmentOptions: { russo: { synthesizer: './synthesizer.ts' } } }\n",
    )
    const run = await project.run(['--russo-clear-cache', '--russo-prune'], { workers: 2 })
    expect(run.code, run.output).toBe(0)
    const hints = run.output
      .split('\n')
      .filter((line) => line.includes('do nothing in this run'))
      .map((line) => line.trim())
    expect(hints).toEqual([
      "russo: --russo-clear-cache and --russo-prune do nothing in this run: clearing and pruning happen in Jest's main " +
        "process, in the preset's globalSetup and reporter, and this config has only russo's test environment. Use " +
        "preset: '@russo/jest', or add globalSetup: '@russo/jest/global-setup' and reporters: ['default', " +
        "'@russo/jest/reporter'] beside testEnvironment.",
    ])
    expect(project.calls()).toEqual([])
    expect(project.entries()).toHaveLength(4)

    project.write(
      'jest.config.js',
      "module.exports = { preset: '@russo/jest', testEnvironmentOptions: { russo: { synthesizer: './synthesizer.ts' } } }\n",
    )
    const withPreset = await project.run(['--russo-prune'])
    expect(withPreset.output).not.toContain('do nothing in this run')
    expect(withPreset.output).toContain('pruned 1 unused entry (--russo-prune)')
  })
})
