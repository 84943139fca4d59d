import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RussoJsonReport } from '@russo/runner-kit'
import { createInstall, type Install } from '../../../vitest/test/e2e/helpers/install.js'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtures = join(packageDir, 'test', 'fixtures')

/** An install like the Vitest e2e tests' one, plus (`withS3`) @russo/s3 and the AWS SDK beside it. */
export function fleetInstall(root: string, withS3: boolean): Install {
  const install = createInstall(root, 'current')
  if (withS3) addS3(install.dir)
  return install
}

/** Copies the built @russo/s3 into `<dir>/node_modules` and links the AWS SDK, as `npm install` would. */
export function addS3(dir: string): void {
  if (!existsSync(join(packageDir, 'dist', 'index.js')))
    throw new Error('@russo/s3 is not built: run `pnpm build` first.')
  const target = join(dir, 'node_modules', '@russo', 's3')
  mkdirSync(target, { recursive: true })
  cpSync(join(packageDir, 'package.json'), join(target, 'package.json'))
  cpSync(join(packageDir, 'dist'), join(target, 'dist'), { recursive: true })
  const sdk = realpathSync(
    dirname(createRequire(join(packageDir, 'package.json')).resolve('@aws-sdk/client-s3/package.json')),
  )
  mkdirSync(join(dir, 'node_modules', '@aws-sdk'), { recursive: true })
  symlinkSync(sdk, join(dir, 'node_modules', '@aws-sdk', 'client-s3'), 'dir')
}

export interface MachineRun {
  code: number | null
  output: string
  /** The russo line. */
  line: string
  figure(name: string): number | undefined
  /** Prompts this machine's synthesizer was called with. */
  calls: string[]
  report(): RussoJsonReport
}

/** One "machine": its own copy of the fixture project, so its own `.russo_cache`. */
export class Machine {
  readonly dir: string

  constructor(readonly install: Install) {
    this.dir = mkdtempSync(join(install.dir, 'machine-'))
    cpSync(join(fixtures, 'fleet'), this.dir, { recursive: true })
  }

  /** `vitest run` here with only `env` (plus PATH and HOME) as the environment: no ambient AWS or RUSSO settings. */
  run(env: Record<string, string>, args: string[] = []): Promise<MachineRun> {
    const log = join(this.dir, `calls-${Date.now()}-${Math.random()}.log`)
    const childEnv = { PATH: process.env.PATH ?? '', HOME: this.dir, NO_COLOR: '1', FIXTURE_LOG: log, ...env }
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [this.install.vitestBin, 'run', ...args], {
        cwd: this.dir,
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
      child.on('error', reject)
      child.on('close', (code) => {
        const line = output.split('\n').find((l) => l.startsWith('russo  ')) ?? ''
        const calls = existsSync(log)
          ? readFileSync(log, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l) as string)
          : []
        resolve({
          code,
          output,
          line,
          calls,
          figure: (name) => {
            const match = new RegExp(`(?:^|  )${name} ([\\d,]+)`).exec(line)
            return match ? Number((match[1] as string).replaceAll(',', '')) : undefined
          },
          report: () => JSON.parse(readFileSync(join(this.dir, 'russo-report.json'), 'utf8')) as RussoJsonReport,
        })
      })
    })
  }
}

/** The fixture's prompts: one all eight files share, and one per file. */
export const FLEET_PROMPTS = ['The prompt every file speaks', ...'abcdefgh'.split('').map((f) => `Prompt of file ${f}`)]
