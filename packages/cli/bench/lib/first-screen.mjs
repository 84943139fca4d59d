// Opens a page in Debian's Chromium and times its first screen: first contentful paint, and the moment
// the rows in view have their waveforms drawn, both from navigation start.
import { pathToFileURL } from 'node:url'
import { launchChromium } from '../../test/helpers/chromium.mjs'

export async function firstScreen(pagePath, rounds) {
  const { context, close } = await launchChromium()
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
    await close()
  }
  return results
}
