import { lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { AudioCache } from '../src/index.js'
import {
  backdate,
  bytesOf,
  captureLogger,
  type EntryFiles,
  exists,
  holdLock,
  makeAudio,
  putEntry,
  tempDir,
  writeRaw,
} from './helpers/fixtures.js'

/** Older than the grace a live writer gets before a half-written entry counts as corrupt. */
const OLD = 60_000
const PROMPT = 'book a flight'

interface Scene {
  dir: string
  key: string
  files: EntryFiles
  cache: AudioCache
  warnings: string[]
}

/** A valid entry for PROMPT, then `damage` applied to its files. */
function corrupted(damage: (files: EntryFiles, dir: string) => void, options: { verifyOnRead?: boolean } = {}): Scene {
  const dir = join(tempDir(), 'cache')
  const { key, ...files } = putEntry(dir, PROMPT, makeAudio({ size: 100 }))
  damage(files, dir)
  const { logger, warnings } = captureLogger()
  return { dir, key, files, cache: new AudioCache(dir, { logger, ...options }), warnings }
}

function expectMissWithOneWarning({ cache, key, warnings }: Scene, prompt?: string): void {
  const options = prompt === undefined ? {} : { prompt }
  expect(cache.get(key, options)).toBeUndefined()
  expect(cache.get(key, options)).toBeUndefined()
  expect(cache.has(key, options)).toBe(false)
  expect(warnings).toHaveLength(1)
  expect(warnings[0]).toContain(`corrupt cache entry ${key}`)
}

async function listedKeys(cache: AudioCache): Promise<string[]> {
  const keys: string[] = []
  for await (const entry of cache.entries()) keys.push(entry.key)
  return keys
}

const rewriteMeta = (change: Record<string, unknown>) => (files: EntryFiles) => {
  const meta = JSON.parse(readFileSync(files.meta, 'utf8')) as Record<string, unknown>
  writeRaw(files.meta, { ...meta, ...change })
}

const LFS_POINTER = [
  'version https://git-lfs.github.com/spec/v1',
  `oid sha256:${'ab'.repeat(32)}`,
  'size 100',
  '',
].join('\n')

/** The audio or the meta file of an entry, for tests that damage either. */
const EITHER_FILE: [string, (files: EntryFiles) => string][] = [
  ['audio', (f) => f.audio],
  ['meta', (f) => f.meta],
]

describe('a corrupt entry is a miss with one warning, and its regular files are removed', () => {
  test.each([
    ['garbage meta', (f: EntryFiles) => writeRaw(f.meta, '{"format": "pcm", "sample_ra')],
    ['meta that is a JSON array', (f: EntryFiles) => writeRaw(f.meta, '[1, 2]')],
    ['sample_rate "16000"', rewriteMeta({ sample_rate: '16000' })],
    ['sample_rate 16000.5', rewriteMeta({ sample_rate: 16000.5 })],
    ['format 5', rewriteMeta({ format: 5 })],
    ['prompt 7', rewriteMeta({ prompt: 7 })],
    ['bytes -1', rewriteMeta({ bytes: -1 })],
  ])('%s', (_, damage) => {
    const scene = corrupted(damage)
    expectMissWithOneWarning(scene)
    expect([exists(scene.files.audio), exists(scene.files.meta)]).toEqual([false, false])
  })

  test('meta without an audio file', () => {
    const scene = corrupted((f) => rmSync(f.audio))
    expectMissWithOneWarning(scene)
    expect(exists(scene.files.meta)).toBe(false)
  })

  test('a meta holding another prompt, when the caller passes the prompt', () => {
    const scene = corrupted(rewriteMeta({ prompt: 'book a hotel' }))
    expect(scene.cache.has(scene.key)).toBe(true)
    expectMissWithOneWarning(scene, PROMPT)
    expect(scene.warnings[0]).toContain('different prompt')
    expect(exists(scene.files.meta)).toBe(false)
  })

  test('truncated audio: left alone while a writer may be busy, removed once older than the grace', () => {
    const scene = corrupted((f) => writeRaw(f.audio, readFileSync(f.audio).subarray(0, 50)))
    expect(scene.cache.get(scene.key)).toBeUndefined()
    expect(scene.warnings).toEqual([])
    expect(exists(scene.files.audio)).toBe(true)
    backdate(OLD, scene.files.audio, scene.files.meta)
    expectMissWithOneWarning(scene)
    expect(scene.warnings[0]).toContain('audio has 50 bytes, meta says 100')
    expect([exists(scene.files.audio), exists(scene.files.meta)]).toEqual([false, false])
  })

  test.each([
    ['under a russo-ts meta (another length)', (f: EntryFiles) => backdate(OLD, f.audio, f.meta)],
    [
      'under a Python-written meta (no length)',
      (f: EntryFiles) => writeRaw(f.meta, { format: 'wav', sample_rate: 24000, prompt: PROMPT }),
    ],
  ])('a Git LFS pointer in place of the audio %s: a miss with a `git lfs pull` warning, never removed', (_, more) => {
    const scene = corrupted((f) => {
      writeRaw(f.audio, LFS_POINTER)
      more(f)
    })
    for (const read of [() => scene.cache.get(scene.key, { prompt: PROMPT }), () => scene.cache.has(scene.key)]) {
      expect(read()).toBeFalsy()
    }
    expect(scene.warnings).toEqual([expect.stringContaining('1 entry in')])
    expect(scene.warnings[0]).toContain(
      'is a Git LFS pointer, not audio (the audio was never fetched): run `git lfs pull`',
    )
    expect(readFileSync(scene.files.audio, 'utf8')).toBe(LFS_POINTER)
    expect(exists(scene.files.meta)).toBe(true)
  })

  test('audio without meta: a miss; after the grace, removed by get and by cleanup', () => {
    const scene = corrupted((f) => rmSync(f.meta))
    expect(scene.cache.get(scene.key)).toBeUndefined()
    expect(scene.cache.cleanup().removed).toEqual([])
    expect([scene.warnings, exists(scene.files.audio)]).toEqual([[], true])
    backdate(OLD, scene.files.audio)
    expectMissWithOneWarning(scene)
    expect(exists(scene.files.audio)).toBe(false)

    const again = corrupted((f) => {
      rmSync(f.meta)
      backdate(OLD, f.audio)
    })
    expect(again.cache.cleanup().removed).toEqual([
      { key: again.key, prompt: null, kind: 'orphan-audio', why: 'audio without meta', files: [`${again.key}.audio`] },
    ])
    expect(exists(again.files.audio)).toBe(false)
  })

  test.each(EITHER_FILE)('a directory where the %s file should be is not removed, nor listed', async (_, pick) => {
    const scene = corrupted((f) => {
      rmSync(pick(f))
      mkdirSync(pick(f))
      writeFileSync(join(pick(f), 'inside'), 'keep me')
    })
    expectMissWithOneWarning(scene)
    expect(readFileSync(join(pick(scene.files), 'inside'), 'utf8')).toBe('keep me')
    expect(await listedKeys(scene.cache)).toEqual([])
  })

  test.each(EITHER_FILE)(
    'a symlink as the %s file, to a valid file elsewhere: never followed, never removed, never listed',
    async (_, pick) => {
      const outside = join(tempDir(), 'elsewhere')
      let before = Buffer.alloc(0)
      const scene = corrupted((f) => {
        writeFileSync(outside, readFileSync(pick(f)))
        before = readFileSync(outside)
        rmSync(pick(f))
        symlinkSync(outside, pick(f))
      })
      expectMissWithOneWarning(scene)
      expect(scene.warnings[0]).toContain('is a symbolic link')
      expect(lstatSync(pick(scene.files)).isSymbolicLink()).toBe(true)
      expect(await listedKeys(scene.cache)).toEqual([])
      expect(readFileSync(outside)).toEqual(before)
    },
  )
})

describe('an entry another process holds the lock of', () => {
  test('is a miss, but is neither removed nor warned about while the lock is held (it may be mid-write)', () => {
    const scene = corrupted((f) => writeRaw(f.meta, 'not json'))
    holdLock(scene.dir, scene.key)
    expect(scene.cache.get(scene.key)).toBeUndefined()
    expect([exists(scene.files.audio), exists(scene.files.meta), scene.warnings]).toEqual([true, true, []])
    rmSync(scene.files.lock)
    expectMissWithOneWarning(scene)
    expect(exists(scene.files.meta)).toBe(false)
  })

  test('a lock whose holder is dead does not protect the corrupt entry', () => {
    const scene = corrupted((f) => writeRaw(f.meta, 'not json'))
    holdLock(scene.dir, scene.key, 2 ** 30)
    expectMissWithOneWarning(scene)
    expect([exists(scene.files.meta), exists(scene.files.lock)]).toEqual([false, false])
  })
})

describe('sha256', () => {
  const flip = (f: EntryFiles) => {
    const data = readFileSync(f.audio)
    data[10] = (data[10] ?? 0) ^ 0xff
    writeFileSync(f.audio, data)
  }

  test('verify() finds a flipped byte of the same length, reports and removes it', async () => {
    const scene = corrupted(flip)
    const good = putEntry(scene.dir, 'intact')
    expect(bytesOf(scene.cache.get(scene.key))?.length).toBe(100)
    const report = await scene.cache.verify()
    expect(report).toMatchObject({
      checked: 2,
      corrupt: [{ key: scene.key, reason: expect.stringMatching(/sha256/) }],
      removal: { removed: [{ key: scene.key, kind: 'corrupt', files: [`${scene.key}.meta`, `${scene.key}.audio`] }] },
    })
    expect([exists(scene.files.audio), scene.cache.has(good.key)]).toEqual([false, true])
  })

  test('verify({ remove: false }) reports it, leaves it, and calls onEntry once per entry', async () => {
    const scene = corrupted(flip)
    const good = putEntry(scene.dir, 'intact')
    const seen: [string, string | undefined][] = []
    const report = await scene.cache.verify({ remove: false, onEntry: (key, corrupt) => seen.push([key, corrupt]) })
    expect(report).toMatchObject({
      checked: 2,
      corrupt: [{ key: scene.key, reason: expect.stringMatching(/sha256/) }],
      removal: { items: [], removed: [] },
    })
    expect(seen.sort()).toEqual(
      [
        [scene.key, expect.stringMatching(/sha256/)],
        [good.key, undefined],
      ].sort(),
    )
    expect(exists(scene.files.audio)).toBe(true)
  })

  test('verifyOnRead makes get miss on it', () => {
    const scene = corrupted(flip, { verifyOnRead: true })
    expectMissWithOneWarning(scene)
    expect(scene.warnings[0]).toContain('sha256')
    expect(exists(scene.files.audio)).toBe(false)
  })
})
