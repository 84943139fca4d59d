import { type Audio, audioProblem } from '@russo/cache'
import { summarizeBody } from './body-summary.js'
import { TtsProviderError } from './tts-provider-error.js'

interface Where {
  provider: string
  model: string
}

/** The audio, or `TTS_NOT_AUDIO` for bytes the cache would refuse (a text page, a container cut short). */
export function assertWholeAudio(audio: Audio, where: Where): Audio {
  const problem = audioProblem(audio)
  if (problem !== undefined) {
    throw new TtsProviderError('TTS_NOT_AUDIO', {
      ...where,
      providerMessage: `the answer is not whole audio: ${problem}`,
    })
  }
  return audio
}

/**
 * Raw samples carry no header to recognise them by, so their content type is the only proof that a
 * 200 is audio: `audio/*` or an octet stream (`application/json` too where `jsonWrapped`, for
 * providers that send base64 audio inside JSON). An answer without a content type is let through.
 */
export function assertRawAudioContentType(
  contentType: string | undefined,
  body: Uint8Array,
  where: Where & { jsonWrapped?: boolean },
): void {
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  if (type === undefined || type === '' || type.startsWith('audio/') || type.endsWith('/octet-stream')) return
  if (where.jsonWrapped && type === 'application/json') return
  const text = Buffer.from(body.subarray(0, 4096)).toString('utf8')
  throw new TtsProviderError('TTS_NOT_AUDIO', {
    provider: where.provider,
    model: where.model,
    providerMessage: `answered with content type ${type} where raw audio was expected: ${summarizeBody(text)}`,
  })
}
