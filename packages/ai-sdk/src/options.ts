import type { PcmLayout } from '@russo/audio'
import {
  assertNoCredentialFields,
  type ProviderRequestOptions,
  type ResolvedRequestOptions,
  resolveRequestOptions,
} from '@russo/audio/provider'
import { SPEC_VERSIONS, type SpeechModel } from './speech-model.js'

export interface SpeechModelSynthesizerOptions extends ProviderRequestOptions {
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
  /**
   * The API key, for providers whose settings this adapter cannot read (it reads the headers of
   * `@ai-sdk/*` providers itself). Only redacted from errors and used (as a scrypt digest) to tell
   * endpoints apart for the shared limit; never sent, never in a key.
   */
  credential?: string
  /** Layout of raw PCM output for providers this package has no table for. */
  pcm?: PcmLayout
}

export interface Resolved {
  call: { voice?: string; outputFormat?: string; speed?: number; instructions?: string; language?: string }
  providerOptions: Record<string, Record<string, unknown>> | undefined
  headers: Record<string, string> | undefined
  request: ResolvedRequestOptions
  credential: string | undefined
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
  const request = resolveRequestOptions(options, WHERE)
  const { credential } = options
  if (credential !== undefined && (typeof credential !== 'string' || credential === '')) {
    throw new TypeError(`${WHERE}: option credential must be a non-empty string (the API key), or left out.`)
  }
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
  return { call, providerOptions, headers, request, credential, pcm }
}

function assertJsonRecord(value: unknown, name: string): void {
  const proto = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${WHERE}: option ${name} must be a plain object of JSON values.`)
  }
}
