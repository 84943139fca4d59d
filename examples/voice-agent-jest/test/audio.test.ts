// The same checks as the Vitest example's audio.test.ts: the synthesized audio means something.
import { synth } from '@russo/jest'
import { BOOK_FLIGHT, GREETING, ITINERARY, YES } from '../../voice-agent/test/prompts.js'
import { loudness, recordingOf, seconds, sha256 } from './wav.js'

describe('synthesized caller audio', () => {
  test('is mono 16-bit WAV', async () => {
    const audio = await synth.synthesize(GREETING)
    expect(audio).toMatchObject({ format: 'wav', channels: 1, sampleWidth: 2 })
    expect(new TextDecoder().decode(audio.data.subarray(0, 4))).toBe('RIFF')
  })

  test('lasts longer the more the caller says', async () => {
    const shortestFirst = [YES, GREETING, BOOK_FLIGHT, ITINERARY]
    const durations = (await Promise.all(shortestFirst.map((p) => synth.synthesize(p)))).map(seconds)
    expect(durations).toEqual([...durations].sort((a, b) => a - b))
    expect(durations[0]).toBeGreaterThan(0.2)
    expect(durations[3]).toBeGreaterThan((durations[0] ?? 0) * 8)
  })

  test('is speech, not silence', async () => {
    expect(loudness(await synth.synthesize(YES))).toBeGreaterThan(1000)
  })

  test('is the one recording of the prompt that every test file hears', async () => {
    expect(sha256((await synth.synthesize(GREETING)).data)).toBe(recordingOf(GREETING))
  })
})
