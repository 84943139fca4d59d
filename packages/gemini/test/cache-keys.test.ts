import { cacheKey } from '@russo/cache'
import { describe, expect, it } from 'vitest'
import { GeminiSynthesizer, type GeminiSynthesizerOptions } from '../src/index.js'

const keyOf = (options: GeminiSynthesizerOptions) =>
  cacheKey('Hello', { ...new GeminiSynthesizer(options).cacheKeyExtra })

describe('GeminiSynthesizer cacheKeyExtra', () => {
  it("is exactly Python russo's documented { model, voice } by default", () => {
    expect(new GeminiSynthesizer().cacheKeyExtra).toEqual({ model: 'gemini-2.5-flash-preview-tts', voice: 'Kore' })
    expect(Object.keys(new GeminiSynthesizer({ voice: 'Kore' }).cacheKeyExtra)).toEqual(['model', 'voice'])
  })

  it('leaves out the key, HTTP options, retries and concurrency', () => {
    const synth = new GeminiSynthesizer({
      apiKey: 'AIza-secret',
      httpOptions: { baseUrl: 'http://127.0.0.1:1', headers: { 'x-trace': '1' } },
      maxRetries: 7,
      concurrency: 1,
      retryDelayMs: 5,
    })
    expect(synth.cacheKeyExtra).toEqual({ model: 'gemini-2.5-flash-preview-tts', voice: 'Kore' })
    expect(JSON.stringify(synth)).not.toContain('AIza-secret')
  })

  const base: GeminiSynthesizerOptions = {}
  it.each<[string, GeminiSynthesizerOptions]>([
    ['model', { model: 'gemini-2.5-pro-preview-tts' }],
    ['voice', { voice: 'Puck' }],
    ['languageCode', { languageCode: 'fr-FR' }],
    ['instructions', { instructions: 'Say slowly' }],
    [
      'speakers',
      {
        speakers: [
          { speaker: 'A', voice: 'Kore' },
          { speaker: 'B', voice: 'Puck' },
        ],
      },
    ],
  ])('gives a new key when %s is set or changes', (_, changed) => {
    expect(keyOf(changed)).not.toBe(keyOf(base))
  })

  it('keys a multi-speaker synthesizer by its speakers instead of the unused single voice', () => {
    const speakers = [
      { speaker: 'A', voice: 'Kore' },
      { speaker: 'B', voice: 'Puck' },
    ]
    expect(new GeminiSynthesizer({ speakers, languageCode: 'en-US' }).cacheKeyExtra).toEqual({
      model: 'gemini-2.5-flash-preview-tts',
      speakers,
      languageCode: 'en-US',
    })
    expect(keyOf({ speakers, voice: 'Puck' })).toBe(keyOf({ speakers }))
  })

  it('gives the same key whatever the option order', () => {
    expect(keyOf({ voice: 'Puck', languageCode: 'de-DE', model: 'm' })).toBe(
      keyOf({ model: 'm', languageCode: 'de-DE', voice: 'Puck' }),
    )
  })

  it.each<[string, GeminiSynthesizerOptions, RegExp]>([
    ['an empty voice', { voice: '' }, /option voice must be a non-empty string, got ""/],
    ['a blank apiKey', { apiKey: ' ' }, /option apiKey must be a non-empty string/],
    [
      'speakers without voices',
      { speakers: [{ speaker: 'A' } as never] },
      /option speakers must be a list of \{ speaker, voice \}/,
    ],
    ['a negative maxRetries', { maxRetries: -2 }, /option maxRetries must be an integer >= 0, got -2/],
    ['zero concurrency', { concurrency: 0 }, /option concurrency must be an integer >= 1 or Infinity, got 0/],
  ])('refuses %s', (_, options, message) => {
    expect(() => new GeminiSynthesizer(options)).toThrow(message)
  })
})
