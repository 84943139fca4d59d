import { spawn } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CachedSynthesizer } from '@russo/cache'
import type { RussoJsonReport } from '@russo/runner-kit'
import { inject } from 'vitest'
import { PROMPTS } from '../../fixtures/basic/prompts.js'
import type { Install } from './install.js'

const fixtures = fileURLToPath(new URL('../../fixtures', import.meta.url))

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  /** Both streams (Jest writes its results and summary to stderr, as russo does its line). */
  output: string
  /** The russo line's figures, `undefined` when it was not printed. */
  block: BlockFigures | undefined
  /** Run directories the run left in its temp directory (there must be none). */
  leftovers: string[]
}

export interface BlockFigures {
  line: string
  hits: number
  misses: number
  syntheses: number
  errors: number
  unused: number | undefined
}

export interface RunOptions {
  env?: Record<string, string>
  /** `russo-jest` (default) or Jest's own bin. */
  bin?: 'russo-jest' | 'jest'
  /** Run on this many workers; default in band. */
  workers?: number
  /** Run as the unprivileged user `nobody` when the tests run as root, who ignores permission bits. */
  unprivileged?: boolean
}

/** The installs under test: Jest 30 (`current`) first, then Jest 29 (`oldest`). */
export function installs(): Install[] {
  return inject('russoInstalls')
}

/** Jest 30's install: where a behaviour is tested on one major only. */
export function current(): Install {
  const found = installs().find((i) => i.label === 'current')
  if (found === undefined) throw new Error('no Jest 30 install: RUSSO_E2E_JEST leaves it out')
  return found
}

/** The basic fixture on Jest 30, its cache holding its three prompts as a first run would leave it. */
export async function recordedBasic(): Promise<FixtureProject> {
  const project = FixtureProject.create(current(), 'basic')
  await project.record(PROMPTS)
  return project
}

/**
 * A copy of `test/fixtures/<name>` (overlays copied over it) inside an install, so it resolves
 * `@russo/jest` from node_modules like a user's project. Each test gets its own copy and temp dir.
 */
export class FixtureProject {
  readonly dir: string
  readonly log: string
  readonly tmp: string

  private constructor(
    readonly install: Install,
    dir: string,
  ) {
    this.dir = dir
    this.log = join(dir, 'synth-calls.log')
    this.tmp = join(dir, '.tmp')
    mkdirSync(this.tmp)
  }

  static create(install: Install, fixture: string, ...overlays: string[]): FixtureProject {
    const dir = mkdtempSync(join(install.dir, `${fixture}-`))
    for (const name of [fixture, ...overlays]) cpSync(join(fixtures, name), dir, { recursive: true })
    return new FixtureProject(install, dir)
  }

