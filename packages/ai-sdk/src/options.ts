import type { PcmLayout } from '@russo/audio'
import { assertNoCredentialFields } from '@russo/audio/provider'
import { SPEC_VERSIONS, type SpeechModel } from './speech-model.js'

export interface SpeechModelSynthesizerOptions {
  /** Provider voice id (`alloy`, an ElevenLabs voice id, `Kore`). Default: the provider's. */
  voice?: string
  /** `mp3`, `wav`, `pcm`, `pcm_16000`, … as the provider names them. Default: the provider's (mostly mp3). */
  outputFormat?: string
  speed?: number
  instructions?: string
  language?: string
  /** Provider-specific settings, e.g. `{ elevenlabs: { voiceSettings: { stability: 0.5 } } }`. Part of the key. */
  providerOptions?: Record<string, Record<string, unknown>>
  /** Extra HTTP headers for each request. Not part of the key. */
  headers?: Record<string, string>
  /** Retries of a 429, 5xx or network failure. Default 2. */
  maxRetries?: number
  /** First backoff delay, doubled each retry, where the provider sends no `Retry-After`. Default 1000 ms. */
  retryDelayMs?: number
  /** Requests in flight at once through this synthesizer. Default 4. */
  concurrency?: number
  /** Layout of raw PCM output for providers this package has no table for. */
  pcm?: PcmLayout
}

export interface Resolved {
  call: { voice?: string; outputFormat?: string; speed?: number; instructions?: string; language?: string }
  providerOptions: Record<string, Record<string, unknown>> | undefined
  headers: Record<string, string> | undefined
  maxRetries: number
  retryDelayMs: number
  concurrency: number
  pcm: PcmLayout | undefined
}

const WHERE = 'SpeechModelSynthesizer'

export function assertSpeechModel(model: unknown): asserts model is SpeechModel {
  if (typeof model === 'string') {
    throw new TypeError(
      `${WHERE}: model must be a speech model object, got the string "${model}". Pass e.g. openai.speech('gpt-4o-mini-tts') from '@ai-sdk/openai'.`,
    )
  }
  const m = model as Partial<SpeechModel> | null
  if (m === null || typeof m !== 'object' || typeof m.doGenerate !== 'function') {
    throw new TypeError(`${WHERE}: model must be an AI SDK speech model (with doGenerate), got ${typeof model}.`)
  }
  if (!SPEC_VERSIONS.includes(String(m.specificationVersion))) {
    throw new TypeError(
      `${WHERE}: speech model specification ${String(m.specificationVersion)} is not supported; supported: ${SPEC_VERSIONS.join(', ')}.`,
    )
  }
}

export function resolveOptions(options: SpeechModelSynthesizerOptions): Resolved {
  const { voice, outputFormat, speed, instructions, language, providerOptions, headers, pcm } = options
  for (const [name, value] of Object.entries({ voice, outputFormat, instructions, language })) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(`${WHERE}: option ${name} must be a non-empty string, got ${JSON.stringify(value)}.`)
    }
  }
  if (speed !== undefined && !(typeof speed === 'number' && Number.isFinite(speed) && speed > 0)) {
    throw new RangeError(`${WHERE}: option speed must be a positive number, got ${String(speed)}.`)
  }
  const maxRetries = integer('maxRetries', options.maxRetries ?? 2, 0)
  const retryDelayMs = integer('retryDelayMs', options.retryDelayMs ?? 1000, 0)
  const concurrency = options.concurrency ?? 4
  if (concurrency !== Number.POSITIVE_INFINITY) integer('concurrency', concurrency, 1)
  if (providerOptions !== undefined) {
    assertJsonRecord(providerOptions, 'providerOptions')
    assertNoCredentialFields({ providerOptions }, WHERE)
  }
  if (headers !== undefined && !Object.values(headers).every((v) => typeof v === 'string')) {
    throw new TypeError(`${WHERE}: option headers must map header names to strings.`)
  }
  const call = Object.fromEntries(
    Object.entries({ voice, outputFormat, speed, instructions, language }).filter(([, v]) => v !== undefined),
  )
  return { call, providerOptions, headers, maxRetries, retryDelayMs, concurrency, pcm }
}

function integer(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${WHERE}: option ${name} must be an integer >= ${min}, got ${String(value)}.`)
  }
  return value
}

function assertJsonRecord(value: unknown, name: string): void {
  const proto = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${WHERE}: option ${name} must be a plain object of JSON values.`)
  }
}
