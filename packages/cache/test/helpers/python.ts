import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export type Python = { found: true; command: string; version: string } | { found: false; reason: string }

let cached: Python | undefined

/** python3 on PATH, or why not. Tests that need it say so visibly instead of skipping. */
export function findPython(): Python {
  if (cached) return cached
  // sys.executable: later runs skip launchers such as pyenv's shim, which cost ~0.3 s each.
  const probe = spawnSync('python3', ['-c', 'import sys; print(sys.executable); print(sys.version.split()[0])'], {
    encoding: 'utf8',
  })
  const [executable = '', version = ''] = probe.stdout?.trim().split('\n') ?? []
  if (probe.error) cached = { found: false, reason: probe.error.message }
  else if (probe.status !== 0)
    cached = { found: false, reason: `python3 exited with ${probe.status}: ${probe.stderr.trim()}` }
  else cached = { found: true, command: executable || 'python3', version }
  return cached
}

export function warnNoPython(reason: string, instead: string): void {
  console.warn(`python3 not found: ${reason}. ${instead}`)
}

/** Runs a Python script with JSON on stdin; returns its stdout parsed as JSON. */
export function runPython<T>(python: string, args: string[], input: unknown, env: NodeJS.ProcessEnv = process.env): T {
  const result = spawnSync(python, args, { input: JSON.stringify(input), encoding: 'utf8', env })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`python3 ${args.join(' ')} failed (${result.status}):\n${result.stderr}`)
  return JSON.parse(result.stdout) as T
}

/** Python russo's AudioCache (get, put, cache_key, size) copied from its source, with a small CLI. */
export const SEED_CACHE_PY = fileURLToPath(new URL('./seed-russo-cache.py', import.meta.url))
