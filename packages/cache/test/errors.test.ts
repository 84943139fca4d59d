import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import {
  CacheMissError,
  isCacheMissError,
  isLockTimeoutError,
  isRussoError,
  LockTimeoutError,
  RussoError,
} from '../src/index.js'

const miss = () =>
  new CacheMissError({
    prompt: 'Book a flight',
    key: 'abc123',
    cacheDir: '/repo/.russo_cache',
    hint: 'run with --record',
  })

describe('error classes', () => {
  test('CacheMissError names the prompt, key and directory, and says how to record', () => {
    const error = miss()
    expect(error).toBeInstanceOf(RussoError)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'CacheMissError', code: 'RUSSO_CACHE_MISS', prompt: 'Book a flight' })
    expect(error).toMatchObject({ key: 'abc123', cacheDir: '/repo/.russo_cache' })
    expect(error.message).toBe(
      'No cached audio for prompt "Book a flight" (key abc123) in /repo/.russo_cache, and the cache is offline: run with --record.',
    )
    expect(String(error)).toMatch(/^CacheMissError: No cached audio/)
  })

  test('CacheMissError shows control characters of the prompt visibly in its message, and keeps the prompt exact', () => {
    const prompt = 'pay\u001b]52;c;AAAA\u0007 \u009b31m'
    const error = new CacheMissError({ prompt, key: 'k', cacheDir: '/d' })
    expect(error.prompt).toBe(prompt)
    expect(error.message).toContain('"pay\\e]52;c;AAAA\\x07 \\x9b31m"')
    expect(
      [...error.message].filter((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) < 0xa0)),
    ).toEqual([])
  })

  test('without a hint, CacheMissError says to record in auto mode and commit the directory', () => {
    const error = new CacheMissError({ prompt: 'p', key: 'k', cacheDir: '/d' })
    expect(error.message).toContain("record it by running once with mode 'auto', then commit the cache directory")
  })

  test('LockTimeoutError names the key, the holder and the ways out', () => {
    const error = new LockTimeoutError('abc123', 60_000.4, 'pid 42 on ci-host since 2025-01-01T00:00:00.000Z')
    expect(error).toMatchObject({ name: 'LockTimeoutError', code: 'RUSSO_LOCK_TIMEOUT', key: 'abc123' })
    expect(error.holder).toBe('pid 42 on ci-host since 2025-01-01T00:00:00.000Z')
    expect(error.message).toMatch(/^Waited 60000 ms for the lock on cache key abc123, held by pid 42 on ci-host/)
    expect(error.message).toContain('delete the .lock file')
    expect(error.message).toContain('raise lockWaitMs')
  })

  test('RussoError keeps its code and cause', () => {
    const cause = new Error('EROFS')
    const error = new RussoError('RUSSO_CACHE_WRITE', 'cannot write', { cause })
    expect(error).toMatchObject({ name: 'RussoError', code: 'RUSSO_CACHE_WRITE', message: 'cannot write', cause })
  })
})

describe('guards', () => {
  test('each guard accepts its own error and rejects the others', () => {
    const lock = new LockTimeoutError('k', 1, 'h')
    expect([isRussoError(miss()), isCacheMissError(miss()), isLockTimeoutError(miss())]).toEqual([true, true, false])
    expect([isRussoError(lock), isCacheMissError(lock), isLockTimeoutError(lock)]).toEqual([true, false, true])
  })

  test.each([
    ['undefined', undefined],
    ['null', null],
    ['the code as a string', 'RUSSO_CACHE_MISS'],
    ['a plain Error', new Error('x')],
    ['an fs error', Object.assign(new Error('no'), { code: 'ENOENT' })],
    ['an object without a message', { code: 'RUSSO_CACHE_MISS' }],
    ['a numeric code', { code: 42, message: 'x' }],
  ])('reject %s', (_, value) => {
    expect([isRussoError(value), isCacheMissError(value), isLockTimeoutError(value)]).toEqual([false, false, false])
  })

  test('accept a plain object made in another realm (how Vitest workers pass errors on)', () => {
    const foreign = runInNewContext(
      '({ name: "CacheMissError", code: "RUSSO_CACHE_MISS", message: "m", prompt: "p", key: "k", cacheDir: "/d" })',
    ) as unknown
    expect(foreign).not.toBeInstanceOf(Object)
    expect([isRussoError(foreign), isCacheMissError(foreign), isLockTimeoutError(foreign)]).toEqual([true, true, false])
  })

  test('accept an Error made in another realm, where instanceof fails', () => {
    const foreign = runInNewContext('Object.assign(new Error("waited"), { code: "RUSSO_LOCK_TIMEOUT", key: "k" })')
    expect(foreign).not.toBeInstanceOf(Error)
    expect([isRussoError(foreign), isLockTimeoutError(foreign), isCacheMissError(foreign)]).toEqual([true, true, false])
  })

  test('accept a structuredClone of the error as a plain copy, with every field', () => {
    const error = miss()
    const copy = structuredClone({ ...error, name: error.name, message: error.message })
    expect(isCacheMissError(copy)).toBe(true)
    expect(copy).toMatchObject({ prompt: 'Book a flight', key: 'abc123', cacheDir: '/repo/.russo_cache' })
  })

  test('structuredClone of the Error itself keeps only message and stack (V8 drops name and code), so guards say no', () => {
    const clone = structuredClone(miss())
    expect(clone.message).toBe(miss().message)
    expect(clone.stack).toMatch(/^CacheMissError: No cached audio/)
    expect([clone.name, (clone as Partial<CacheMissError>).code]).toEqual(['Error', undefined])
    expect(isCacheMissError(clone)).toBe(false)
  })
})
