import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CachedSynthesizer, type Synthesizer } from '@russo/cache'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FaultServer, startFaultServer, truncatedWavBytes } from './fault-server.js'

export interface HttpFaultOptions {
  /**
   * The adapter pointed at `baseUrl` (the suite's server), with a per-attempt timeout of `timeoutMs`
   * and `maxRetries` retries, however the adapter names those settings.
   */
  create: (baseUrl: string, settings: { timeoutMs: number; maxRetries: number }) => Synthesizer
  /** A 200 answer carrying `audio` in the provider's wire format (the bytes themselves, or JSON around them). */
  wrap: (audio: Uint8Array, mimeType: string) => { body: Uint8Array | string; contentType: string }
}

const HTML_PAGE =
  '<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>503 Service Temporarily Unavailable</h1></body></html>\n'

/** What an HTTP adapter must do when its endpoint misbehaves: time out, fail, never hand back (or cache) non-audio. */
export function testHttpFaults(name: string, { create, wrap }: HttpFaultOptions): void {
  describe(`${name} against a misbehaving endpoint`, () => {
    let server: FaultServer
    let dir: string
    beforeAll(async () => {
      server = await startFaultServer()
      dir = mkdtempSync(join(tmpdir(), 'russo-contract-'))
    })
    afterAll(async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    })
    const synth = () => create(server.url, { timeoutMs: 300, maxRetries: 0 })
    /** Through CachedSynthesizer: the call must fail and leave no entry. */
    const failsUncached = async (prompt: string) => {
      const cacheDir = join(dir, prompt.replace(/\W+/g, '-'))
      const error = await new CachedSynthesizer(synth(), { cacheDir }).synthesize(prompt).then(
        () => undefined,
        (e: unknown) => e as Error & { code?: unknown },
      )
      expect(error, 'the synthesis must fail').toBeDefined()
      expect(readdirSync(cacheDir, { withFileTypes: true }).filter((f) => /\.(audio|meta)$/.test(f.name))).toEqual([])
      return error as Error & { code?: unknown }
    }

    it('gives up on an endpoint that never answers with code TTS_TIMEOUT, closing the request', async () => {
      server.fault = { kind: 'hang' }
      const abandoned = server.nextAbandoned()
      const error = await failsUncached('Nobody answers this.')
      expect(error.code).toBe('TTS_TIMEOUT')
      await abandoned
    })

    it('fails on a 200 HTML page instead of returning it as audio, and caches nothing', async () => {
      server.fault = { kind: 'answer', status: 200, body: HTML_PAGE, contentType: 'text/html' }
      const error = await failsUncached('A proxy answers this.')
      expect(error.message).not.toContain('<html>')
    })

    it('fails on a WAV whose header declares more data than arrived, and caches nothing', async () => {
      server.fault = { kind: 'answer', status: 200, ...wrap(truncatedWavBytes(), 'audio/wav') }
      await failsUncached('This answer is cut short.')
    })

    it('fails with code TTS_NETWORK_ERROR when the connection resets mid-body', async () => {
      const { body, contentType } = wrap(truncatedWavBytes(), 'audio/wav')
      server.fault = { kind: 'reset', body: typeof body === 'string' ? Buffer.from(body) : body, contentType }
      const error = await failsUncached('The line drops during this.')
      expect(error.code).toBe('TTS_NETWORK_ERROR')
    })
  })
}
