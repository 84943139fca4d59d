import { describe, expect, test } from 'vitest'
import { unknownEnv } from '../src/flags.js'

describe('unknown RUSSO_ variables', () => {
  test('a mode spelt as its own variable points at RUSSO_CACHE_MODE', () => {
    expect(unknownEnv({ RUSSO_OFFLINE: '1' })).toBe(
      'russo: ignoring unknown environment variable RUSSO_OFFLINE (did you mean RUSSO_CACHE_MODE=offline?); ' +
        'the russo variables are RUSSO_CACHE_MODE, RUSSO_NO_CACHE, RUSSO_CLEAR_CACHE, RUSSO_CACHE_DIR, RUSSO_PRUNE, RUSSO_PRUNE_DRY_RUN, ' +
        'RUSSO_REMOTE, RUSSO_REMOTE_MODE, RUSSO_REMOTE_REQUIRED, RUSSO_REMOTE_SIGNING_KEY.',
    )
    expect(unknownEnv({ RUSSO_REFRESH: 'yes' })).toContain('RUSSO_REFRESH (did you mean RUSSO_CACHE_MODE=refresh?)')
  })

  test('a misspelt variable gets the nearest one; a project of its own gets nothing', () => {
    expect(unknownEnv({ RUSSO_CACHEDIR: 'a', RUSSO_CLEAR: '1' })).toContain(
      'variables RUSSO_CACHEDIR (did you mean RUSSO_CACHE_DIR?), RUSSO_CLEAR (did you mean RUSSO_CLEAR_CACHE?);',
    )
    expect(unknownEnv({ RUSSO_CACHE_MOD: 'offline' })).toContain('RUSSO_CACHE_MOD (did you mean RUSSO_CACHE_MODE?)')
    expect(unknownEnv({ RUSSO_EXAMPLE_TTS: 'x', RUSSO_CACHE_MODE: 'auto' })).toBeUndefined()
  })
})
