// Checks that the synthesized audio means something before any agent logic relies on it.
import { parseWav, toWav } from '@russo/audio'
import { describe, expect, test } from '@russo/vitest'
import { expectTheRecording, loudness, seconds } from './audio.js'
import { BOOK_FLIGHT, GREETING, ITINERARY, YES } from './prompts.js'

describe('synthesized caller audio', () => {
  test('is mono 16-bit audio (WAV, or PCM that makes one) whose fields match its header', async ({ synth }) => {
    const audio = await synth.synthesize(GREETING)
    const wav = parseWav(toWav(audio).data)
    expect(wav).toMatchObject({ formatTag: 1, channels: 1, bitsPerSample: 16 })
    expect({ sampleRate: audio.sampleRate, channels: audio.channels, sampleWidth: audio.sampleWidth }).toEqual({
      sampleRate: wav.sampleRate,
      channels: wav.channels,
      sampleWidth: wav.sampleWidth,
    })
    expect(wav.dataBytes).toBe(audio.format === 'pcm' ? audio.data.byteLength : audio.data.byteLength - wav.dataOffset)
  })

  test('lasts longer the more the caller says', async ({ synth }) => {
    const shortestFirst = [YES, GREETING, BOOK_FLIGHT, ITINERARY]
    const durations = (await Promise.all(shortestFirst.map((p) => synth.synthesize(p)))).map(seconds)
    expect(durations).toEqual([...durations].sort((a, b) => a - b))
    const [yes = 0, , , itinerary = 0] = durations
    expect(yes).toBeGreaterThan(0.2)
    expect(itinerary).toBeGreaterThan(yes * 8)
  })

  test('is speech, not silence', async ({ synth }) => {
    expect(loudness(await synth.synthesize(YES))).toBeGreaterThan(1000)
    expect(loudness(await synth.synthesize(ITINERARY))).toBeGreaterThan(1000)
  })

  test('is the one recording of the prompt that every test file hears', async ({ synth }) => {
    await expectTheRecording(synth, GREETING, await synth.synthesize(GREETING))
    await expectTheRecording(synth, BOOK_FLIGHT, await synth.synthesize(BOOK_FLIGHT))
  })
})
