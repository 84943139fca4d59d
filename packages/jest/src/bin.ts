#!/usr/bin/env node
// `russo-jest [jest options] [--russo-* flags]`: Jest rejects options it does not know, so this takes the
// russo flags out, checks them, hands them to Jest's processes in a variable and runs Jest with the rest.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { isRussoError } from '@russo/cache'
import { readArgv } from '@russo/runner-kit'
import { ARGV_VARIABLE } from './internal/settings.js'

const VALUE_FLAGS = ['--russo-cache-dir', '--russo-cache-mode']
const russo: string[] = []
const rest: string[] = []
const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string
  if (!arg.startsWith('--russo-')) rest.push(arg)
  else {
    russo.push(arg)
    // `--russo-cache-dir DIR`: the directory is the flag's, not a test path pattern for Jest.
    const next = args[i + 1]
    if (VALUE_FLAGS.includes(arg) && next !== undefined && !next.startsWith('--')) russo.push(args[++i] as string)
  }
}

try {
  readArgv(russo)
} catch (error) {
  if (!isRussoError(error)) throw error
  console.error(error.message)
  process.exit(1)
}
process.env[ARGV_VARIABLE] = JSON.stringify(russo)

// The project's own Jest, as `npx jest` would run it.
const fromProject = createRequire(join(process.cwd(), 'package.json'))
const jest = fromProject(fromProject.resolve('jest')) as { run(argv: string[]): Promise<void> }
await jest.run(rest)
