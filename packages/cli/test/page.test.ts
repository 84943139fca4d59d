import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { toWav } from '@russo/audio'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { pcmAudio, putPython, putTs, sinePcm, tempCache } from './helpers/caches.js'
import { launchChromium } from './helpers/chromium.mjs'
import { russo } from './helpers/run-russo.js'

const SCREENSHOTS = join(import.meta.dirname, '.screenshots')

let browser: Awaited<ReturnType<typeof launchChromium>>
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const PROMPTS = [
  'Book a flight from Berlin to Rome',
  'Cancel my reservation',
  'What is the weather in Paris tomorrow?',
  'Play some jazz <b>loud</b></script><script>alert(1)</script>',
  'Set an alarm for seven',
  'Call mum',
]

/** Entries of every kind the page shows: russo-ts PCM, Python russo's header-less wav, a real WAV, an MP3. */
function cacheForPage() {
  const dir = tempCache()
  const keys = PROMPTS.map((p, i) =>
    putTs(dir, p, pcmAudio(0.5 + i * 0.25, 16_000), { extra: { voice: i % 2 ? 'Kore' : 'alloy' }, synthMs: 300 }),
  )
  const [python] = putPython(dir, [{ prompt: 'Python recorded this', data: sinePcm(0.8, 24_000), format: 'wav' }])
  const [wav] = putPython(dir, [
    { prompt: 'A real wav', data: toWav(pcmAudio(1)).data, format: 'wav', sampleRate: 16_000 },
  ])
  const mp3 = new Uint8Array(417 * 20)
  for (let i = 0; i < 20; i++) mp3.set([0xff, 0xfb, 0x90, 0x00], i * 417)
  const mp3Key = putTs(dir, 'An mp3 entry', {
    data: mp3,
    format: 'mp3',
    sampleRate: 44_100,
    channels: 2,
    sampleWidth: 2,
  })
  return { dir, keys, python: python as string, wav: wav as string, mp3Key }
}

