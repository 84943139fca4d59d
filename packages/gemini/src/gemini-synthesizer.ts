import {
  assertSpeakableText,
  ConcurrencyLimit,
  raceAbort,
  retryAfterMs,
  TtsProviderError,
  withRetries,
} from '@russo/audio/provider'
import { type Audio, cacheKey, type SynthesizeOptions, type Synthesizer } from '@russo/cache'
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

/**
 * Gemini text-to-speech through `@google/genai`, keyed like Python russo's Google synthesizer. The
 * client (and the API key) is made at the first synthesis, so a fully cached run needs neither.
 */
export class GeminiSynthesizer implements Synthesizer {
  /** `{ model, voice }` by default, as Python russo's documentation keys Gemini; more only when set. */
  readonly cacheKeyExtra: Readonly<Record<string, unknown>>
  readonly #settings: ResolvedGemini
  readonly #limit: ConcurrencyLimit
  readonly #apiKey: string | undefined
  readonly #httpOptions: GeminiHttpOptions | undefined
  #client: Promise<GeminiClient> | undefined

  constructor(options: GeminiSynthesizerOptions = {}) {
    this.#settings = resolveGeminiOptions(options)
    this.#limit = new ConcurrencyLimit(this.#settings.concurrency)
    this.#apiKey = options.apiKey
    this.#httpOptions = options.httpOptions
    if (options.client !== undefined) this.#client = Promise.resolve(options.client)
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
    const client = await raceAbort(this.#connect(), signal)
    const where = {
      provider: PROVIDER,
      model: this.#settings.model,
      secrets: [this.#apiKey],
    }
    const { maxRetries, retryDelayMs } = this.#settings
    const attempts = () => {
      let lastRetryAfter: number | undefined
      // Per request, the fetch records Retry-After: ApiError keeps the status and body, not the headers.
      const base = this.#httpOptions?.fetch ?? fetch
      const fetchRecording: typeof fetch = async (input, init) => {
        const response = await base(input, init)
        if (!response.ok) lastRetryAfter = retryAfterMs(response.headers)
        return response
      }
      const config = {
        httpOptions: { ...this.#httpOptions, fetch: fetchRecording },
        ...(signal && { abortSignal: signal }),
      }
      const once = async () => {
        const response = await client.models.generateContent(generateContentParams(text, this.#settings, config))
        return audioOfResponse(response, where)
      }
      return withRetries(once, (error) => classifyGemini(error, () => lastRetryAfter), {
        maxRetries,
        signal,
        baseDelayMs: retryDelayMs,
        toError: (error, n) => toGeminiError(error, n, where),
      })
    }
    return raceAbort(this.#limit.run(attempts, signal), signal)
  }

  #connect(): Promise<GeminiClient> {
    if (this.#client === undefined) {
      const apiKey = this.#apiKey ?? KEY_VARIABLES.map((name) => process.env[name]?.trim()).find(Boolean)
      if (apiKey === undefined) {
        return Promise.reject(
          new TtsProviderError('TTS_MISSING_CREDENTIAL', {
            provider: PROVIDER,
            model: this.#settings.model,
            providerMessage:
              'no API key: set the GEMINI_API_KEY (or GOOGLE_API_KEY) environment variable, or pass apiKey. ' +
              'A run with --russo-offline (RUSSO_CACHE_MODE=offline) and a recorded cache needs no key',
          }),
        )
      }
      // Gemini's TTS models live on v1beta; @google/genai 3 defaults to v1.
      const httpOptions = { apiVersion: 'v1beta', ...this.#httpOptions }
      const client = import('@google/genai').then(
        ({ GoogleGenAI }): GeminiClient => new GoogleGenAI({ apiKey, httpOptions }),
      )
      client.catch(() => {
        this.#client = undefined
      })
      this.#client = client
    }
    return this.#client
  }
}
