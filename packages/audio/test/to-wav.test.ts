import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AudioCache } from '@russo/cache'
import { afterEach, describe, expect, it } from 'vitest'
import { findPython, runPython, SEED_CACHE_PY } from '../../cache/test/helpers/python.js'
import { AudioFormatError, parseWav, toWav } from '../src/index.js'
import { concat, frame } from './mp3-builder.js'
import { chunk, fmtChunk, wavFile } from './wav-builder.js'

/** A rising ramp of 16-bit samples, so misplaced bytes show. */
function ramp(bytes: number): Uint8Array {
  return Uint8Array.from({ length: bytes }, (_, i) => (i * 7) & 0xff)
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'russo-audio-'))
  dirs.push(dir)
  return dir
}

describe('toWav', () => {
  it('returns a WAV as it is', () => {
    const audio = {
      data: wavFile([fmtChunk(), chunk('data', 8)]),
      format: 'wav',
      sampleRate: 22050,
      channels: 1,
      sampleWidth: 2,
    }
    expect(toWav(audio)).toBe(audio)
  })

  it('wraps PCM in a 44-byte header whose data chunk is the PCM byte for byte', () => {
    const data = ramp(4800)
    const wav = toWav({ data, format: 'pcm', sampleRate: 24000, channels: 1, sampleWidth: 2 })
    expect(wav).toMatchObject({ format: 'wav', sampleRate: 24000, channels: 1, sampleWidth: 2 })
    expect(wav.data.byteLength).toBe(44 + 4800)
    const info = parseWav(wav.data)
    expect(info).toMatchObject({
      formatTag: 1,
      sampleRate: 24000,
      channels: 1,
      bitsPerSample: 16,
      dataOffset: 44,
      dataBytes: 4800,
      frames: 2400,
    })
    expect(Buffer.from(wav.data.subarray(44)).equals(Buffer.from(data))).toBe(true)
    expect(new DataView(wav.data.buffer).getUint32(28, true)).toBe(48000)
  })

  it('keeps an odd data length exact and adds the RIFF pad byte after it', () => {
    const wav = toWav({ data: ramp(3), format: 'pcm', sampleRate: 8000, channels: 1, sampleWidth: 1 })
    expect(wav.data.byteLength).toBe(48)
    expect(parseWav(wav.data).dataBytes).toBe(3)
    expect(new DataView(wav.data.buffer).getUint32(4, true)).toBe(40)
  })

  it("turns a Python-recorded Gemini entry (raw L16 labelled wav) into a file Python's wave module plays", () => {
    const python = findPython()
    if (!python.found) throw new Error(`this test needs python3: ${python.reason}`)
    const dir = tempDir()
    const pcm = ramp((24000 * 2) / 10)
    const [key] = runPython<string[]>(
      python.command,
      [SEED_CACHE_PY, 'write', dir],
      [
        {
          prompt: 'Hello from Gemini',
          extra: { voice: 'Kore', model: 'gemini-2.5-flash-preview-tts' },
          data_hex: Buffer.from(pcm).toString('hex'),
          format: 'wav',
          sample_rate: 24000,
        },
      ],
    )
    const entry = new AudioCache(dir).get(key!)
    expect(entry).toMatchObject({ format: 'wav', sampleRate: 24000, channels: 1, sampleWidth: 2 })
    const file = join(dir, 'played.wav')
    writeFileSync(file, toWav(entry!).data)
    const read = spawnSync(
      python.command,
      [
        '-c',
        'import json,sys,wave\nw=wave.open(sys.argv[1])\nprint(json.dumps([w.getnchannels(),w.getsampwidth(),w.getframerate(),w.getnframes(),w.readframes(10**6).hex()]))',
        file,
      ],
      { encoding: 'utf8' },
    )
    expect(read.stderr).toBe('')
    expect(JSON.parse(read.stdout)).toEqual([1, 2, 24000, 2400, Buffer.from(pcm).toString('hex')])
  })

  it.each([
    [
      'MP3 labelled mp3',
      { data: concat(frame({ length: 417 }), frame({ length: 417 })), format: 'mp3' },
      /the audio is mp3, not raw PCM/,
    ],
    [
      'MP3 labelled pcm',
      { data: concat(frame({ length: 417 }), frame({ length: 417 })), format: 'pcm' },
      /the audio is mp3, not raw PCM/,
    ],
    ['unknown bytes labelled ogg', { data: ramp(10), format: 'ogg' }, /labelled "ogg" and has no known header/],
  ])('refuses %s with AUDIO_NOT_PCM', (_, partial, message) => {
    const audio = { ...partial, sampleRate: 24000, channels: 1, sampleWidth: 2 }
    expect(() => toWav(audio)).toThrow(message)
    expect(() => toWav(audio)).toThrow(expect.objectContaining({ code: 'AUDIO_NOT_PCM' }))
  })

  it('refuses fields no WAV header can hold, naming the field', () => {
    const audio = { data: ramp(4), format: 'pcm', sampleRate: 24000.5, channels: 1, sampleWidth: 2 }
    expect(() => toWav(audio)).toThrow(/toWav: audio.sampleRate must be a positive integer, got 24000.5/)
    expect(() => toWav({ ...audio, sampleRate: 8000, sampleWidth: 8 })).toThrow(AudioFormatError)
  })
})
