// Debian's Chromium driven by playwright-core (which never downloads a browser): shared by the page
// tests and the page benchmark, so both run the browser the same way.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The page's audio is loaded by a script, not by a person: no user gesture needed.
  '--autoplay-policy=no-user-gesture-required',
]

/** Chromium with a fresh profile, closed and removed by `close()`. Throws, never skips, without Chromium. */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the page tests need it. Install it with \`apt-get install -y chromium\` (CI does), or set CHROMIUM_BIN to its path.`,
    )
  }
  const profile = mkdtempSync(join(tmpdir(), 'russo-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1200, height: 900 },
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
