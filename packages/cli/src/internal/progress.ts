export interface Progress {
  tick(): void
  stop(): void
}

/** Below this many items a pass takes a moment: no progress output at all. */
const QUIET_BELOW = 500
/** On a pipe (CI logs), at most one plain line this often. */
const LINE_EVERY_MS = 2000

/**
 * Progress of a pass over `total` items on stderr: a cli-progress bar on a terminal, a plain
 * "label: n/total" line every 2 s on a pipe, nothing for small passes or with `--json`. The bar library
 * is loaded only for a terminal.
 */
export async function startProgress(label: string, total: number, quiet: boolean): Promise<Progress> {
  if (quiet || total < QUIET_BELOW) return { tick() {}, stop() {} }
  if (process.stderr.isTTY) {
    const { SingleBar } = await import('cli-progress')
    const bar = new SingleBar({
      format: `${label} [{bar}] {value}/{total} {eta_formatted}`,
      barCompleteChar: '\u2588',
      barIncompleteChar: '\u2591',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    })
    bar.start(total, 0)
    return { tick: () => bar.increment(), stop: () => bar.stop() }
  }
  let done = 0
  let last = Date.now()
  return {
    tick() {
      done++
      const now = Date.now()
      if (now - last < LINE_EVERY_MS) return
      last = now
      process.stderr.write(`${label}: ${done}/${total}\n`)
    },
    stop: () => process.stderr.write(`${label}: ${done}/${total}\n`),
  }
}
