import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'

/** Debian's Chromium (`apt-get install chromium`); browser builds cannot be downloaded here. */
export const CHROMIUM = process.env.RUSSO_CHROMIUM ?? '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The page's audio is played by the test, not by a person: no user gesture needed.
  '--autoplay-policy=no-user-gesture-required',
]

/** Chromium with a fresh profile, closed and removed by `close()`. Fails, never skips, without Chromium. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the page tests need it. Install it with \`apt-get install -y chromium\` (CI does), or set RUSSO_CHROMIUM to its path.`,
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
