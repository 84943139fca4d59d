// @russo/audio's helpers on real engine output, which no hand-built header can stand in for.
import { audioDuration, parseWav, readAudioInfo, sniffAudioFormat, toWav } from '@russo/audio'
import type { Audio } from '@russo/cache'
import { beforeAll, describe, expect, it } from 'vitest'
import { EspeakSynthesizer } from '../src/index.js'

describe('@russo/audio on eSpeak NG WAV output', () => {
  let audio: Audio
  beforeAll(async () => {
    audio = await new EspeakSynthesizer().synthesize('Audio helpers meet a real engine.')
  })

  it('sniffs and describes it as the WAV header says', () => {
    expect(sniffAudioFormat(audio.data)).toBe('wav')
    expect(readAudioInfo(audio.data)).toEqual({ format: 'wav', sampleRate: 22050, channels: 1, sampleWidth: 2 })
  })

  it('times it from the data chunk: more than a second of speech', () => {
    const seconds = audioDuration(audio)
    expect(seconds).toBe(parseWav(audio.data).frames / 22050)
    expect(seconds).toBeGreaterThan(1)
  })

  it('leaves it alone in toWav, and rebuilds the same samples from its bare PCM', () => {
    expect(toWav(audio)).toBe(audio)
    const { dataOffset, dataBytes } = parseWav(audio.data)
    const pcm = audio.data.slice(dataOffset, dataOffset + dataBytes)
    const rewrapped = toWav({ ...audio, data: pcm, format: 'pcm' })
    const info = parseWav(rewrapped.data)
    expect(info).toMatchObject({ sampleRate: 22050, channels: 1, sampleWidth: 2, dataBytes })
    expect(Buffer.from(rewrapped.data.subarray(info.dataOffset)).equals(Buffer.from(pcm))).toBe(true)
    expect(audioDuration(rewrapped)).toBe(audioDuration(audio))
  })
})
