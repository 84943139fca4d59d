import { spawnSync } from 'node:child_process'
import { readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { AudioCache, CachedSynthesizer, cacheKey, inspectCacheDir, type RemovalReport } from '../src/index.js'
import { builtEntry } from './helpers/built-package.js'
import { captureLogger, tempDir } from './helpers/fixtures.js'
import { damagedForeign, type HostileDir, hostileDir, namesIn } from './helpers/hostile-dir.mjs'

function scene(): { hostile: HostileDir; cache: AudioCache; warnings: string[] } {
  const hostile = hostileDir(tempDir(), cacheKey)
  const { logger, warnings } = captureLogger()
  return { hostile, cache: new AudioCache(hostile.dir, { logger }), warnings }
}

/** The names a report says went must be exactly the names that are gone; every foreign file intact. */
function expectListedIsGone(hostile: HostileDir, before: string[], report: RemovalReport): void {
  const listed = report.removed.flatMap((item) => item.files).sort()
  const gone = before.filter((name) => !namesIn(hostile.dir).includes(name)).sort()
  expect(gone).toEqual(listed)
  expect(damagedForeign(hostile)).toEqual([])
}

const entryKeys = (report: { items: { key: string }[] }) => report.items.map((item) => item.key).sort()

describe('what is russo’s: one rule', () => {
  test('lockfiles, foreign .audio/.meta/.lock/.tmp, folders, FIFOs and links are foreign; entries of every writer are russo’s', () => {
    const { hostile } = scene()
    const { keys, foreign } = inspectCacheDir(hostile.dir)
    expect(foreign.map((f) => f.name).sort()).toEqual([...hostile.foreign.keys(), ...hostile.special].sort())
    expect(foreign.find((f) => f.name === 'yarn.lock')?.why).toContain('not a russo lock')
    expect(foreign.find((f) => f.name === hostile.special[1])?.why).toContain('a FIFO')
    const owned = keys.map((k) => k.key)
    for (const key of [
      ...hostile.ts,
      hostile.python,
      hostile.custom,
      hostile.lfsPython,
      hostile.lfsTs,
      hostile.orphan,
    ]) {
      expect(owned).toContain(key)
    }
  })
})

describe('every removing operation lists its set first and removes exactly it', () => {
  test('clear: the plan changes nothing; clear(plan) removes exactly its items; foreign files stay byte for byte', () => {
    const { hostile, cache } = scene()
    const before = namesIn(hostile.dir)
    const plan = cache.planClear()
    expect(namesIn(hostile.dir)).toEqual(before)
    const kinds = Object.fromEntries(plan.items.map((item) => [item.key, item.kind]))
    expect(kinds).toMatchObject({
      [hostile.ts[0] as string]: 'entry',
      [hostile.custom]: 'entry',
      [hostile.lfsPython]: 'lfs-pointer',
      [hostile.lfsTs]: 'lfs-pointer',
      [hostile.truncated]: 'corrupt',
      [hostile.corruptMeta]: 'corrupt',
      [hostile.orphan]: 'orphan-audio',
    })
    expect(plan.items.find((item) => item.key === hostile.ts[0])?.prompt).toBe(hostile.hostilePrompt)
    const report = cache.clear(plan)
    expect(report.removed).toEqual(plan.items)
    expectListedIsGone(hostile, before, report)
    expect(namesIn(hostile.dir)).toEqual([...hostile.foreign.keys(), ...hostile.special].sort())
  })

  test('prune: the same set in the plan and the run; corrupt entries listed as such; LFS pointers listed apart and kept', async () => {
    const { hostile, cache } = scene()
    const before = namesIn(hostile.dir)
    const keep = [hostile.ts[1] as string]
    const plan = cache.planPrune(keep, { why: 'unused' })
    expect(namesIn(hostile.dir)).toEqual(before)
    expect(plan.lfsPointers.map((p) => p.key).sort()).toEqual([hostile.lfsPython, hostile.lfsTs].sort())
    expect(
      plan.items
        .filter((item) => item.kind === 'corrupt')
        .map((item) => item.key)
        .sort(),
    ).toEqual([hostile.truncated, hostile.corruptMeta].sort())
    const report = await cache.prune(keep, { why: 'unused' })
    expect(entryKeys(report)).toEqual(entryKeys(plan))
    expect(report.removed.map((item) => item.why)).toContain('unused')
    expectListedIsGone(hostile, before, report)
    for (const key of [hostile.lfsPython, hostile.lfsTs, hostile.ts[1]]) {
      expect(namesIn(hostile.dir)).toEqual(expect.arrayContaining([`${key}.audio`, `${key}.meta`]))
    }
  })

  test('verify: corrupt entries listed and removed, LFS pointers reported apart and kept, foreign files never checked', async () => {
    const { hostile, cache } = scene()
    const before = namesIn(hostile.dir)
    const dry = await cache.verify({ remove: false })
    expect(namesIn(hostile.dir)).toEqual(before)
    expect(dry.corrupt.map((c) => c.key).sort()).toEqual([hostile.truncated, hostile.corruptMeta].sort())
    expect(dry.lfsPointers.map((p) => p.key).sort()).toEqual([hostile.lfsPython, hostile.lfsTs].sort())
    const report = await cache.verify()
    expect(entryKeys(report.removal)).toEqual(dry.corrupt.map((c) => c.key).sort())
    expectListedIsGone(hostile, before, report.removal)
  })

  test('cleanup: temp files of dead writers, stale locks, old orphan audio; never a foreign temp or lock', () => {
    const { hostile, cache } = scene()
    const before = namesIn(hostile.dir)
    const plan = cache.planCleanup()
    expect(plan.items.flatMap((item) => item.files).sort()).toEqual(
      [hostile.staleLock, hostile.deadTemp, `${hostile.orphan}.audio`].sort(),
    )
    const report = cache.cleanup()
    expect(report.removed).toEqual(plan.items)
    expectListedIsGone(hostile, before, report)
  })
})

test('an entry put under the key "yarn" beside yarn.lock: prune and reads never take over or remove yarn.lock', async () => {
  const dir = join(tempDir(), 'cache')
  const { logger } = captureLogger()
  const cache = new AudioCache(dir, { logger, lockStaleMs: 1000 })
  cache.put('yarn', { data: new Uint8Array(100), format: 'pcm', sampleRate: 16000, channels: 1, sampleWidth: 2 })
  writeFileSync(join(dir, 'yarn.audio'), new Uint8Array(40))
  writeFileSync(join(dir, 'yarn.lock'), '# yarn lockfile v1\n')
  const old = new Date(Date.now() - 120_000)
  for (const name of ['yarn.audio', 'yarn.meta', 'yarn.lock']) utimesSync(join(dir, name), old, old)
  expect(cache.get('yarn')).toBeUndefined()
  const report = await cache.prune([])
  expect(report.removed).toEqual([])
  expect(report.left.map((l) => l.reason)).toEqual(["yarn.lock is not russo's: left alone, and the entry with it"])
  expect(readFileSync(join(dir, 'yarn.lock'), 'utf8')).toBe('# yarn lockfile v1\n')
})

describe('reads', () => {
  test('a Git LFS pointer is a miss with one warning naming how many and `git lfs pull`, and stays', () => {
    const { hostile, cache, warnings } = scene()
    const before = namesIn(hostile.dir)
    for (const key of [hostile.lfsPython, hostile.lfsTs, hostile.lfsPython]) {
      expect(cache.get(key)).toBeUndefined()
      expect(cache.has(key)).toBe(false)
    }
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('2 entries')
    expect(warnings[0]).toContain('git lfs pull')
    expect(namesIn(hostile.dir)).toEqual(before)
  })

  test('in offline mode the miss error of a pointer says `git lfs pull`', async () => {
    const { hostile } = scene()
    const synth = new CachedSynthesizer(
      { synthesize: () => Promise.reject(new Error('never called')) },
      { cacheDir: hostile.dir, mode: 'offline', logger: captureLogger().logger },
    )
    await expect(synth.synthesize('never pulled (python)')).rejects.toThrow(/Git LFS pointer.*git lfs pull/)
    expect(namesIn(hostile.dir)).toContain(`${hostile.lfsPython}.audio`)
  })

  test('reading foreign names, a FIFO and links never removes, hangs or follows anything', () => {
    const { hostile, cache, warnings } = scene()
    const before = namesIn(hostile.dir)
    for (const name of [...hostile.foreign.keys(), ...hostile.special]) {
      const key = /^([A-Za-z0-9_-]{1,128})\.(audio|meta|lock)$/.exec(name)?.[1]
      if (key !== undefined) expect(cache.get(key)).toBeUndefined()
    }
    expect(namesIn(hostile.dir)).toEqual(before)
    expect(damagedForeign(hostile)).toEqual([])
    expect(warnings.join('\n')).toContain('settings.meta')
    expect(cache.get(hostile.custom)?.data.byteLength).toBe(800)
  })

  test('metas with an out-of-range sample_rate, channels or sample_width are corrupt, not hits', () => {
    const dir = join(tempDir(), 'cache')
    const cache = new AudioCache(dir, { logger: captureLogger().logger })
    const audio = { data: new Uint8Array([1, 2, 3, 4]), format: 'pcm', sampleRate: 16000, channels: 1, sampleWidth: 2 }
    for (const [field, value] of [
      ['sample_rate', 1e308],
      ['sample_rate', 2 ** 32],
      ['channels', 2 ** 16],
      ['sample_width', 1e20],
    ] as const) {
      const key = cache.cacheKey(`${field} ${value}`)
      cache.put(key, audio)
      const path = join(dir, `${key}.meta`)
      const meta = JSON.parse(readFileSync(path, 'utf8'))
      writeFileSync(path, JSON.stringify({ ...meta, [field]: value }))
      expect(cache.has(key), `${field} ${value}`).toBe(false)
    }
  })
})

test('clear() on a directory it may not write throws an error naming the path, not "cleared 0"', () => {
  const { hostile } = scene()
  const script = `
    const { AudioCache } = await import(${JSON.stringify(builtEntry())})
    try { new AudioCache(${JSON.stringify(hostile.dir)}).clear(); console.log('no error') }
    catch (e) { console.log(JSON.stringify({ code: e.code, name: e.name, message: e.message })) }`
  // As root, file modes do not apply: the child runs as 'nobody', who may read but not write the directory.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
  spawnSync('chmod', ['-R', 'a+rX', join(hostile.dir, '..')])
  spawnSync('chmod', ['0555', hostile.dir])
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', ...asNobody })
  spawnSync('chmod', ['0755', hostile.dir])
  const result = JSON.parse(child.stdout) as { code: string; name: string; message: string }
  expect(result).toMatchObject({ code: 'RUSSO_CACHE_WRITE', name: 'CacheRemoveError' })
  expect(result.message).toContain(`cannot remove ${hostile.dir}/`)
  expect(result.message).toContain('EACCES')
})