  /**
   * `russo-jest <args>` (or `jest`) in this project with a clean environment. In band by default (the
   * quickest); with `workers`, on that many workers and a fresh Jest cache directory: with timings
   * cached, Jest quietly runs small suites in band.
   */
  run(args: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> {
    const bin = options.bin === 'jest' ? this.install.jestBin : this.install.russoJestBin
    const jest =
      options.workers === undefined
        ? ['--runInBand', `--cacheDirectory=${join(this.tmp, 'jest-cache')}`]
        : [`--maxWorkers=${options.workers}`, `--cacheDirectory=${mkdtempSync(join(this.tmp, 'jest-cache-'))}`]
    const node = options.unprivileged ? this.#unprivilegedNode() : [process.execPath]
    return limit(() => spawnJest([...node, bin, ...jest, ...args], this.dir, this.env(options.env)))
  }

  /** Node run as `nobody`, who then owns the project (which leaves its cache's mode bits in force). */
  #unprivilegedNode(): string[] {
    if (process.getuid?.() !== 0) return [process.execPath]
    // mkdtemp makes the install's root 0700: nobody must reach the project and node_modules inside it.
    chmodSync(dirname(this.install.dir), 0o755)
    chownTree(this.dir, NOBODY)
    return ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath]
  }

  /** The child's environment: no CI, RUSSO_*, agent markers (Jest 30 swaps its reporter) or colour. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = { NO_COLOR: '1', FIXTURE_LOG: this.log, TMPDIR: this.tmp }
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && !/^(CI|RUSSO_|_RUSSO_|VITEST|JEST|TEST$|NODE_ENV$|FORCE_COLOR$)/.test(name)) {
        env[name] = value
      }
    }
    for (const agent of AGENT_VARIABLES) delete env[agent]
    return { ...env, ...extra }
  }

  /** Prompts the inner synthesizers received, in order, across all workers. */
  calls(): string[] {
    return this.#log().filter((line) => !line.startsWith('pid:'))
  }

  /** How many processes ran the basic fixture's test files since the last `resetCalls`. */
  processes(): number {
    return new Set(this.#log().filter((line) => line.startsWith('pid:'))).size
  }

  #log(): string[] {
    if (!existsSync(this.log)) return []
    return readFileSync(this.log, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as string)
  }

  resetCalls(): void {
    rmSync(this.log, { force: true })
  }

  /**
   * Records `prompts` in the project's cache as the basic fixture's synthesizer would (same key extra,
   * same bytes), without a Jest run: for tests that start from a warm cache.
   */
  async record(prompts: readonly string[]): Promise<void> {
    const synth = new CachedSynthesizer(
      {
        cacheKeyExtra: { voice: 'fixture' },
        synthesize: async (text) => ({
          data: new TextEncoder().encode(`audio:${text}`),
          format: 'pcm',
          sampleRate: 16000,
          channels: 1,
          sampleWidth: 2,
        }),
      },
      { cacheDir: join(this.dir, '.russo_cache') },
    )
    for (const prompt of prompts) await synth.synthesize(prompt)
  }

  /** Keys of the entries in a cache directory (relative to the project). */
  entries(cacheDir = '.russo_cache'): string[] {
    const dir = join(this.dir, cacheDir)
    if (!existsSync(dir)) return []
    return readdirSync(dir)
      .filter((name) => name.endsWith('.meta'))
      .map((name) => name.slice(0, -5))
      .sort()
  }

  report(path = 'russo-report.json'): RussoJsonReport {
    return JSON.parse(readFileSync(join(this.dir, path), 'utf8')) as RussoJsonReport
  }

  write(path: string, text: string): void {
    writeFileSync(join(this.dir, path), text)
  }
}

// Jest 30 prints a terse "agent" report instead of its summary when it sees one of these.
const AGENT_VARIABLES = ['AI_AGENT', 'AUGMENT_AGENT', 'CLAUDE_CODE', 'CLAUDECODE', 'CODEX_SANDBOX', 'CODEX_THREAD_ID']
AGENT_VARIABLES.push('CURSOR_AGENT', 'GEMINI_CLI', 'GOOSE_PROVIDER', 'OPENCODE', 'REPL_ID')

const NOBODY = 65534

function chownTree(path: string, id: number): void {
  lchownSync(path, id, id)
  if (!lstatSync(path).isDirectory()) return
  for (const name of readdirSync(path)) chownTree(join(path, name), id)
}

function spawnJest([command, ...args]: string[], cwd: string, env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const leftovers = readdirSync(env.TMPDIR as string).filter((name) => name.startsWith('russo-jest-'))
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}`, block: parseBlock(stderr), leftovers })
    })
  })
}

export function parseBlock(text: string): BlockFigures | undefined {
  const line = text.split('\n').find((l) => l.startsWith('russo  '))
  if (line === undefined) return undefined
  const figure = (name: string) => {
    const match = new RegExp(`\\b${name} ([\\d,]+)`).exec(line)
    return match ? Number((match[1] as string).replaceAll(',', '')) : undefined
  }
  return {
    line,
    hits: figure('hits') ?? Number.NaN,
    misses: figure('misses') ?? Number.NaN,
    syntheses: figure('syntheses') ?? Number.NaN,
    errors: figure('errors') ?? Number.NaN,
    unused: figure('unused'),
  }
}

/** At most two `jest` children at once per test file: each starts its own workers. */
const running: Promise<unknown>[] = []
async function limit<T>(task: () => Promise<T>): Promise<T> {
  while (running.length >= 2) await Promise.race(running)
  const promise = task()
  running.push(promise)
  try {
    return await promise
  } finally {
    running.splice(running.indexOf(promise), 1)
  }
}
