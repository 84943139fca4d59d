import { spawn } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  lchownSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RussoJsonReport } from '@russo/runner-kit'
import type { Install } from './install.js'

const fixtures = fileURLToPath(new URL('../../fixtures', import.meta.url))

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  /** Both streams: Vitest prints test failures to stderr. */
  output: string
  /** The russo block's figures, `undefined` when it was not printed. */
  block: BlockFigures | undefined
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
  cwd?: string
  /** Run as the unprivileged user `nobody` when the tests run as root, who ignores permission bits. */
  unprivileged?: boolean
}

/**
 * A copy of `test/fixtures/<name>` (with overlays copied over it) inside an install, so it resolves
 * `@russo/vitest` from node_modules like a user's project. Each test gets its own copy.
 */
export class FixtureProject {
  readonly dir: string
  readonly log: string

  private constructor(
    readonly install: Install,
    dir: string,
  ) {
    this.dir = dir
    this.log = join(dir, 'synth-calls.log')
  }

  static create(install: Install, fixture: string, ...overlays: string[]): FixtureProject {
    const dir = mkdtempSync(join(install.dir, `${fixture}-`))
    for (const name of [fixture, ...overlays]) cpSync(join(fixtures, name), dir, { recursive: true })
    return new FixtureProject(install, dir)
  }

  /** `vitest run <args>` in this project, with a clean environment (no CI, no RUSSO_*, no colour). */
  run(args: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> {
    const node = options.unprivileged ? this.#unprivilegedNode() : [process.execPath]
    return limit(() =>
      spawnVitest([...node, this.install.vitestBin, 'run', ...args], options.cwd ?? this.dir, this.#env(options)),
    )
  }

  /**
   * `npm test <args>` with the package script `vitest run`, as a user's project has it: npm strips one
   * `--` before the script sees the arguments.
   */
  npmTest(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const manifest = join(this.dir, 'package.json')
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>
    pkg.scripts = { test: `"${process.execPath}" "${this.install.vitestBin}" run` }
    writeFileSync(manifest, JSON.stringify(pkg))
    const env = { ...this.#env(options), npm_config_update_notifier: 'false' }
    return limit(() => spawnVitest(['npm', 'test', ...args], this.dir, env))
  }

  /** Node run as `nobody`, who then owns the project (which leaves its cache's mode bits in force). */
  #unprivilegedNode(): string[] {
    if (process.getuid?.() !== 0) return [process.execPath]
    // mkdtemp makes the install's root 0700: nobody must reach the project and node_modules inside it.
    chmodSync(dirname(this.install.dir), 0o755)
    chownTree(this.dir, NOBODY)
    return ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath]
  }

  /** `vitest watch`: resolves each printed russo block in turn; `stop()` ends the process. */
  watch(): { nextBlock(): Promise<BlockFigures>; stop(): void } {
    const child = spawn(process.execPath, [this.install.vitestBin, 'watch'], {
      cwd: this.dir,
      env: this.#env({}),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let exited = false
    let seen = 0
    const waiters: (() => void)[] = []
    const wakeAll = () => {
      for (const wake of waiters.splice(0)) wake()
    }
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      wakeAll()
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    // A watcher that dies fails the test with its output, instead of leaving it to the test timeout.
    child.on('close', () => {
      exited = true
      wakeAll()
    })
    const blocks = () => stdout.split('\n').filter((line) => line.startsWith('russo  '))
    return {
      nextBlock: async () => {
        while (blocks().length <= seen) {
          if (exited) throw new Error(`vitest watch exited before russo block ${seen + 1}:\n${stdout}\n${stderr}`)
          await new Promise<void>((wake) => waiters.push(wake))
        }
        return parseBlock(blocks()[seen++] as string) as BlockFigures
      },
      stop: () => child.kill(),
    }
  }

  #env(options: RunOptions): Record<string, string> {
    const env: Record<string, string> = { NO_COLOR: '1', FIXTURE_LOG: this.log }
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && !/^(CI|RUSSO_|VITEST|TEST$|NODE_ENV$|FORCE_COLOR$)/.test(name)) env[name] = value
    }
    return { ...env, ...options.env }
  }

  /** Prompts the inner synthesizers received, in order, across all workers. */
  calls(): string[] {
    if (!existsSync(this.log)) return []
    return readFileSync(this.log, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) =>
        line.startsWith('override:') ? `override:${JSON.parse(line.slice(9)) as string}` : (JSON.parse(line) as string),
      )
  }

  resetCalls(): void {
    rmSync(this.log, { force: true })
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

  meta(key: string, cacheDir = '.russo_cache'): { prompt: string; created_at: string } {
    return JSON.parse(readFileSync(join(this.dir, cacheDir, `${key}.meta`), 'utf8')) as {
      prompt: string
      created_at: string
    }
  }

  report(path = 'russo-report.json'): RussoJsonReport {
    return JSON.parse(readFileSync(join(this.dir, path), 'utf8')) as RussoJsonReport
  }
}

const NOBODY = 65534

function chownTree(path: string, id: number): void {
  lchownSync(path, id, id)
  if (!lstatSync(path).isDirectory()) return
  for (const name of readdirSync(path)) chownTree(join(path, name), id)
}

function spawnVitest([command, ...args]: string[], cwd: string, env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}`, block: parseBlock(stdout) }),
    )
  })
}

function parseBlock(stdout: string): BlockFigures | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith('russo  '))
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

/** At most four `vitest` children per test worker: each starts its own workers. */
const running: Promise<unknown>[] = []
async function limit<T>(task: () => Promise<T>): Promise<T> {
  while (running.length >= 4) await Promise.race(running)
  const promise = task()
  running.push(promise)
  try {
    return await promise
  } finally {
    running.splice(running.indexOf(promise), 1)
  }
}
