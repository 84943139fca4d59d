import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { emptyStats } from '@russo/cache'
import { afterEach, describe, expect, test } from 'vitest'
import { currentRun, endRun, readRecords, startRun, writeRecord } from '../../src/internal/run-dir.js'

describe('the run directory between workers and the reporter', () => {
  afterEach(() => {
    const run = currentRun()
    if (run !== undefined) endRun(run)
  })

  test('records written by workers come back whole; junk and half-written files are skipped', () => {
    const run = startRun()
    expect(currentRun()).toEqual(run)
    const stats = { ...emptyStats(), hits: 3, misses: 1 }
    writeRecord(run.dir, { project: 'one', file: 'tests/a.test.ts', use: { cacheDir: '/c', stats, keys: ['k1'] } })
    writeRecord(run.dir, { project: '', file: 'tests/b.test.ts', use: { cacheDir: '/c', stats, keys: [] } })
    writeFileSync(join(run.dir, 'junk.json'), '{ not json')
    writeFileSync(join(run.dir, 'other.json'), '{ "file": 3 }')
    writeFileSync(join(run.dir, 'half.tmp'), '{')
    const records = readRecords(run.dir).sort((a, b) => a.file.localeCompare(b.file))
    expect(records.map((r) => [r.project, r.file, r.use.stats.hits, r.use.keys])).toEqual([
      ['one', 'tests/a.test.ts', 3, ['k1']],
      ['', 'tests/b.test.ts', 3, []],
    ])
  })

  test('ending the run removes its directory and stops announcing it', () => {
    const run = startRun()
    endRun(run)
    expect(existsSync(run.dir)).toBe(false)
    expect(currentRun()).toBeUndefined()
  })
})
