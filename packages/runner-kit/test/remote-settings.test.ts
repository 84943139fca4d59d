import { describe, expect, test } from 'vitest'
import { type RussoPluginOptions, resolveSettings } from '../src/options.js'

function remote(argv: string[] = [], env: Record<string, string> = {}, options: RussoPluginOptions = {}) {
  return resolveSettings({ options, root: '/project', argv: ['node', 'vitest.mjs', 'run', '--', ...argv], env }).remote
}

describe('remote settings', () => {
  test('none by default; RUSSO_REMOTE alone gives readwrite, not required', () => {
    expect(remote()).toBeUndefined()
    expect(remote([], { RUSSO_REMOTE: 's3://bucket/voice' })).toEqual({
      url: 's3://bucket/voice',
      mode: 'readwrite',
      required: false,
      source: 'RUSSO_REMOTE',
    })
  })

  test('precedence: flags, then variables, then options', () => {
    const options: RussoPluginOptions = { remote: { url: 's3://from-options/x', mode: 'read', required: true } }
    expect(remote([], {}, options)).toMatchObject({ url: 's3://from-options/x', mode: 'read', required: true })
    expect(remote([], { RUSSO_REMOTE: 's3://from-env/x', RUSSO_REMOTE_MODE: 'readwrite' }, options)).toMatchObject({
      url: 's3://from-env/x',
      mode: 'readwrite',
      required: true,
    })
    expect(
      remote(['--russo-remote=s3://from-flag/x', '--russo-remote-mode', 'read'], { RUSSO_REMOTE: 's3://from-env/x' }),
    ).toMatchObject({ url: 's3://from-flag/x', mode: 'read', source: '--russo-remote' })
    expect(remote([], { RUSSO_REMOTE_REQUIRED: '0' }, options)).toMatchObject({ required: false })
  })

  test('mode off turns a configured remote off for the run', () => {
    expect(remote([], { RUSSO_REMOTE: 's3://bucket/x', RUSSO_REMOTE_MODE: 'off' })).toBeUndefined()
    expect(remote(['--russo-remote-mode=off'], {}, { remote: 's3://bucket/x' })).toBeUndefined()
  })

  test.each([
    [
      ['--russo-remote-mode=write'],
      {},
      '--russo-remote-mode=write is not a remote mode; allowed values: readwrite, read, off.',
    ],
    [
      [],
      { RUSSO_REMOTE_MODE: 'rw' },
      'RUSSO_REMOTE_MODE=rw is not a remote mode; allowed values: readwrite, read, off.',
    ],
    [['--russo-remote'], {}, '--russo-remote needs a URL: --russo-remote=s3://bucket/prefix.'],
    [[], { RUSSO_REMOTE_REQUIRED: 'maybe' }, 'RUSSO_REMOTE_REQUIRED=maybe is not a switch'],
  ])('refuses %j %j', (argv, env, message) => {
    expect(() => remote(argv, env as Record<string, string>)).toThrow(message)
  })

  test('a URL that is not s3:// is refused without echoing it (it might hold a secret)', () => {
    const error = (() => {
      try {
        remote([], { RUSSO_REMOTE: 'https://user:hunter2@example.test/bucket' })
      } catch (e) {
        return e as Error
      }
    })()
    expect(error?.message).toMatch(/RUSSO_REMOTE must be an s3:\/\/ URL/)
    expect(error?.message).not.toMatch(/hunter2/)
  })

  test('a remote option of the wrong shape is refused, naming the option', () => {
    expect(() => remote([], {}, { remote: { mode: 'read' } as never })).toThrow(
      "russo({ remote }) must be 's3://bucket/prefix' or { url: 's3://…'",
    )
  })
})
