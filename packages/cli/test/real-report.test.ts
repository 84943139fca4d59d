import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { putPython, putTs, sinePcm, tempCache } from './helpers/caches.js'
import { russo } from './helpers/run-russo.js'

const FIXTURE = fileURLToPath(new URL('./fixtures/report-run', import.meta.url))
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')

/** A real `vitest run` of the fixture project with @russo/vitest, writing its JSON report; returns the report's path. */
function runFixture(cacheDir: string, args: string[] = []): Promise<string> {
  const report = join(cacheDir, '..', `report-${Date.now()}.json`)
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(RUSSO_|VITEST|CI$)/.test(name)))
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [VITEST, 'run', '--root', FIXTURE, ...args],
      { env: { ...env, RUSSO_CACHE_DIR: cacheDir, RUSSO_REPORT_JSON: report, NO_COLOR: '1' } },
      (error, stdout, stderr) =>
        error ? reject(new Error(`vitest run failed: ${stdout}\n${stderr}`)) : resolve(report),
    )
  })
}

describe('with the JSON report of a real @russo/vitest run', () => {
  test('prune --unused removes exactly what the run did not use; a partial run is refused', async () => {
    const dir = tempCache()
    const stale = putTs(dir, 'A prompt no test asks for any more')
    const [pythonStale] = putPython(dir, [{ prompt: 'Recorded by Python long ago', data: sinePcm(0.2) }])
    const report = await runFixture(dir)
    expect(JSON.parse(readFileSync(report, 'utf8')).unusedEntries).toHaveLength(2)

    const dry = await russo(['prune', '--unused', '--report', report, '--dir', dir, '--dry-run', '--json'])
    const doomed = dry.json<{ removed: { key: string }[] }>().removed.map((r) => r.key)
    expect(doomed.sort()).toEqual([stale, pythonStale].sort())
    expect(existsSync(join(dir, `${stale}.audio`))).toBe(true)

    const run = await russo(['prune', '--unused', '--report', report, '--dir', dir])
    expect([run.code, run.stdout]).toEqual([0, expect.stringContaining('removed 2 of 4 entries')])
    const left = (await russo(['ls', '--dir', dir, '--json'])).json<{ entries: { prompt: string }[] }>()
    expect(left.entries.map((e) => e.prompt)).toEqual(['Book a flight to Rome', 'What is the weather?'])

    const partial = await runFixture(dir, ['tests/booking.test.ts'])
    const refused = await russo(['prune', '--unused', '--report', partial, '--dir', dir])
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('comes from a partial run')])

    const page = join(dir, '..', 'page.html')
    expect((await russo(['html', '--report', report, '--out', page, '--dir', dir])).code).toBe(0)
    expect(readFileSync(page, 'utf8')).toContain('"file":"tests/booking.test.ts"')
  })
})
