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

/** One line of at most `width` characters: newlines become spaces, the cut is marked. */
export function oneLine(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`
}

/** Prompts in natural order ("prompt 2" before "prompt 10"), with one collator for a whole sort. */
export const comparePrompts: (a: string, b: string) => number = new Intl.Collator('en', { numeric: true }).compare
