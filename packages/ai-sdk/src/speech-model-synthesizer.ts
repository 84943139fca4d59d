import { AudioFormatError, audioFromBytes, isAudioFormatError } from '@russo/audio'
import {
  assertNoCredentialFields,
  assertRawAudioContentType,
  assertSpeakableText,
  assertWholeAudio,
  credentialsInHeaders,
  type RequestLimit,
  raceAbort,
  sharedRequestLimit,
  TtsProviderError,
  withRetries,
} from '@russo/audio/provider'
import { type Audio, cacheKey, type SynthesizeOptions, type Synthesizer } from '@russo/cache'
import { assertSpeechModel, type Resolved, resolveOptions, type SpeechModelSynthesizerOptions } from './options.js'
import { documentedPcmLayout, sendsJson } from './pcm-layouts.js'
import { classify, toProviderError } from './provider-errors.js'
import { readProviderSettings } from './provider-settings.js'
import type { SpeechModel, SpeechModelResult } from './speech-model.js'

interface Connection {
  limit: RequestLimit | undefined
  secrets: string[]
}

/**
 * Any AI SDK speech model (specification v2, v3 or v4) as a russo-ts `Synthesizer`. Calls the model's
 * `doGenerate` directly: no `ai` package needed, one build for every AI SDK major, and the audio
 * fields come from the bytes rather than a media type guessed by the SDK.
 */
export class SpeechModelSynthesizer implements Synthesizer {
  readonly model: SpeechModel
  /** Provider, model id and every set option that changes the audio: part of each cache key. */
  readonly cacheKeyExtra: Readonly<Record<string, unknown>>
  readonly #options: Resolved
  #connection: Promise<Connection> | undefined

  constructor(model: SpeechModel, options: SpeechModelSynthesizerOptions = {}) {
    assertSpeechModel(model)
    this.model = model
    this.#options = resolveOptions(options)
    const { call, providerOptions } = this.#options
    const extra = {
      provider: model.provider,
      model: model.modelId,
      ...call,
      ...(providerOptions && { providerOptions }),
    }
    assertNoCredentialFields(extra, 'SpeechModelSynthesizer')
    cacheKey('', extra)
    this.cacheKeyExtra = Object.freeze(extra)
  }

  async synthesize(text: string, options: SynthesizeOptions = {}): Promise<Audio> {
    assertSpeakableText(text, 'SpeechModelSynthesizer.synthesize')
    const { signal } = options
    signal?.throwIfAborted()
    const where = { provider: this.model.provider, model: this.model.modelId }
    const { limit, secrets } = await raceAbort(this.#connect(where), signal)
    const { maxRetries, retryDelayMs, timeoutMs, maxRateLimitWaitMs } = this.#options.request
    return withRetries((attemptSignal) => this.#generate(text, attemptSignal), classify, {
      maxRetries,
      signal,
      baseDelayMs: retryDelayMs,
      timeoutMs,
      maxRateLimitWaitMs,
      limit,
      where,
      onRequestMs: options.onRequestMs,
      toError: (error, n, context) => toProviderError(error, n, { ...where, secrets }, context),
    })
  }

  /** The endpoint and credential, read once from the model's settings: they name the shared limit. */
  #connect(where: { provider: string; model: string }): Promise<Connection> {
    if (this.#connection === undefined) {
      const { headers, credential, request } = this.#options
      const given = [...credentialsInHeaders(headers), ...(credential === undefined ? [] : [credential])]
      const connection = readProviderSettings(this.model, given).then(
        ({ endpoint, credentials }): Connection => ({
          secrets: credentials,
          limit: sharedRequestLimit({
            endpoint,
            credential: credentials.join('\0') || undefined,
            concurrency: request.concurrency,
            requestsPerMinute: request.requestsPerMinute,
          }),
        }),
        (error: unknown) => {
          this.#connection = undefined
          throw toProviderError(error, 1, { ...where, secrets: given }, {})
        },
      )
      this.#connection = connection
    }
    return this.#connection
  }

  async #generate(text: string, signal: AbortSignal): Promise<Audio> {
    const { call, providerOptions, headers } = this.#options
    const result = await this.model.doGenerate({
      text,
      ...call,
      ...(providerOptions && { providerOptions }),
      ...(headers && { headers }),
      abortSignal: signal,
    })
    return this.#toAudio(result)
  }

  #toAudio(result: SpeechModelResult): Audio {
    const { provider, modelId } = this.model
    const where = { provider, model: modelId }
    const data = typeof result.audio === 'string' ? Buffer.from(result.audio, 'base64') : result.audio
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    if (bytes.byteLength === 0) {
      throw new TtsProviderError('TTS_NO_AUDIO', { ...where, providerMessage: 'the response held no audio' })
    }
    const layout =
      this.#options.pcm ?? documentedPcmLayout(provider, this.#options.call.outputFormat, result.providerMetadata)
    if (layout !== undefined) {
      const contentType = headerOf(result.response?.headers, 'content-type')
      assertRawAudioContentType(contentType, bytes, { ...where, jsonWrapped: sendsJson(provider) })
    }
    try {
      return assertWholeAudio(audioFromBytes(bytes, layout), where)
    } catch (error) {
      if (!isAudioFormatError(error) || error.code !== 'AUDIO_UNRECOGNIZED' || layout !== undefined) throw error
      throw new AudioFormatError(
        'AUDIO_UNRECOGNIZED',
        `${error.message} ${provider} has no documented PCM layout here: pass the SpeechModelSynthesizer option pcm: { sampleRate, channels, sampleWidth }, or ask for wav or mp3.`,
      )
    }
  }
}

function headerOf(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  const found = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === name)
  return found === undefined ? undefined : headers?.[found]
}
