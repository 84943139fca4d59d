#!/usr/bin/env node
// `russo-jest [jest options] [--russo-* flags]`: Jest rejects options it does not know, so this takes the
// russo flags out, checks them, hands them to Jest's processes in a variable and runs Jest with the rest.
import { writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { isRussoError } from '@russo/cache'
import { readArgv } from '@russo/runner-kit'
import { asksForHelp, RUSSO_HELP } from './internal/help.js'
import { ARGV_VARIABLE } from './internal/settings.js'
import { splitArgv } from './internal/split-argv.js'

const { russo, jest: rest } = splitArgv(process.argv.slice(2))

try {
  readArgv(russo)
} catch (error) {
  if (!isRussoError(error)) throw error
  console.error(error.message)
  process.exit(1)
}
process.env[ARGV_VARIABLE] = JSON.stringify(russo)

// Jest prints its help and exits: russo's flags follow it, as the process ends.
if (asksForHelp(rest)) process.once('exit', () => writeSync(1, RUSSO_HELP))

// The project's own Jest, as `npx jest` would run it.
const fromProject = createRequire(join(process.cwd(), 'package.json'))
const jest = fromProject(fromProject.resolve('jest')) as { run(argv: string[]): Promise<void> }
await jest.run(rest)
