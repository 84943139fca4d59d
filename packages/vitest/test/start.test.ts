import { unknownEnv } from '@russo/runner-kit'
import { describe, expect, test } from 'vitest'
import type { ViteUserConfig } from 'vitest/config'
import { inlineOurPackage } from '../src/internal/inline.js'
import { supportWarnings } from '../src/internal/support.js'

describe('what the plugin says once at start', () => {
  test.each([
    ['4.1.0', 'v20.19.0'],
    ['4.1.12', 'v20.20.2'],
    ['5.1.1', 'v22.12.0'],
    ['5.1.1', 'v24.1.0'],
  ])('nothing for Vitest %s on Node %s', (vitest, node) => {
    expect(supportWarnings(vitest, node)).toEqual([])
  })

  test('Vitest 5 on Node < 22.12: one plain warning that says what breaks and what to do', () => {
    expect(supportWarnings('5.1.1', 'v20.20.2')).toEqual([
      'russo: Vitest 5.1.1 needs Node >= 22.12, and this is Node 20.20.2. ' +
        "On older Node, Vitest's reporter crashes at the first failing test (Map.groupBy is not a function) and " +
        'hides every failure. Run Node 22.12 or later, or use Vitest 4.1 on this Node.',
    ])
    expect(supportWarnings('5.0.0', 'v22.11.0')).toHaveLength(1)
  })

  test.each([['4.0.18'], ['3.2.4'], ['6.0.0']])('Vitest %s is outside the peer range, and the warning says so', (v) => {
    expect(supportWarnings(v, 'v24.0.0')).toEqual([
      `russo: @russo/vitest supports Vitest >=4.1.0 <6 (4.1 and 5); this is Vitest ${v}, so expect trouble.`,
    ])
  })

  test('unknown RUSSO_* variables that look like settings get one line naming them and the known ones', () => {
    expect(unknownEnv({ RUSSO_OFFLINE: '1', RUSSO_CACHE_MODE: 'auto', PATH: '/bin' })).toBe(
      'russo: ignoring unknown environment variable RUSSO_OFFLINE (did you mean RUSSO_CACHE_MODE=offline?); ' +
        'the russo variables are RUSSO_CACHE_MODE, ' +
        'RUSSO_NO_CACHE, RUSSO_CLEAR_CACHE, RUSSO_CACHE_DIR, RUSSO_PRUNE, RUSSO_PRUNE_DRY_RUN, RUSSO_REMOTE, ' +
        'RUSSO_REMOTE_MODE, RUSSO_REMOTE_REQUIRED, RUSSO_REMOTE_SIGNING_KEY.',
    )
    expect(unknownEnv({ RUSSO_OFFLINE: '1', RUSSO_REFRESH: '1' })).toMatch(
      /^russo: ignoring unknown environment variables RUSSO_OFFLINE \(did you mean RUSSO_CACHE_MODE=offline\?\), RUSSO_REFRESH \(did you mean RUSSO_CACHE_MODE=refresh\?\);/,
    )
    expect(unknownEnv({ RUSSO_CACHE_DIR: 'x', HOME: '/root' })).toBeUndefined()
    // A project's own variables that share the prefix but no russo setting word are left alone.
    expect(unknownEnv({ RUSSO_EXAMPLE_TTS: 'openai' })).toBeUndefined()
    expect(unknownEnv({ RUSSO_CACHEDIR: 'x', RUSSO_DRY_RUN: '1' })).toMatch(
      /RUSSO_CACHEDIR \(did you mean RUSSO_CACHE_DIR\?\), RUSSO_DRY_RUN \(did you mean RUSSO_PRUNE_DRY_RUN\?\);/,
    )
  })
})

describe('the package is inlined in the root config and in every inline project', () => {
  test('adds itself beside what the user inlines, once, and leaves `inline: true` and project paths alone', () => {
    const config: ViteUserConfig = {
      test: {
        server: { deps: { inline: ['my-lib'] } },
        projects: [
          'packages/*',
          { test: { name: 'a' } },
          { extends: true, test: { name: 'b', server: { deps: { inline: true } } } },
        ],
      },
    }
    inlineOurPackage(config)
    inlineOurPackage(config)
    expect(config.test?.server?.deps?.inline).toEqual(['my-lib', '@russo/vitest/'])
    const [path, a, b] = config.test?.projects ?? []
    expect(path).toBe('packages/*')
    expect(a).toMatchObject({ test: { name: 'a', server: { deps: { inline: ['@russo/vitest/'] } } } })
    expect(b).toMatchObject({ test: { name: 'b', server: { deps: { inline: true } } } })
  })

  test('a config without `test` gets one', () => {
    const config: ViteUserConfig = {}
    inlineOurPackage(config)
    expect(config.test?.server?.deps?.inline).toEqual(['@russo/vitest/'])
  })
})
