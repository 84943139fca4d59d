import {
  assertNoCredentialFields,
  type ProviderRequestOptions,
  type ResolvedRequestOptions,
  resolveRequestOptions,
} from '@russo/audio/provider'

/** One voice of a multi-speaker prompt: lines starting `speaker:` in the text are spoken with `voice`. */
export interface GeminiSpeaker {
  speaker: string
  voice: string
}

/** HTTP settings of `@google/genai` (`baseUrl`, `apiVersion`, `headers`, `timeout`, `fetch`). */
export interface GeminiHttpOptions {
  baseUrl?: string
  apiVersion?: string
  headers?: Record<string, string>
  /** The SDK's own request timeout; `timeoutMs` of the synthesizer bounds each attempt in any case. */
  timeout?: number
  /** Your own fetch (a proxy agent, logging); retries and Retry-After still apply around it. */
  fetch?: typeof fetch
  [setting: string]: unknown
}

/** The part of `@google/genai`'s client this adapter calls; pass your own (Vertex AI, a proxy) as `client`. */
export interface GeminiClient {
  models: { generateContent(params: GenerateContentParams): Promise<unknown> }
}

export interface GenerateContentParams {
  model: string
  contents: unknown
  config?: unknown
}

export interface GeminiSynthesizerOptions extends ProviderRequestOptions {
  /** Default: the `GOOGLE_API_KEY` or `GEMINI_API_KEY` environment variable, read at the first synthesis. */
  apiKey?: string
  /** Default `gemini-2.5-flash-preview-tts`. */
  model?: string
  /** A prebuilt voice. Default `Kore`. Ignored with `speakers`. */
  voice?: string
  /** BCP-47 code, e.g. `en-US`. Default: Gemini detects it. */
  languageCode?: string
  /** Two speakers and their voices, for a dialogue prompt. */
  speakers?: GeminiSpeaker[]
  /** How to speak, put in front of the text (`Say cheerfully`). */
  instructions?: string
  httpOptions?: GeminiHttpOptions
  /** A ready `GoogleGenAI` client (Vertex AI, custom auth). Then `apiKey` and `httpOptions` are its business. */
  client?: GeminiClient
}

export const DEFAULT_MODEL = 'gemini-2.5-flash-preview-tts'
export const DEFAULT_VOICE = 'Kore'
const WHERE = 'GeminiSynthesizer'

export interface ResolvedGemini {
  model: string
  voice: string
  languageCode: string | undefined
  speakers: GeminiSpeaker[] | undefined
  instructions: string | undefined
  request: ResolvedRequestOptions
}

export function resolveGeminiOptions(options: GeminiSynthesizerOptions): ResolvedGemini {
  const { model = DEFAULT_MODEL, voice = DEFAULT_VOICE, languageCode, speakers, instructions } = options
  for (const [name, value] of Object.entries({ apiKey: options.apiKey, model, voice, languageCode, instructions })) {
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      throw new TypeError(`${WHERE}: option ${name} must be a non-empty string, got ${JSON.stringify(value)}.`)
    }
  }
  if (speakers !== undefined) {
    const valid =
      Array.isArray(speakers) &&
      speakers.length >= 1 &&
      speakers.every(
        (s) => typeof s?.speaker === 'string' && s.speaker !== '' && typeof s.voice === 'string' && s.voice !== '',
      )
    if (!valid) {
      throw new TypeError(`${WHERE}: option speakers must be a list of { speaker, voice } with non-empty strings.`)
    }
  }
  const request = resolveRequestOptions(options, WHERE)
  return { model, voice, languageCode, speakers, instructions, request }
}

/**
 * `{ model, voice }` with the defaults — exactly what Python russo's documentation passes as
 * `cache_key_extra` — so its recorded caches hit. Other settings join only when set; with
 * `speakers`, they replace the single voice.
 */
export function geminiKeyExtra(resolved: ResolvedGemini): Record<string, unknown> {
  const { model, voice, languageCode, speakers, instructions } = resolved
  const extra: Record<string, unknown> = speakers ? { model, speakers } : { model, voice }
  if (languageCode !== undefined) extra.languageCode = languageCode
  if (instructions !== undefined) extra.instructions = instructions
  assertNoCredentialFields(extra, WHERE)
  return extra
}
