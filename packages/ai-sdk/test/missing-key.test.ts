import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOpenAI } from '@ai-sdk/openai-v3'
import { CachedSynthesizer } from '@russo/cache'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rejectionOf } from '../../audio/test/helpers/rejection.js'
import { SpeechModelSynthesizer } from '../src/index.js'

describe('without an API key', () => {
  const saved = process.env.OPENAI_API_KEY
  const dir = mkdtempSync(join(tmpdir(), 'russo-ai-sdk-key-'))
  beforeAll(() => {
    delete process.env.OPENAI_API_KEY
  })
  afterAll(() => {
    if (saved !== undefined) process.env.OPENAI_API_KEY = saved
    rmSync(dir, { recursive: true, force: true })
  })
  const synth = () => new SpeechModelSynthesizer(createOpenAI({ baseURL: 'http://127.0.0.1:9/v1' }).speech('tts-1'))

  it('fails a synthesis with TTS_MISSING_CREDENTIAL naming the variable and --russo-offline', async () => {
    const error = await rejectionOf(synth().synthesize('Hello'))
    expect(error).toMatchObject({ name: 'TtsProviderError', code: 'TTS_MISSING_CREDENTIAL', attempts: 1 })
    expect(error.message).toContain('OPENAI_API_KEY environment variable')
    expect(error.message).toContain('--russo-offline')
  })

  it('answers from a recorded cache in offline mode', async () => {
    const extra = synth().cacheKeyExtra
    const recorder = new CachedSynthesizer(
      {
        cacheKeyExtra: { ...extra },
        synthesize: async () => ({
          data: new Uint8Array(8),
          format: 'pcm',
          sampleRate: 24000,
          channels: 1,
          sampleWidth: 2,
        }),
      },
      { cacheDir: dir },
    )
    await recorder.synthesize('Recorded before')
    const offline = new CachedSynthesizer(synth(), { cacheDir: dir, mode: 'offline' })
    expect((await offline.synthesize('Recorded before')).data.byteLength).toBe(8)
  })
})
