import { terminalSafe } from '@russo/cache'

/** Human figures for the text output; `--json` prints the raw numbers instead. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`
}

export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '?'
  if (seconds < 60) return `${seconds.toFixed(2)} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '-'
  return ms < 1000 ? `${Math.round(ms)} ms` : formatSeconds(ms / 1000)
}

/** How long ago `iso` was, at the coarsest unit that is at least 1. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000)
  const units: [number, string][] = [
    [86_400, 'd'],
    [3600, 'h'],
    [60, 'min'],
  ]
  for (const [size, unit] of units) if (seconds >= size) return `${Math.floor(seconds / size)} ${unit}`
  return `${Math.floor(seconds)} s`
}

/**
 * One terminal-safe line of at most `width` characters: white space becomes single spaces, other control
 * characters their visible escapes, the cut is marked. The cut falls between characters (never inside an
 * escape or a surrogate pair), so a truncated prompt can leave no partial sequence behind.
 */
export function oneLine(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const safe = terminalSafe(flat)
  if (safe.length <= width) return safe
  if (safe === flat) return `${[...flat].slice(0, width - 1).join('')}…`
  let out = ''
  for (const char of flat) {
    const shown = terminalSafe(char)
    if (out.length + shown.length > width - 1) break
    out += shown
  }
  return `${out}…`
}

/** Prompts in natural order ("prompt 2" before "prompt 10"), with one collator for a whole sort. */
export const comparePrompts: (a: string, b: string) => number = new Intl.Collator('en', { numeric: true }).compare
