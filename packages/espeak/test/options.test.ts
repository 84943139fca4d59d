import { describe, expect, it } from 'vitest'
import { EspeakSynthesizer, isEspeakError, listVoices } from '../src/index.js'
import { seconds } from './pcm.js'

const espeakVersion = (await import('espeak-ng/package.json', { with: { type: 'json' } })).default.version

describe('EspeakSynthesizer options', () => {
  it('declares engine, engine version, voice, speed and pitch in cacheKeyExtra, defaults included', () => {
    expect(new EspeakSynthesizer().cacheKeyExtra).toEqual({
      engine: 'espeak-ng',
      engineVersion: espeakVersion,
      voice: 'en-us',
      speed: 175,
      pitch: 50,
    })
  })

  it.each([{ voice: 'en-gb' }, { speed: 250 }, { pitch: 20 }])('changes cacheKeyExtra with %j', (option) => {
    const extra = new EspeakSynthesizer(option).cacheKeyExtra
    expect(extra).toEqual({ ...new EspeakSynthesizer().cacheKeyExtra, ...option })
  })

  it('changes the audio with each option: voice, pitch, and speed (faster is shorter)', async () => {
    const text = 'Your flight leaves at nine.'
    const base = await new EspeakSynthesizer().synthesize(text)
    const differs = async (options: object) =>
      !Buffer.from((await new EspeakSynthesizer(options).synthesize(text)).data).equals(Buffer.from(base.data))
    expect(await differs({ voice: 'en-gb' })).toBe(true)
    expect(await differs({ pitch: 80 })).toBe(true)
    const fast = await new EspeakSynthesizer({ speed: 350 }).synthesize(text)
    expect(seconds(fast)).toBeLessThan(seconds(base) * 0.7)
  })

  it.each([
    [{ voice: '' }, TypeError, /voice must be an eSpeak NG voice .* got ""/],
    [{ voice: 'en us' }, TypeError, /voice must be .* got "en us"/],
    [{ voice: '-x' }, TypeError, /voice must be/],
    [{ voice: 7 }, TypeError, /voice must be .* got number 7/],
    [{ speed: 79 }, RangeError, /speed must be an integer from 80 to 450 \(words per minute\), got number 79/],
    [{ speed: 451 }, RangeError, /speed must be an integer from 80 to 450/],
    [{ speed: 175.5 }, RangeError, /speed must be an integer/],
    [{ speed: '175' }, TypeError, /speed must be .* got "175"/],
    [{ pitch: -1 }, RangeError, /pitch must be an integer from 0 to 99, got number -1/],
    [{ pitch: 100 }, RangeError, /pitch must be an integer from 0 to 99/],
    [{ pitch: Number.NaN }, RangeError, /pitch must be .* got number NaN/],
  ])('refuses %j up front', (options, type, message) => {
    const create = () => new EspeakSynthesizer(options as never)
    expect(create).toThrow(type)
    expect(create).toThrow(message)
  })

  it.each([
    ['en_US', /Close matches: .*en-us/],
    ['French', /Close matches: fr-be, fr-ch, fr-fr\./],
    ['zz', /\(EspeakSynthesizer option voice\)\. List/],
  ])('names the unknown voice %j, its close matches, and how to list voices', async (voice, matches) => {
    const error = await new EspeakSynthesizer({ voice }).synthesize('Hello').catch((e: unknown) => e)
    expect(isEspeakError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'ESPEAK_UNKNOWN_VOICE', stderr: expect.stringMatching(/voice does not exist/) })
    expect((error as Error).message).toContain(`no voice "${voice}"`)
    expect((error as Error).message).toMatch(matches)
    expect((error as Error).message).toMatch(/List every voice with listVoices\(\) from '@russo\/espeak'\.$/)
  })

  it('lists the built-in voices and, with "variant", the variants', async () => {
    const voices = await listVoices()
    expect(voices.length).toBeGreaterThan(100)
    expect(voices).toContainEqual({
      language: 'en-us',
      name: 'English (America)',
      gender: 'M',
      file: 'gmw/en-US',
      otherLanguages: ['en'],
    })
    expect((await listVoices('variant')).map((v) => v.file)).toContain('!v/f3')
    await expect(listVoices('en; rm')).rejects.toThrow(TypeError)
  })
})
