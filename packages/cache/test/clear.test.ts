import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { AudioCache } from '../src/index.js'
import { captureLogger, exists, holdLock, names, putEntry, tempDir } from './helpers/fixtures.js'

/** Names clear() must leave: not russo's by name, nor by content. */
const FOREIGN_FILES = [
  'notes.txt',
  'foo.audio.bak',
  'foo.meta~',
  'FOO.AUDIO',
  '.audio',
  '..x.audio',
  'a b.audio',
  'x.y.meta',
  `${'k'.repeat(129)}.audio`,
  '.key.tmp',
  '.key.123.tmp',
  'key.lock.old',
  'orphan.audio',
  'lonely.meta',
  'package.lock',
  '.orphan.4242-0123abcd.tmp',
]

function scene() {
  const root = tempDir()
  const dir = join(root, 'cache')
  const outside = join(root, 'outside')
  mkdirSync(outside)
  writeFileSync(join(outside, 'target.audio'), 'precious')
  writeFileSync(join(outside, 'target.meta'), '{"format": "wav", "sample_rate": 16000, "prompt": ""}')

  const entries = ['one', 'two'].map((prompt) => putEntry(dir, prompt))
  const cache = new AudioCache(dir, { logger: captureLogger().logger })
  const orphan = cache.cacheKey('orphan')
  writeFileSync(join(dir, `${orphan}.audio`), 'audio without meta')
  writeFileSync(join(dir, `.${orphan}.4242-0123abcd.tmp`), 'temp of a crashed writer')
  holdLock(dir, 'someone', 2 ** 30)

  for (const name of FOREIGN_FILES) writeFileSync(join(dir, name), 'not russo')
  mkdirSync(join(dir, 'sub'))
  writeFileSync(join(dir, 'sub', 'x.audio'), 'nested')
  writeFileSync(join(dir, 'sub', 'x.meta'), '{}')
  mkdirSync(join(dir, 'dirkey.audio'))
  symlinkSync(join(outside, 'target.audio'), join(dir, 'y.audio'))
  symlinkSync(join(outside, 'target.meta'), join(dir, 'y.meta'))
  symlinkSync(outside, join(dir, 'linked.meta'))
  symlinkSync(outside, join(dir, 'outside-link'))
  return { dir, outside, entries, orphan, cache }
}

test('clear() removes only russo files directly in the directory and lists each with what it was', () => {
  const { dir, entries, orphan, cache } = scene()
  const report = cache.clear()
  expect(report.removed.map((item) => [item.key, item.kind]).sort()).toEqual(
    [
      [entries[0]?.key, 'entry'],
      [entries[1]?.key, 'entry'],
      [orphan, 'orphan-audio'],
      ['someone', 'lock'],
    ].sort(),
  )
  expect(report.removed.find((item) => item.key === orphan)?.files.sort()).toEqual(
    [`${orphan}.audio`, `.${orphan}.4242-0123abcd.tmp`].sort(),
  )
  for (const entry of entries) expect([exists(entry.audio), exists(entry.meta)]).toEqual([false, false])
  expect(names(dir)).toEqual(
    [...FOREIGN_FILES, 'sub', 'dirkey.audio', 'y.audio', 'y.meta', 'linked.meta', 'outside-link'].sort(),
  )
  expect(report.foreign.map((f) => f.name).sort()).toEqual(names(dir))
})

test('clear() never recurses, never follows links, never removes the directory', () => {
  const { dir, outside, cache } = scene()
  cache.clear()
  expect(exists(dir)).toBe(true)
  expect(names(join(dir, 'sub'))).toEqual(['x.audio', 'x.meta'])
  expect(names(join(dir, 'dirkey.audio'))).toEqual([])
  expect(names(outside)).toEqual(['target.audio', 'target.meta'])
  expect(readFileSync(join(outside, 'target.audio'), 'utf8')).toBe('precious')
  expect(readFileSync(join(dir, 'y.audio'), 'utf8')).toBe('precious')
})

test('clear() again finds nothing; size() counts .audio files with valid key names, as Python russo does', () => {
  const { cache } = scene()
  expect(cache.size()).toBe(4)
  cache.clear()
  expect([cache.clear().removed, cache.size()]).toEqual([[], 1])
})

test('clear() removes locks and temp files of russo’s own', () => {
  const root = tempDir()
  const dir = join(root, 'cache')
  holdLock(dir, 'held')
  writeFileSync(join(dir, `.held.${process.pid}-00ff00ff.tmp`), JSON.stringify({ pid: 1, host: 'h', token: 't' }))
  const cache = new AudioCache(dir, { logger: captureLogger().logger })
  expect(cache.clear().removed.map((item) => item.kind)).toEqual(['lock'])
  expect(names(dir)).toEqual([])
})

test('clear() on a missing directory removes nothing and does not create it', () => {
  const dir = join(tempDir(), 'never')
  expect(new AudioCache(dir).clear().removed).toEqual([])
  expect(exists(dir)).toBe(false)
})

test('clear() logs how many items it removed at debug level', () => {
  const dir = join(tempDir(), 'cache')
  putEntry(dir, 'x')
  const { logger, debugs, warnings } = captureLogger()
  new AudioCache(dir, { logger }).clear()
  expect(debugs).toEqual([`cleared 1 item from ${dir}`])
  expect(warnings).toEqual([])
})
