import { describe, expect, test } from 'vitest'
import { russoOptions } from '../../src/internal/settings.js'

describe('testEnvironmentOptions', () => {
  test('russo and russoSynthesizer are read; other keys of other tools are left alone', () => {
    const options = { russo: { cacheDir: 'audio' }, russoSynthesizer: './s.ts', url: 'http://localhost/' }
    expect(russoOptions({ rootDir: '/p', testEnvironmentOptions: options })).toEqual({ cacheDir: 'audio' })
  })

  test('a misspelt russo key stops with the nearest one', () => {
    expect(() => russoOptions({ rootDir: '/p', testEnvironmentOptions: { russoSynthesiser: './german.ts' } })).toThrow(
      'russo: testEnvironmentOptions.russoSynthesiser is not a russo option. Did you mean russoSynthesizer? russo reads',
    )
    expect(() => russoOptions({ rootDir: '/p', testEnvironmentOptions: { Russo: {} } })).toThrow(
      'testEnvironmentOptions.Russo is not a russo option. Did you mean russo?',
    )
  })
})
