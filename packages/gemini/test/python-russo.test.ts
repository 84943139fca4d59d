// A cache recorded by Python russo's Google synthesizer, keyed as its documentation says, hits
// through GeminiSynthesizer's keys, and entries russo-ts records read back in Python.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toWav } from '@russo/audio'
import { CachedSynthesizer } from '@russo/cache'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pcmFor } from '../../audio/test/helpers/audio-bytes.js'
import { GEMINI_TEST_KEY, startGeminiServer } from '../../audio/test/helpers/gemini-server.js'
import type { TtsServer } from '../../audio/test/helpers/tts-server.js'
import { findPython, runPython, SEED_CACHE_PY } from '../../cache/test/helpers/python.js'
import { GeminiSynthesizer } from '../src/index.js'

const prompts = ['Book a flight to Rome', 'Cancel my order, please', 'Café au lait — 2 €']

describe('GeminiSynthesizer and Python russo share a cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'russo-gemini-python-'))
  const python = findPython()
  let server: TtsServer
  beforeAll(async () => {
    server = await startGeminiServer()
  })
  afterAll(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const pythonCommand = () => {
    if (!python.found) throw new Error(`these tests need python3: ${python.reason}`)
    return python.command
  }

  it('hits entries Python russo recorded with cache_key_extra={"voice": "Kore", "model": "gemini-2.5-flash-preview-tts"}', async () => {
    // What Python russo's Google synthesizer stores: Gemini's raw L16, labelled wav, 24 kHz.
    const entries = prompts.map((prompt) => ({
      prompt,
      extra: { voice: 'Kore', model: 'gemini-2.5-flash-preview-tts' },
      data_hex: Buffer.from(pcmFor(prompt)).toString('hex'),
      format: 'wav',
      sample_rate: 24000,
    }))
    runPython<string[]>(pythonCommand(), [SEED_CACHE_PY, 'write', dir], entries)
    // Offline and without a key: every prompt must come from the Python-written cache.
    const cached = new CachedSynthesizer(new GeminiSynthesizer(), { cacheDir: dir, mode: 'offline' })
    for (const prompt of prompts) {
      const audio = await cached.synthesize(prompt)
      expect(audio).toMatchObject({ format: 'wav', sampleRate: 24000, channels: 1, sampleWidth: 2 })
      expect(Buffer.from(audio.data).equals(Buffer.from(pcmFor(prompt)))).toBe(true)
      // Python russo's label is not a WAV file; toWav makes it one, the samples unchanged.
      expect(Buffer.from(toWav(audio).data.subarray(44)).equals(Buffer.from(pcmFor(prompt)))).toBe(true)
    }
    expect(cached.stats).toMatchObject({ hits: 3, misses: 0 })
  })

  it('records entries Python russo reads back under its own keys', async () => {
    const recordDir = join(dir, 'recorded')
    const synth = new GeminiSynthesizer({ apiKey: GEMINI_TEST_KEY, httpOptions: { baseUrl: server.url } })
    const cached = new CachedSynthesizer(synth, { cacheDir: recordDir })
    for (const prompt of prompts) await cached.synthesize(prompt)
    const keys = runPython<string[]>(
      pythonCommand(),
      [
        '-c',
        'import json,sys; sys.path.insert(0, sys.argv[1]); from seed_russo import AudioCache; from pathlib import Path; c = AudioCache(Path(sys.argv[2])); print(json.dumps([c.cache_key(p, voice="Kore", model="gemini-2.5-flash-preview-tts") for p in json.load(sys.stdin)]))',
        join(SEED_CACHE_PY, '..'),
        recordDir,
      ],
      prompts,
    )
    const read = runPython<{
      entries: Array<{ data_hex: string; format: string; sample_rate: number; prompt: string }>
    }>(pythonCommand(), [SEED_CACHE_PY, 'read', recordDir], keys)
    expect(read.entries.map((e) => [e.prompt, e.format, e.sample_rate, e.data_hex])).toEqual(
      prompts.map((p) => [p, 'pcm', 24000, Buffer.from(pcmFor(p)).toString('hex')]),
    )
  })
})
