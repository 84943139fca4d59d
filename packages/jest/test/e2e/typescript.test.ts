import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { FixtureProject, installs } from './helpers/fixture-project.js'
import type { Install } from './helpers/install.js'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The README's code block whose first line is `// <name>` (a comment naming the file), whole. */
function readmeFile(name: string): string {
  const block = [...README.matchAll(/```[a-z]*\n([\s\S]*?)```/g)]
    .map((match) => match[1] as string)
    .find((body) => body.startsWith(`// ${name}`))
  if (block === undefined) throw new Error(`README.md has no code block starting with "// ${name}"`)
  return block
}

/** A TypeScript project on ts-jest made of the README's files (the fixture's synthesizer stands in for espeak). */
function readmeProject(install: Install, type: string): FixtureProject {
  const project = FixtureProject.create(install, 'typescript')
  project.write('package.json', JSON.stringify({ private: true, type }))
  for (const name of ['jest.config.mjs', 'tsconfig.json', 'test/booking.test.ts']) project.write(name, readmeFile(name))
  return project
}

describe.concurrent.each(installs())('the README TypeScript setup on jest $jestVersion', (install) => {
  test.for(['module', 'commonjs'])(
    '"type": "%s": its jest.config.mjs and tsconfig.json run the test, no warning',
    async (type) => {
      const project = readmeProject(install, type)
      const run = await project.run()
      expect(run.code, run.output).toBe(0)
      expect(run.output).toMatch(/Tests: +1 passed, 1 total/)
      expect(run.output).not.toMatch(/WARN|TS\d{4,}/)
      expect(run.block).toMatchObject({ misses: 1, syntheses: 1, errors: 0 })
    },
  )

  test('without the tsconfig\'s "types": ["jest"] ts-jest fails as the README says', async () => {
    const project = readmeProject(install, 'module')
    project.write('tsconfig.json', readmeFile('tsconfig.json').replace('"types": ["jest"]', '"types": []'))
    const run = await project.run()
    expect(run.code).not.toBe(0)
    // ts-jest colours TypeScript's diagnostics whatever NO_COLOR says.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape of a colour code
    expect(run.output.replace(/\x1b\[[0-9;]*m/g, '')).toContain("TS2593: Cannot find name 'test'")
  })
})
