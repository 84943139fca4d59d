import { AudioFormatError, audioFromBytes, isAudioFormatError } from '@russo/audio'
import {
  assertNoCredentialFields,
  assertSpeakableText,
  ConcurrencyLimit,
  raceAbort,
  TtsProviderError,
  withRetries,
} from '@russo/audio/provider'
import { type Audio, cacheKey, type SynthesizeOptions, type Synthesizer } from '@russo/cache'
import { assertSpeechModel, type Resolved, resolveOptions, type SpeechModelSynthesizerOptions } from './options.js'
import { documentedPcmLayout } from './pcm-layouts.js'
import { classify, toProviderError } from './provider-errors.js'
import type { SpeechModel, SpeechModelResult } from './speech-model.js'

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
  readonly #limit: ConcurrencyLimit

  constructor(model: SpeechModel, options: SpeechModelSynthesizerOptions = {}) {
    assertSpeechModel(model)
    this.model = model
    this.#options = resolveOptions(options)
    this.#limit = new ConcurrencyLimit(this.#options.concurrency)
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
    const { maxRetries, retryDelayMs, headers } = this.#options
    const where = {
      provider: this.model.provider,
      model: this.model.modelId,
      secrets: Object.values(headers ?? {}),
    }
    const attempts = () =>
      withRetries(() => this.#generate(text, signal), classify, {
        maxRetries,
        signal,
        baseDelayMs: retryDelayMs,
        toError: (error, n) => toProviderError(error, n, where),
      })
    return raceAbort(this.#limit.run(attempts, signal), signal)
  }

  async #generate(text: string, signal: AbortSignal | undefined): Promise<Audio> {
    const { call, providerOptions, headers } = this.#options
    const result = await this.model.doGenerate({
      text,
      ...call,
      ...(providerOptions && { providerOptions }),
      ...(headers && { headers }),
      ...(signal && { abortSignal: signal }),
    })
    return this.#toAudio(result)
  }

  #toAudio(result: SpeechModelResult): Audio {
    const { provider, modelId } = this.model
    const data = typeof result.audio === 'string' ? Buffer.from(result.audio, 'base64') : result.audio
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    if (bytes.byteLength === 0) {
      throw new TtsProviderError('TTS_NO_AUDIO', {
        provider,
        model: modelId,
        providerMessage: 'the response held no audio',
      })
    }
    const layout =
      this.#options.pcm ?? documentedPcmLayout(provider, this.#options.call.outputFormat, result.providerMetadata)
    try {
      return audioFromBytes(bytes, layout)
    } catch (error) {
      if (!isAudioFormatError(error) || error.code !== 'AUDIO_UNRECOGNIZED' || layout !== undefined) throw error
      throw new AudioFormatError(
        'AUDIO_UNRECOGNIZED',
        `${error.message} ${provider} has no documented PCM layout here: pass the SpeechModelSynthesizer option pcm: { sampleRate, channels, sampleWidth }, or ask for wav or mp3.`,
      )
    }
  }
}
