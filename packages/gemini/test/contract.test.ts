import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testHttpFaults, testSynthesizer } from '@russo/audio/contract'
import { CachedSynthesizer } from '@russo/cache'
import { afterAll, beforeAll } from 'vitest'
import { GEMINI_TEST_KEY, startGeminiServer } from '../../audio/test/helpers/gemini-server.js'
import type { TtsServer } from '../../audio/test/helpers/tts-server.js'
import { GeminiSynthesizer } from '../src/index.js'

let server: TtsServer
const cacheDir = mkdtempSync(join(tmpdir(), 'russo-gemini-contract-'))
beforeAll(async () => {
  server = await startGeminiServer()
})
afterAll(async () => {
  await server.close()
  rmSync(cacheDir, { recursive: true, force: true })
})

const create = () => new GeminiSynthesizer({ apiKey: GEMINI_TEST_KEY, httpOptions: { baseUrl: server.url } })

testSynthesizer('GeminiSynthesizer', { create, format: 'pcm', deterministic: true })
testSynthesizer('CachedSynthesizer(GeminiSynthesizer)', {
  create: () => new CachedSynthesizer(create(), { cacheDir }),
  format: 'pcm',
  deterministic: true,
})

testHttpFaults('GeminiSynthesizer', {
  create: (baseUrl, settings) =>
    new GeminiSynthesizer({ apiKey: GEMINI_TEST_KEY, httpOptions: { baseUrl }, ...settings }),
  // Gemini sends audio as base64 inlineData inside its JSON answer.
  wrap: (audio, mimeType) => ({
    contentType: 'application/json',
    body: JSON.stringify({
      candidates: [{ content: { parts: [{ inlineData: { mimeType, data: Buffer.from(audio).toString('base64') } }] } }],
    }),
  }),
})
