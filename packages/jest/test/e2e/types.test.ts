import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { FixtureProject, installs } from './helpers/fixture-project.js'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

describe.concurrent('types of the installed package', () => {
  test.for(['node10', 'nodenext'])('tsc with %s resolution, no skipLibCheck', async (resolution) => {
    const project = FixtureProject.create(installs()[0]!, 'types')
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], {
      cwd: project.dir,
    }).catch((error: { stdout: string; code: number }) => error)
    expect('code' in result ? result.stdout : '').toBe('')
  })
})
