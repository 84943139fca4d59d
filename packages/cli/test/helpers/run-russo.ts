import { execFile } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
export const BIN = join(root, 'dist', 'bin.js')

export interface RussoRun {
  code: number
  stdout: string
  stderr: string
  /** stdout parsed as JSON (for `--json` runs). */
  json<T = Record<string, unknown>>(): T
}

/** Runs the built `russo` bin in a child process, as a user's shell would, with colours off. */
export function russo(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {},
): Promise<RussoRun> {
  assertBuilt()
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? root,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        maxBuffer: 256 * 1024 * 1024,
        ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T })
      },
    )
  })
}

let checked = false

/** Fails when a src file is newer than its build, so a child process never runs stale code. */
function assertBuilt(): void {
  if (checked) return
  const stale = walk(join(root, 'src')).filter((file) => {
    const built = join(root, 'dist', relative(join(root, 'src'), file).replace(/\.ts$/, '.js'))
    return mtime(built) < mtime(file)
  })
  if (stale.length > 0) {
    throw new Error(
      `dist/ of @russo/cli is older than ${stale.join(', ')}: run \`npx -y pnpm@10 --filter @russo/cli build\`.`,
    )
  }
  checked = true
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return -1
  }
}
