import { writeSync } from 'node:fs'

/**
 * Writes `text` to stderr once Jest's own output is done. Jest calls custom reporters before its
 * coverage and summary reporters, so a run that ends prints it as the process exits, after whatever
 * Jest wrote (also with `--forceExit`; `writeSync`, because on exit Jest turns `process.stderr.write`
 * into a no-op). A watch-mode run does not exit: there it goes out on the next turn of the event loop,
 * which comes after Jest's summary.
 */
export function printAfterJest(text: string, watch: boolean): void {
  let printed = false
  const print = () => {
    if (printed) return
    printed = true
    process.off('exit', print)
    writeSync(2, text)
  }
  process.once('exit', print)
  if (watch) setImmediate(print)
}
