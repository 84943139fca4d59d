import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { type RussoPluginOptions, resolveSettings } from '../src/options.js'

const root = mkdtempSync(join(tmpdir(), 'russo-options-'))
writeFileSync(join(root, 'synth.ts'), 'export default {}')
afterAll(() => rmSync(root, { recursive: true, force: true }))

function settings(argv: string[] = [], env: Record<string, string> = {}, options: RussoPluginOptions = {}) {
  return resolveSettings({ options, root, argv: ['node', 'vitest.mjs', 'run', '--', ...argv], env })
}

describe('resolveSettings', () => {
  test('defaults: auto mode, .russo_cache under the root, nothing cleared or pruned', () => {
    expect(settings()).toMatchObject({
      mode: { value: 'auto', source: 'default' },
      cacheDir: join(root, '.russo_cache'),
      clear: false,
      prune: false,
    })
  })

  test('precedence: command line, then environment, then options', () => {
    const options: RussoPluginOptions = { mode: 'refresh', cacheDir: 'from-options' }
    expect(settings([], {}, options)).toMatchObject({
      mode: { value: 'refresh' },
      cacheDir: join(root, 'from-options'),
    })
    const env = { RUSSO_CACHE_MODE: 'offline', RUSSO_CACHE_DIR: 'from-env' }
    expect(settings([], env, options)).toMatchObject({
      mode: { value: 'offline', source: 'RUSSO_CACHE_MODE=offline' },
      cacheDir: join(root, 'from-env'),
    })
    expect(settings(['--russo-no-cache', '--russo-cache-dir', 'from-argv'], env, options)).toMatchObject({
      mode: { value: 'off', source: '--russo-no-cache' },
      cacheDir: join(root, 'from-argv'),
    })
    expect(settings(['--russo-cache-dir=/abs/dir'], env).cacheDir).toBe('/abs/dir')
  })

  test('switches from flags and environment', () => {
    expect(settings(['--russo-clear-cache', '--russo-prune'])).toMatchObject({
      clear: true,
      prune: true,
    })
    expect(settings([], { RUSSO_CLEAR_CACHE: 'true', RUSSO_PRUNE: '1', RUSSO_NO_CACHE: 'yes' })).toMatchObject({
      clear: true,
      prune: true,
      mode: { value: 'off' },
    })
    expect(settings([], { RUSSO_NO_CACHE: '0', RUSSO_PRUNE: '' })).toMatchObject({
      mode: { value: 'auto' },
      prune: false,
    })
  })

  test.for([
    [
      [],
      { RUSSO_CACHE_MODE: 'bogus' },
      'RUSSO_CACHE_MODE=bogus is not a cache mode; allowed values: auto, off, refresh, offline.',
    ],
    [
      [],
      { RUSSO_NO_CACHE: 'maybe' },
      'RUSSO_NO_CACHE=maybe is not a switch; allowed values: 1, true, yes, on, 0, false, no, off.',
    ],
    [
      [],
      { RUSSO_CACHE_MODE: 'offline', RUSSO_NO_CACHE: '1' },
      'RUSSO_CACHE_MODE=offline and RUSSO_NO_CACHE=1 ask for different cache modes',
    ],
    [
      ['--russo-offline', '--russo-refresh'],
      {},
      '--russo-offline and --russo-refresh ask for different cache modes; use one of them.',
    ],
    [['--russo-offline=yes'], {}, '--russo-offline takes no value, got --russo-offline=yes.'],
    [['--russo-cache-dir'], {}, '--russo-cache-dir needs a directory: --russo-cache-dir=DIR.'],
    [
      ['--russo-nocache'],
      {},
      'unknown flag --russo-nocache. Did you mean --russo-no-cache? The russo flags are --russo-no-cache, --russo-refresh, --russo-offline, --russo-cache-mode, --russo-clear-cache, --russo-prune, --russo-prune-dry-run, --russo-cache-dir, --russo-remote, --russo-remote-mode.',
    ],
    [
      ['--russo-cache-mode=later'],
      {},
      '--russo-cache-mode=later is not a cache mode; allowed values: auto, off, refresh, offline.',
    ],
    [['--russo-ofline'], {}, 'unknown flag --russo-ofline. Did you mean --russo-offline? The russo flags are'],
    [['--russo-clear'], {}, 'unknown flag --russo-clear. Did you mean --russo-clear-cache? The russo flags are'],
    [['--russo-bogus'], {}, 'unknown flag --russo-bogus. The russo flags are'],
    [
      [],
      { RUSSO_CACHE_MODE: 'ofline' },
      'RUSSO_CACHE_MODE=ofline is not a cache mode; did you mean offline? allowed values: auto, off, refresh, offline.',
    ],
    [
      ['--russo-cache-mode'],
      {},
      '--russo-cache-mode needs a mode: --russo-cache-mode=MODE, one of auto, off, refresh, offline.',
    ],
    [
      ['--russo-cache-mode=offline', '--russo-no-cache'],
      {},
      '--russo-cache-mode=offline and --russo-no-cache ask for different cache modes; use one of them.',
    ],
  ] as const)('refuses %j %j', ([argv, env, message]) => {
    expect(() => settings([...argv], env)).toThrow(
      expect.objectContaining({ code: 'RUSSO_CONFIG', message: expect.stringContaining(message) }),
    )
  })

  test('--russo-cache-mode=MODE (or two words) matches RUSSO_CACHE_MODE, and wins over it', () => {
    expect(settings(['--russo-cache-mode=offline']).mode).toEqual({
      value: 'offline',
      source: '--russo-cache-mode=offline',
    })
    expect(settings(['--russo-cache-mode', 'refresh'], { RUSSO_CACHE_MODE: 'offline' }).mode.value).toBe('refresh')
    expect(settings(['--russo-cache-mode=off', '--russo-no-cache']).mode.value).toBe('off')
  })

  test('--russo-prune-dry-run and RUSSO_PRUNE_DRY_RUN', () => {
    expect(settings(['--russo-prune-dry-run'])).toMatchObject({ pruneDryRun: true, prune: false })
    expect(settings([], { RUSSO_PRUNE_DRY_RUN: '1' })).toMatchObject({ pruneDryRun: true })
    expect(settings()).toMatchObject({ pruneDryRun: false })
  })

  test('an unknown option key stops the run, naming the key and the nearest known one', () => {
    expect(() => settings([], {}, { cachedir: '.audio' } as never)).toThrow(
      'russo(options): unknown option "cachedir". Did you mean cacheDir? The options are synthesizer, cacheDir, mode, cacheKeyExtra, report, remote.',
    )
    expect(() => settings([], {}, { synthesiser: './synth.ts' } as never)).toThrow(
      'unknown option "synthesiser". Did you mean synthesizer?',
    )
    expect(() => settings([], {}, { voice: 'Kore' } as never)).toThrow(
      /unknown option "voice"\. The options are synthesizer/,
    )
    expect(() => settings([], {}, { report: { jsno: 'r.json' } } as never)).toThrow(
      'russo({ report }): unknown option "jsno". Did you mean json? The options are json.',
    )
  })

  test('plugin options are checked too', () => {
    expect(() => settings([], {}, { mode: 'later' as never })).toThrow(
      'russo({ mode: "later" }) is not a cache mode; allowed values: auto, off, refresh, offline.',
    )
    expect(() => settings([], {}, { cacheKeyExtra: { apiKey: 'sk-x' } })).toThrow(
      'russo({ cacheKeyExtra }): russo(): cacheKeyExtra field "apiKey" looks like a credential.',
    )
    expect(() => settings([], {}, { cacheKeyExtra: { prompt: 'x' } })).toThrow(
      'russo({ cacheKeyExtra }): cacheKey: extra must not contain "prompt"',
    )
    expect(() => settings([], {}, { report: { json: '' } })).toThrow(
      'russo({ report }) must be true, false or { json: "path/to/report.json" }.',
    )
    expect(() => settings([], {}, { synthesizer: './missing.ts' })).toThrow(
      `russo({ synthesizer: './missing.ts' }): no such module (looked for ${join(root, 'missing.ts')}).`,
    )
  })

  test('the synthesizer path resolves against the root, with or without its extension; bare names are left to Vite', () => {
    expect(settings([], {}, { synthesizer: './synth.ts' }).synthesizer).toBe(join(root, 'synth.ts'))
    expect(settings([], {}, { synthesizer: './synth' }).synthesizer).toBe(join(root, 'synth.ts'))
    expect(settings([], {}, { synthesizer: '@russo/espeak' }).synthesizer).toBe('@russo/espeak')
  })

  test('report: printed by default; false silences it; json resolves against the root', () => {
    expect(settings()).toMatchObject({ print: true, json: undefined })
    expect(settings([], {}, { report: false })).toMatchObject({ print: false })
    expect(settings([], {}, { report: { json: 'out/russo.json' } })).toMatchObject({
      print: true,
      json: join(root, 'out/russo.json'),
    })
  })
})
