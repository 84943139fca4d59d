import { audioFromBytes } from '@russo/audio'
import { TtsProviderError } from '@russo/audio/provider'
import type { Audio } from '@russo/cache'

interface InlineData {
  mimeType?: string
  data?: string
}
interface Candidate {
  content?: { parts?: Array<{ inlineData?: InlineData }> }
  finishReason?: string
}

const DEFAULT_RATE = 24000

/**
 * The audio of a `generateContent` response: the `inlineData` of every part, in order (Gemini may
 * split the audio), decoded and joined. Raw L16 is labelled `pcm` at the mime type's `rate=`; a part
 * with a header (WAV) is described by it.
 */
export function audioOfResponse(response: unknown, where: { provider: string; model: string }): Audio {
  const candidate = (response as { candidates?: Candidate[] } | undefined)?.candidates?.[0]
  const parts = (candidate?.content?.parts ?? []).flatMap((p) => (p.inlineData?.data ? [p.inlineData] : []))
  const chunks = parts.map((p) => Buffer.from(p.data ?? '', 'base64'))
  const data = new Uint8Array(Buffer.concat(chunks))
  if (data.byteLength === 0) {
    const reason = candidate?.finishReason ? ` (finishReason ${candidate.finishReason})` : ''
    throw new TtsProviderError('TTS_NO_AUDIO', { ...where, providerMessage: `the response held no audio${reason}` })
  }
  const rate = Number(/rate=(\d+)/.exec(parts[0]?.mimeType ?? '')?.[1] ?? DEFAULT_RATE)
  return audioFromBytes(data, { sampleRate: rate, channels: 1, sampleWidth: 2 })
}
