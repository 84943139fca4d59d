/**
 * The page's script, plain browser JavaScript (ES2020) kept as a string so the page is one file with no
 * build step of its own. It draws the same way for 10 entries and for 2,000: rows are built in one
 * pass, and each row's waveform and audio element are only made once the row scrolls into view.
 */
export const PAGE_SCRIPT = `
'use strict'
performance.mark('russo:script')
const data = JSON.parse(document.getElementById('russo-data').textContent)
const entries = data.entries
const byKey = new Map(entries.map((e, i) => [e.key, i]))
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
const seconds = (s) => (s === null ? '?' : s < 60 ? s.toFixed(2) + ' s' : Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s')
const size = (b) => (b < 1024 ? b + ' B' : b < 1048576 ? (b / 1024).toFixed(1) + ' kB' : (b / 1048576).toFixed(1) + ' MB')
const count = (n, one, many) => n + ' ' + (n === 1 ? one : many)
const when = (iso) => iso.slice(0, 16).replace('T', ' ')

function rowHtml(e, i) {
  const who = [e.voice, e.model].filter((v) => v !== null).join(' / ')
  const wave = e.peaks ? '<canvas class="wave" width="240" height="44"></canvas>' : '<div class="nowave">no waveform (' + esc(e.format) + ')</div>'
  return '<div class="row" data-i="' + i + '">' + wave +
    '<div><div class="prompt">' + esc(e.prompt) + '</div><div class="meta">' +
    (who ? esc(who) + ' · ' : '') + esc(e.format) + ' ' + e.sampleRate + ' Hz · ' + seconds(e.durationSeconds) + ' · ' +
    size(e.bytes) + ' · ' + when(e.createdAt) + ' · <code>' + esc(e.key) + '</code></div></div>' +
    '<div class="player"></div></div>'
}

function sectionHtml(title, counts, indexes) {
  return '<section><h2>' + title + ' <span class="counts">' + counts + '</span></h2>' + indexes.map((i) => rowHtml(entries[i], i)).join('') + '</section>'
}

function fileHeading(g) {
  return esc(g.file) + (g.project ? ' <span class="counts">(' + esc(g.project) + ')</span>' : '')
}

function fileCounts(g) {
  return '<span class="hit">' + count(g.hits, 'hit', 'hits') + '</span> · <span class="miss">' + count(g.misses, 'miss', 'misses') + '</span>'
}

function render() {
  const main = document.querySelector('main')
  const all = entries.map((_, i) => i)
  if (entries.length === 0) { main.innerHTML = '<p class="empty">This cache has no entries.</p>'; return }
  if (!data.groups) { main.innerHTML = sectionHtml('', '', all); return }
  const parts = []
  const used = new Set()
  if (data.groupsHaveKeys) {
    for (const g of data.groups) {
      const indexes = g.keys.map((k) => byKey.get(k)).filter((i) => i !== undefined)
      indexes.forEach((i) => used.add(i))
      const missing = g.keys.length - indexes.length
      parts.push(sectionHtml(fileHeading(g), fileCounts(g) + (missing > 0 ? ' · ' + count(missing, 'key', 'keys') + ' not in the cache' : ''), indexes))
    }
  } else {
    // The reports give each file's figures but not its keys: list the files, then split the entries.
    parts.push('<section class="files"><h2>Test files</h2><ul>' + data.groups.map((g) => '<li>' + fileHeading(g) + ' ' + fileCounts(g) + '</li>').join('') + '</ul></section>')
    if (data.usedKeys) {
      const usedIndexes = data.usedKeys.map((k) => byKey.get(k)).filter((i) => i !== undefined)
      usedIndexes.forEach((i) => used.add(i))
      parts.push(sectionHtml('Used by this run', count(usedIndexes.length, 'entry', 'entries'), usedIndexes))
    }
  }
  const rest = all.filter((i) => !used.has(i))
  const title = data.groupsHaveKeys || data.usedKeys ? 'Not used by this run' : 'Entries'
  if (rest.length > 0) parts.push(sectionHtml(title, count(rest.length, 'entry', 'entries'), rest))
  main.innerHTML = parts.join('')
}

function peaksOf(e) {
  const raw = atob(e.peaks)
  const out = new Uint8Array(raw.length)
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i)
  return out
}

function draw(canvas, peaks, played) {
  const ratio = window.devicePixelRatio || 1
  const w = canvas.clientWidth || 240
  const h = canvas.clientHeight || 44
  if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio) }
  const ctx = canvas.getContext('2d')
  const style = getComputedStyle(document.documentElement)
  const colors = [style.getPropertyValue('--played'), style.getPropertyValue('--wave')]
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  ctx.clearRect(0, 0, w, h)
  const bar = w / peaks.length
  for (let i = 0; i < peaks.length; i++) {
    const amp = Math.max(1, (peaks[i] / 255) * (h - 4))
    ctx.fillStyle = colors[i / peaks.length < played ? 0 : 1]
    ctx.fillRect(i * bar, (h - amp) / 2, Math.max(1, bar - 0.5), amp)
  }
  canvas.dataset.drawn = String(peaks.length)
}

function reveal(row) {
  const e = entries[Number(row.dataset.i)]
  const canvas = row.querySelector('canvas')
  const peaks = e.peaks ? peaksOf(e) : null
  if (canvas) draw(canvas, peaks, 0)
  const audio = document.createElement('audio')
  audio.controls = true
  audio.preload = 'metadata'
  audio.src = e.audio
  if (canvas) {
    audio.addEventListener('timeupdate', () => draw(canvas, peaks, audio.duration ? audio.currentTime / audio.duration : 0))
    canvas.addEventListener('click', (ev) => { if (audio.duration) { audio.currentTime = (ev.offsetX / canvas.clientWidth) * audio.duration; audio.play() } })
  }
  row.querySelector('.player').appendChild(audio)
}

performance.mark('russo:data')
render()
performance.mark('russo:rows')
const rows = Array.from(document.querySelectorAll('.row'))
// The first screen is drawn at once; the other rows when they come near the view.
const FIRST_SCREEN = 16
rows.slice(0, FIRST_SCREEN).forEach(reveal)
performance.mark('russo:first-screen')
const observer = new IntersectionObserver((seen) => {
  for (const s of seen) if (s.isIntersecting) { observer.unobserve(s.target); reveal(s.target) }
}, { rootMargin: '400px 0px' })
rows.slice(FIRST_SCREEN).forEach((row) => observer.observe(row))

const haystacks = rows.map((row) => {
  const e = entries[Number(row.dataset.i)]
  return [e.prompt, e.key, e.voice || '', e.model || '', e.format].join(' ').toLowerCase()
})
const shownCount = document.getElementById('count')
const search = document.getElementById('search')
function filter() {
  const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean)
  let shown = 0
  rows.forEach((row, i) => {
    const hit = words.every((w) => haystacks[i].includes(w))
    row.hidden = !hit
    if (hit) shown++
  })
  document.querySelectorAll('section:not(.files)').forEach((s) => { s.hidden = s.querySelector('.row:not([hidden])') === null && words.length > 0 })
  shownCount.textContent = words.length ? shown + ' of ' + rows.length + ' shown' : ''
}
search.addEventListener('input', filter)
`
