// examples/voice-agent recorded with each cloud adapter (RUSSO_EXAMPLE_TTS) against local servers
// speaking the providers' wire formats: the example's whole suite passes, and the API key appears
// nowhere — not in the cache directory, not in the JSON report, not in any output, failures included.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { toWav } from '../../audio/src/index.js'
import { speechFor } from '../../audio/test/helpers/audio-bytes.js'
import { startGeminiServer } from '../../audio/test/helpers/gemini-server.js'
import { type Handler, sendBytes, sendJson, startTtsServer } from '../../audio/test/helpers/tts-server.js'

const example = fileURLToPath(new URL('../../../examples/voice-agent', import.meta.url))
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
const KEY = 'sk-example-LIVEKEY-7c1e9a2b4d6f8a0c'
const WRONG = 'sk-example-WRONGKEY-0a9b8c7d6e5f4a3b'
const scratch = mkdtempSync(join(tmpdir(), 'russo-example-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const wavOf = (pcm: Uint8Array) =>
  toWav({ data: pcm, format: 'pcm', sampleRate: 24000, channels: 1, sampleWidth: 2 }).data
// Both servers echo a wrong key in their error, as careless providers do.
const openai: Handler = (request, response) => {
  const auth = request.headers.authorization ?? ''
  if (auth !== `Bearer ${KEY}`)
    return sendJson(response, 401, { error: { message: `Incorrect API key provided: ${auth}` } })
  sendBytes(response, wavOf(speechFor((JSON.parse(request.body) as { input: string }).input)), 'audio/wav')
}
const elevenlabs: Handler = (request, response) => {
  const key = String(request.headers['xi-api-key'])
  if (key !== KEY)
    return sendJson(response, 401, { detail: { status: 'invalid_api_key', message: `Invalid key ${key}` } })
  sendBytes(response, speechFor((JSON.parse(request.body) as { text: string }).text), 'application/octet-stream')
}

const cases = [
  { tts: 'openai', keyVariable: 'OPENAI_API_KEY', start: () => startTtsServer(openai) },
  { tts: 'elevenlabs', keyVariable: 'ELEVENLABS_API_KEY', start: () => startTtsServer(elevenlabs) },
  { tts: 'gemini', keyVariable: 'GEMINI_API_KEY', start: () => startGeminiServer(KEY, speechFor) },
]

/** `vitest run` in the example; asynchronous, since the servers answering it live in this process. */
function runExample(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(RUSSO_|CI$|VITEST|.*_API_KEY$)/.test(k)),
  )
  const child = spawn(process.execPath, [vitest, 'run'], { cwd: example, env: { ...clean, NO_COLOR: '1', ...env } })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })))
}

/** Every byte the run left behind, as text: the cache files and the report. */
function leftBehind(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'))
    .join('\n')
}

describe.each(cases)('RUSSO_EXAMPLE_TTS=$tts', { timeout: 60_000 }, ({ tts, keyVariable, start }) => {
  it('records the whole example suite, and the key is nowhere on disk or in the output', async () => {
    const server = await start()
    try {
      const dir = join(scratch, tts)
      const env = {
        RUSSO_EXAMPLE_TTS: tts,
        RUSSO_EXAMPLE_TTS_BASE_URL: server.url,
        RUSSO_CACHE_DIR: join(dir, 'cache'),
        RUSSO_EXAMPLE_REPORT_JSON: join(dir, 'report.json'),
      }
      const recorded = await runExample({ ...env, [keyVariable]: KEY })
      expect(recorded.output).toMatch(/hits 10 {2}misses 5 {2}syntheses 5/)
      expect(recorded.code, recorded.output).toBe(0)
      expect(server.requests).toHaveLength(5)
      const metas = readdirSync(join(dir, 'cache')).filter((f) => f.endsWith('.meta'))
      expect(metas).toHaveLength(5)
      const failed = await runExample({ ...env, RUSSO_CACHE_DIR: join(dir, 'cold'), [keyVariable]: WRONG })
      expect(failed.code).not.toBe(0)
      expect(failed.output).toContain('TtsProviderError')
      const everything = `${leftBehind(dir)}\n${recorded.output}\n${failed.output}`
      expect(everything).toContain('"prompt"')
      expect(everything.split(KEY)).toHaveLength(1)
      expect(everything.split(WRONG)).toHaveLength(1)
    } finally {
      await server.close()
    }
  })
})