/** Opens the page from disk, as a person would, collecting every console error and page error. */
async function openPage(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`))
  await page.goto(pathToFileURL(path).href)
  return { page, errors }
}

describe('russo html', () => {
  test('one row per entry, waveforms drawn, audio plays with the entry duration, search filters, no errors', async () => {
    const { dir, keys, mp3Key } = cacheForPage()
    const out = join(dir, '..', 'site', 'cache.html')
    const run = await russo(['html', '--out', out, '--dir', dir, '--json'])
    expect(run.code).toBe(0)
    expect(run.json()).toMatchObject({ page: out, audioDir: join(dir, '..', 'site', 'cache-audio'), entries: 9 })
    const { page, errors } = await openPage(out)
    await expect.poll(() => page.locator('.row').count()).toBe(9)

    // Waveforms: every visible row with samples has a canvas with drawn pixels; the MP3 says why it has none.
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-drawn]').length === 8)
    const inked = await page.$$eval('canvas.wave', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
        let alpha = 0
        for (let i = 3; i < pixels.length; i += 4) alpha += pixels[i] ?? 0
        return alpha > 0
      }),
    )
    expect(inked).toEqual(Array(8).fill(true))
    await expect.poll(() => page.locator('.nowave').textContent()).toBe('no waveform (mp3)')

    // Audio: the Berlin row's element loads its WAV and reports the entry's duration.
    const berlin = page.locator('.row', { hasText: 'Book a flight from Berlin to Rome' })
    const duration = await berlin.locator('audio').evaluate(
      (a: HTMLAudioElement) =>
        new Promise<number | string>((resolve) => {
          if (a.readyState >= 1) resolve(a.duration)
          a.addEventListener('loadedmetadata', () => resolve(a.duration))
          a.addEventListener('error', () => resolve(`error ${a.error?.code}`))
        }),
    )
    expect(duration).toBeCloseTo(0.5, 3)
    await expect
      .poll(() => page.locator('.row', { hasText: 'An mp3 entry' }).locator('audio').getAttribute('src'))
      .toMatch(new RegExp(`^cache-audio/an-mp3-entry-${mp3Key.slice(0, 8)}\\.mp3$`))

    // The prompt with markup is shown as text, not parsed.
    await expect
      .poll(() => page.locator('.prompt', { hasText: 'Play some jazz' }).textContent())
      .toBe('Play some jazz <b>loud</b></script><script>alert(1)</script>')

    // Search: words in any order, any case, over prompt, key and voice.
    await page.fill('#search', 'BERLIN')
    await expect.poll(() => page.locator('.row:not([hidden])').count()).toBe(1)
    await expect.poll(() => page.locator('#count').textContent()).toBe('1 of 9 shown')
    await page.fill('#search', 'kore')
    await expect.poll(() => page.locator('.row:not([hidden])').count()).toBe(3)
    await page.fill('#search', (keys[4] as string).slice(0, 10))
    await expect
      .poll(() => page.locator('.row:not([hidden]) .prompt').allTextContents())
      .toEqual(['Set an alarm for seven'])
    await page.fill('#search', '')
    await expect.poll(() => page.locator('.row:not([hidden])').count()).toBe(9)

    await page.screenshot({ path: join(SCREENSHOTS, 'page.png'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  test('with run reports: grouped by test file with hits and misses, then what the run did not use', async () => {
    const { dir, keys, python } = cacheForPage()
    const report = join(dir, '..', 'report.json')
    const file = (name: string, used: string[], hits: number, misses: number) => ({
      project: 'app',
      file: name,
      cacheDir: dir,
      stats: { hits, misses },
      keys: used,
    })
    writeFileSync(
      report,
      JSON.stringify({
        version: 1,
        files: [
          file('test/booking.test.ts', [keys[0], keys[1]] as string[], 2, 0),
          file('test/weather.test.ts', [keys[2] as string, python], 1, 1),
        ],
      }),
    )
    const out = join(dir, '..', 'page.html')
    expect((await russo(['html', '--out', out, '--report', report, '--dir', dir])).code).toBe(0)
    const { page, errors } = await openPage(out)
    const headings = page.locator('section h2')
    const texts = async () => (await headings.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())
    await expect
      .poll(texts)
      .toEqual([
        'test/booking.test.ts (app) 2 hits · 0 misses',
        'test/weather.test.ts (app) 1 hit · 1 miss',
        'Not used by this run 5 entries',
      ])
    const first = page.locator('section').first().locator('.prompt')
    await expect
      .poll(() => first.allTextContents())
      .toEqual(['Book a flight from Berlin to Rome', 'Cancel my reservation'])
    await page.screenshot({ path: join(SCREENSHOTS, 'page-report.png'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  test("with today's @russo/vitest report (figures per file, unused entries): files listed, used and unused split", async () => {
    const { dir, keys, python } = cacheForPage()
    const report = join(dir, '..', 'report.json')
    const unused = [keys[3], keys[4], keys[5], python].map((key) => ({ cacheDir: dir, key, prompt: '' }))
    writeFileSync(
      report,
      JSON.stringify({
        version: 1,
        cacheDirs: [dir],
        files: [{ project: '', file: 'test/agent.test.ts', cacheDir: dir, stats: { hits: 4, misses: 1 } }],
        unused: unused.length,
        unusedEntries: unused,
      }),
    )
    const out = join(dir, '..', 'page.html')
    expect((await russo(['html', '--out', out, '--report', report, '--dir', dir])).code).toBe(0)
    const { page, errors } = await openPage(out)
    const texts = async () =>
      (await page.locator('section h2').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())
    await expect.poll(texts).toEqual(['Test files', 'Used by this run 5 entries', 'Not used by this run 4 entries'])
    await expect.poll(() => page.locator('.files li').allTextContents()).toEqual(['test/agent.test.ts 4 hits · 1 miss'])
    expect(errors).toEqual([])
    await page.close()
  })

  test('a page named "report #1 50% ?ü.html" in a folder with a space: every player loads and plays its audio', async () => {
    const dir = tempCache()
    const prompts = ['Book a flight', 'Café ☕ #2 100% ?', 'Call mum']
    for (const [i, p] of prompts.entries()) putTs(dir, p, pcmAudio(0.5 + i * 0.25, 16_000))
    const out = join(dir, '..', 'my site', 'report #1 50% ?ü.html')
    const run = await russo(['html', '--out', out, '--dir', dir])
    expect(run.code, run.stderr).toBe(0)
    const { page, errors } = await openPage(out)
    await expect.poll(() => page.locator('.row').count()).toBe(3)
    const played = await page.$$eval('audio', (players) =>
      Promise.all(
        (players as HTMLAudioElement[]).map(
          (a) =>
            new Promise<string>((resolve) => {
              a.muted = true
              a.addEventListener('playing', () => resolve(`playing ${a.duration.toFixed(2)}`), { once: true })
              a.addEventListener('error', () => resolve(`error ${a.error?.code} ${a.src}`), { once: true })
              a.play().catch((e: Error) => resolve(`play() failed: ${e.message} ${a.src}`))
            }),
        ),
      ),
    )
    expect(played.sort()).toEqual(['playing 0.50', 'playing 0.75', 'playing 1.00'])
    expect(errors).toEqual([])
    await page.close()
  })

  test('metas with an out-of-range sample_rate, channels or sample_width are corrupt entries: the page is still written', async () => {
    const dir = tempCache()
    putTs(dir, 'Intact entry')
    for (const [field, value] of [
      ['sample_rate', 1e308],
      ['channels', 70_000],
      ['sample_width', 2 ** 40],
    ] as const) {
      const key = putTs(dir, `bad ${field}`)
      const path = join(dir, `${key}.meta`)
      writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), [field]: value }))
    }
    const out = join(dir, '..', 'page.html')
    const run = await russo(['html', '--out', out, '--dir', dir, '--json'])
    expect([run.code, run.json()]).toEqual([0, expect.objectContaining({ entries: 1 })])
    const verify = await russo(['verify', '--dir', dir])
    expect(verify.stdout).toContain('meta.sample_rate 1e+308 is not a positive integer below 2^32')
    expect(verify.stdout).toContain('meta.channels 70000 is not a positive integer below 2^16')
  })
})
