import { createElevenLabs } from '@ai-sdk/elevenlabs-v2'
import { createOpenAI } from '@ai-sdk/openai-v3'
import { cacheKey } from '@russo/cache'
import { describe, expect, it } from 'vitest'
import { SpeechModelSynthesizer, type SpeechModelSynthesizerOptions } from '../src/index.js'

const tts = createOpenAI({ apiKey: 'never-used' }).speech('gpt-4o-mini-tts')
const keyOf = (options: SpeechModelSynthesizerOptions, model = tts) =>
  cacheKey('Hello', { ...new SpeechModelSynthesizer(model, options).cacheKeyExtra })

describe('cacheKeyExtra', () => {
  it('holds provider, model id and the audio settings that are set, nothing else', () => {
    const synth = new SpeechModelSynthesizer(tts, {
      voice: 'alloy',
      outputFormat: 'wav',
      headers: { 'x-team': 'voice' },
      maxRetries: 5,
      concurrency: 2,
      retryDelayMs: 10,
    })
    expect(synth.cacheKeyExtra).toEqual({
      provider: 'openai.speech',
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      outputFormat: 'wav',
    })
    expect(new SpeechModelSynthesizer(tts).cacheKeyExtra).toEqual({
      provider: 'openai.speech',
      model: 'gpt-4o-mini-tts',
    })
  })

  const base: SpeechModelSynthesizerOptions = { voice: 'alloy' }
  it.each<[string, SpeechModelSynthesizerOptions]>([
    ['voice', { voice: 'nova' }],
    ['outputFormat', { ...base, outputFormat: 'wav' }],
    ['speed', { ...base, speed: 1.5 }],
    ['instructions', { ...base, instructions: 'Whisper.' }],
    ['language', { ...base, language: 'fr' }],
    ['providerOptions', { ...base, providerOptions: { openai: { speed: 2 } } }],
  ])('gives a new key when %s changes', (_, changed) => {
    expect(keyOf(changed)).not.toBe(keyOf(base))
  })

  it('gives a new key for another model or another provider', () => {
    const other = createOpenAI({ apiKey: 'x' }).speech('tts-1')
    const eleven = createElevenLabs({ apiKey: 'x' }).speech('gpt-4o-mini-tts')
    expect(new Set([keyOf(base), keyOf(base, other), keyOf(base, eleven as unknown as typeof tts)]).size).toBe(3)
  })

  it('gives the same key whatever the option order, and whatever headers, retries and concurrency are', () => {
    const a = keyOf({
      providerOptions: { elevenlabs: { seed: 1, voiceSettings: { stability: 0.5, style: 0 } } },
      voice: 'v',
      speed: 1.1,
    })
    const b = keyOf({
      speed: 1.1,
      voice: 'v',
      providerOptions: { elevenlabs: { voiceSettings: { style: 0, stability: 0.5 }, seed: 1 } },
      headers: { 'x-trace': '1' },
      maxRetries: 0,
      concurrency: 1,
    })
    expect(a).toBe(b)
  })
})

describe('construction', () => {
  it('needs no credential: the key is read at the first synthesis', () => {
    const saved = process.env.OPENAI_API_KEY
    delete process.env.OPENAI_API_KEY
    try {
      expect(() => new SpeechModelSynthesizer(createOpenAI().speech('tts-1'))).not.toThrow()
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved
    }
  })

  it('refuses a credential-looking field in providerOptions (it would be written to every .meta file)', () => {
    expect(() => new SpeechModelSynthesizer(tts, { providerOptions: { openai: { apiKey: 'sk-live' } } })).toThrow(
      /cacheKeyExtra field "providerOptions.openai.apiKey" looks like a credential/,
    )
  })

  it.each<[string, unknown, unknown, RegExp]>([
    ['a model id string', 'gpt-4o-mini-tts', {}, /got the string "gpt-4o-mini-tts". Pass e.g. openai.speech/],
    ['an object without doGenerate', { provider: 'x' }, {}, /must be an AI SDK speech model/],
    [
      'an unknown spec version',
      { ...tts, specificationVersion: 'v1', doGenerate: tts.doGenerate },
      {},
      /specification v1 is not supported; supported: v2, v3, v4/,
    ],
    ['an empty voice', tts, { voice: '' }, /option voice must be a non-empty string, got ""/],
    ['a zero speed', tts, { speed: 0 }, /option speed must be a positive number, got 0/],
    ['a negative maxRetries', tts, { maxRetries: -1 }, /option maxRetries must be an integer >= 0, got -1/],
    [
      'a fractional concurrency',
      tts,
      { concurrency: 1.5 },
      /option concurrency must be an integer >= 1 or Infinity, got 1.5/,
    ],
    [
      'providerOptions with a Map',
      tts,
      { providerOptions: new Map() },
      /option providerOptions must be a plain object/,
    ],
  ])('refuses %s', (_, model, options, message) => {
    expect(() => new SpeechModelSynthesizer(model as typeof tts, options as SpeechModelSynthesizerOptions)).toThrow(
      message,
    )
  })
})
