import { describe, expect, test } from 'vitest'
import { cacheFileKind } from '../src/index.js'

describe('cacheFileKind', () => {
  test('names russo files by kind and key', () => {
    expect(cacheFileKind('abc123.audio')).toEqual({ key: 'abc123', kind: 'audio' })
    expect(cacheFileKind('abc123.meta')).toEqual({ key: 'abc123', kind: 'meta' })
    expect(cacheFileKind('abc123.lock')).toEqual({ key: 'abc123', kind: 'lock' })
    expect(cacheFileKind('.abc123.4242-0123456789ab.tmp')).toEqual({ key: 'abc123', kind: 'temp' })
  })

  test('anything else is foreign', () => {
    for (const name of ['README.md', '.gitignore', 'abc.audio.bak', 'a.b.meta', '.audio', 'x.wav', '.abc.tmp']) {
      expect(cacheFileKind(name), name).toBeUndefined()
    }
  })
})
