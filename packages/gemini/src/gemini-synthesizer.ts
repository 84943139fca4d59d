import {
  assertSpeakableText,
  assertWholeAudio,
  type RequestLimit,
  raceAbort,
  retryAfterMs,
  sharedRequestLimit,
  TtsProviderError,
  withRetries,
} from '@russo/audio/provider'
import { type Audio, cacheKey, type SynthesizeOptions, type Synthesizer } from '@russo/cache'
import { checkSuccessBody } from './body-check.js'
import { classifyGemini, toGeminiError } from './errors.js'
import {
  type GeminiClient,
  type GeminiHttpOptions,
  type GeminiSynthesizerOptions,
  geminiKeyExtra,
  type ResolvedGemini,
  resolveGeminiOptions,
} from './options.js'
import { generateContentParams } from './request.js'
import { audioOfResponse } from './response.js'

const PROVIDER = 'gemini'
const KEY_VARIABLES = ['GOOGLE_API_KEY', 'GEMINI_API_KEY'] as const
const DEFAULT_ENDPOINT = 'https://generativelanguage.googleapis.com'

interface Connection {
  client: GeminiClient
  apiKey: string | undefined
  limit: RequestLimit | undefined
}

/**
 * Gemini text-to-speech through `@google/genai`, keyed like Python russo's Google synthesizer. The
 * client (and the API key) is made at the first synthesis, so a fully cached run needs neither.
 */
export class GeminiSynthesizer implements Synthesizer {
  /** `{ model, voice }` by default, as Python russo's documentation keys Gemini; more only when set. */
  readonly cacheKeyExtra: Readonly<Record<string, unknown>>
  readonly #settings: ResolvedGemini
  readonly #apiKey: string | undefined
  readonly #httpOptions: GeminiHttpOptions | undefined
  readonly #client: GeminiClient | undefined
  #connection: Promise<Connection> | undefined

  constructor(options: GeminiSynthesizerOptions = {}) {
    this.#settings = resolveGeminiOptions(options)
    this.#apiKey = options.apiKey
    this.#httpOptions = options.httpOptions
    this.#client = options.client
    const extra = geminiKeyExtra(this.#settings)
    cacheKey('', extra)
    this.cacheKeyExtra = Object.freeze(extra)
  }

  get model(): string {
    return this.#settings.model
  }

  async synthesize(text: string, options: SynthesizeOptions = {}): Promise<Audio> {
    assertSpeakableText(text, 'GeminiSynthesizer.synthesize')
    const { signal } = options
    signal?.throwIfAborted()
    const { client, apiKey, limit } = await raceAbort(this.#connect(), signal)
    const where = { provider: PROVIDER, model: this.#settings.model, secrets: [apiKey] }
    const { maxRetries, retryDelayMs, timeoutMs, maxRateLimitWaitMs } = this.#settings.request
    let lastRetryAfter: number | undefined
    // Each response passes here: Retry-After is recorded (ApiError keeps the status and body, not the
    // headers), and a 200 that is not a JSON answer fails with the provider's words, not a SyntaxError.
    const base = this.#httpOptions?.fetch ?? fetch
    const fetchChecked: typeof fetch = async (input, init) => {
      const response = await base(input, init)
      if (!response.ok) {
        lastRetryAfter = retryAfterMs(response.headers)
        return response
      }
      const body = await response.text()
      checkSuccessBody(body, response.headers.get('content-type'), where)
      const { status, statusText, headers } = response
      return new Response(body, { status, statusText, headers })
    }
    const once = async (attemptSignal: AbortSignal) => {
      lastRetryAfter = undefined
      const config = { httpOptions: { ...this.#httpOptions, fetch: fetchChecked }, abortSignal: attemptSignal }
      const response = await client.models.generateContent(generateContentParams(text, this.#settings, config))
      return assertWholeAudio(audioOfResponse(response, where), where)
    }
    return withRetries(once, (error) => classifyGemini(error, () => lastRetryAfter), {
      maxRetries,
      signal,
      baseDelayMs: retryDelayMs,
      timeoutMs,
      maxRateLimitWaitMs,
      limit,
      where: { provider: PROVIDER, model: this.#settings.model },
      onRequestMs: options.onRequestMs,
      toError: (error, n, context) => toGeminiError(error, n, where, context),
    })
  }

  /** The client and the shared limit, made at the first synthesis: a fully cached run needs no key. */
  #connect(): Promise<Connection> {
    if (this.#connection === undefined) {
      const connection = this.#makeConnection()
      connection.catch(() => {
        this.#connection = undefined
      })
      this.#connection = connection
    }
    return this.#connection
  }

  async #makeConnection(): Promise<Connection> {
    const { concurrency, requestsPerMinute } = this.#settings.request
    const limitFor = (endpoint: string, credential: string | undefined) =>
      sharedRequestLimit({ endpoint, credential, concurrency, requestsPerMinute })
    if (this.#client !== undefined) {
      // A client of the caller's own (Vertex AI, custom auth): its endpoint and credential are unknown here.
      const endpoint = this.#httpOptions?.baseUrl ?? `${PROVIDER}:own-client`
      return { client: this.#client, apiKey: this.#apiKey, limit: limitFor(endpoint, this.#apiKey) }
    }
    const apiKey = this.#apiKey ?? KEY_VARIABLES.map((name) => process.env[name]?.trim()).find(Boolean)
    if (apiKey === undefined) {
      throw new TtsProviderError('TTS_MISSING_CREDENTIAL', {
        provider: PROVIDER,
        model: this.#settings.model,
        providerMessage:
          'no API key: set the GEMINI_API_KEY (or GOOGLE_API_KEY) environment variable, or pass apiKey. ' +
          'A run with --russo-offline (RUSSO_CACHE_MODE=offline) and a recorded cache needs no key',
      })
    }
    // Gemini's TTS models live on v1beta; @google/genai 3 defaults to v1.
    const httpOptions = { apiVersion: 'v1beta', ...this.#httpOptions }
    const { GoogleGenAI } = await import('@google/genai')
    const client: GeminiClient = new GoogleGenAI({ apiKey, httpOptions })
    return { client, apiKey, limit: limitFor(this.#httpOptions?.baseUrl ?? DEFAULT_ENDPOINT, apiKey) }
  }
}
