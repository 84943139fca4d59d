import { spawn, spawnSync } from 'node:child_process'
import { createInterface } from 'node:readline'

const SCRIPT = new URL('../python-russo.py', import.meta.url).pathname

/** Starts the Python russo helper; `undefined` when there is no python3 (its rows are then skipped). */
export async function startPython() {
  if (spawnSync('python3', ['--version']).status !== 0) return undefined
  const child = spawn('python3', [SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const next = async () => {
    const { value, done } = await lines.next()
    if (done) throw new Error('the Python russo helper exited early (see its error above)')
    return JSON.parse(value)
  }
  const { python: version } = await next()
  return {
    version,
    /** Sends one request and resolves to its per-op samples in ns. */
    async run(request) {
      child.stdin.write(`${JSON.stringify(request)}\n`)
      return (await next()).samples
    },
    close() {
      child.stdin.end()
    },
  }
}
