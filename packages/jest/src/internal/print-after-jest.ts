import { writeSync } from 'node:fs'

/**
 * Writes `text` to stderr once Jest's own summary is out. Jest calls custom reporters before its summary
 * reporter, all within one turn of the event loop, so the next macrotask comes after it; `--forceExit`
 * may exit before that, so the process's `exit` event prints it too, whichever is first. Written with
 * `writeSync`: on exit Jest turns `process.stderr.write` into a no-op.
 */
export function printAfterJest(text: string): void {
  let printed = false
  const print = () => {
    if (printed) return
    printed = true
    process.off('exit', print)
    writeSync(2, text)
  }
  process.once('exit', print)
  setImmediate(print)
}
