import { formatSeconds } from '../internal/format.js'
import { PAGE_SCRIPT } from './page-script.js'
import { PAGE_STYLE } from './page-style.js'

/** One entry as the page shows it. */
export interface PageEntry {
  key: string
  prompt: string
  format: string
  sampleRate: number
  durationSeconds: number | null
  bytes: number
  createdAt: string
  voice: string | null
  model: string | null
  /** Path of the playable file, relative to the page. */
  audio: string
  /** Waveform bars, 0-255, base64; `null` for audio without samples to read (compressed). */
  peaks: string | null
}

/** A test file of a run report: its figures and the keys it used. */
export interface PageGroup {
  file: string
  project: string
  hits: number
  misses: number
  keys: string[]
}

export interface PageData {
  cacheDir: string
  generatedAt: string
  entries: PageEntry[]
  /** Test files of the run reports, when given. */
  groups: PageGroup[] | null
  /** Whether the reports list keys per file (else entries cannot be grouped, only the figures shown). */
  groupsHaveKeys: boolean
  /** Keys the reports' runs used, where they tell (full runs): splits used from unused entries. */
  usedKeys: string[] | null
}

/** The whole page: a static template, the data as JSON in a script tag, no network access at all. */
export function renderPage(data: PageData): string {
  const totalSeconds = data.entries.reduce((s, e) => s + (e.durationSeconds ?? 0), 0)
  const summary = `${data.entries.length} entries · ${formatSeconds(totalSeconds)} of audio · ${data.cacheDir}`
  // "<" escaped so no prompt can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; media-src 'self' file: blob:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>russo cache · ${escapeHtml(data.cacheDir)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>russo cache</h1>
<span class="summary">${escapeHtml(summary)}</span>
<input id="search" type="search" placeholder="Search prompts, keys, voices…" aria-label="Search" autofocus>
<span id="count" class="summary"></span>
</header>
<main></main>
<script type="application/json" id="russo-data">${json}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}
