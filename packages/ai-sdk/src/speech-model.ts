// The AI SDK speech model specification (v2, v3, v4), written out structurally: this package needs no
// `ai` or `@ai-sdk/provider` at run time, so one build serves every AI SDK major.

/** What `doGenerate` is called with; the same fields in spec versions v2, v3 and v4. */
export interface SpeechModelCallOptions {
  text: string
  voice?: string
  outputFormat?: string
  instructions?: string
  speed?: number
  language?: string
  providerOptions?: Record<string, Record<string, unknown>>
  headers?: Record<string, string | undefined>
  abortSignal?: AbortSignal
}

export interface SpeechModelResult {
  /** Base64 or bytes. */
  audio: string | Uint8Array
  warnings?: unknown[]
  response?: { headers?: Record<string, string | undefined> }
  providerMetadata?: Record<string, Record<string, unknown>>
}

/** A speech model of any AI SDK provider: `openai.speech('gpt-4o-mini-tts')`, `elevenlabs.speech(…)`, … */
export interface SpeechModel {
  readonly specificationVersion: string
  readonly provider: string
  readonly modelId: string
  doGenerate(options: SpeechModelCallOptions): PromiseLike<SpeechModelResult>
}

export const SPEC_VERSIONS: readonly string[] = ['v2', 'v3', 'v4']
