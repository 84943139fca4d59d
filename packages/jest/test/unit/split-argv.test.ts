import { describe, expect, test } from 'vitest'
import { splitArgv } from '../../src/internal/split-argv.js'

describe('russo-jest argument splitting', () => {
  test('russo flags go to russo, everything else to Jest, in order', () => {
    expect(splitArgv(['--maxWorkers=3', '--russo-offline', 'tests/a', '--russo-cache-dir=audio', '-t', 'x'])).toEqual({
      russo: ['--russo-offline', '--russo-cache-dir=audio'],
      jest: ['--maxWorkers=3', 'tests/a', '-t', 'x'],
    })
  })

  test('--russo-cache-dir DIR and --russo-cache-mode MODE take the next argument', () => {
    expect(splitArgv(['--russo-cache-dir', 'audio', '--russo-cache-mode', 'refresh', 'tests/a'])).toEqual({
      russo: ['--russo-cache-dir', 'audio', '--russo-cache-mode', 'refresh'],
      jest: ['tests/a'],
    })
  })

  test('--russo-remote URL and --russo-remote-mode MODE take the next argument too', () => {
    expect(splitArgv(['--russo-remote', 's3://bucket/voice', '--russo-remote-mode', 'read', 'tests/a'])).toEqual({
      russo: ['--russo-remote', 's3://bucket/voice', '--russo-remote-mode', 'read'],
      jest: ['tests/a'],
    })
  })

  test('a value flag followed by another option takes nothing (readArgv then says it needs a value)', () => {
    expect(splitArgv(['--russo-cache-dir', '--watch'])).toEqual({ russo: ['--russo-cache-dir'], jest: ['--watch'] })
    expect(splitArgv(['--russo-cache-mode'])).toEqual({ russo: ['--russo-cache-mode'], jest: [] })
  })
})
