// Opens a page in Debian's Chromium and times its first screen: first contentful paint, and the moment
// the rows in view have their waveforms drawn, both from navigation start.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function firstScreen(pagePath, rounds) {
  const profile = mkdtempSync(join(tmpdir(), 'russo-bench-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.RUSSO_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1200, height: 900 },
  })
  const results = []
  try {
    for (let i = 0; i < rounds; i++) {
      const page = await context.newPage()
      await page.goto(pathToFileURL(pagePath).href, { waitUntil: 'commit' })
      const timing = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const check = () => {
              const drawn = document.querySelectorAll('canvas[data-drawn]').length
              if (drawn === 0) return requestAnimationFrame(check)
              // The frame after the drawing is the one that shows it.
              requestAnimationFrame(() => {
                const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
                const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null
                resolve({
                  fcp,
                  drawn: performance.now(),
                  script: mark('russo:script'),
                  data: mark('russo:data'),
                  rowsBuilt: mark('russo:rows'),
                  firstScreen: mark('russo:first-screen'),
                  canvases: drawn,
                  rows: document.querySelectorAll('.row').length,
                })
              })
            }
            check()
          }),
      )
      results.push(timing)
      await page.close()
    }
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
  return results
}
