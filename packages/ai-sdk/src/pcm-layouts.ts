import type { PcmLayout } from '@russo/audio'

const MONO_16 = { channels: 1, sampleWidth: 2 }

/**
 * The layout of the headerless audio a provider returns for a raw `outputFormat`, from its
 * documentation: OpenAI `pcm` is 24 kHz 16-bit mono; ElevenLabs `pcm_<rate>` (plain `pcm` is sent as
 * `pcm_44100`) and 8-bit `ulaw_8000` / `alaw_8000`; Gemini states its rate in the mime type
 * (`audio/L16;codec=pcm;rate=24000`), which the Google provider hands back as
 * `providerMetadata.google.sampleRate`. `undefined` for every other format: those carry a header.
 */
export function documentedPcmLayout(
  provider: string,
  outputFormat: string | undefined,
  providerMetadata: Record<string, Record<string, unknown>> | undefined,
): PcmLayout | undefined {
  const family = provider.split('.')[0]?.toLowerCase()
  const format = outputFormat?.toLowerCase() ?? ''
  if ((family === 'openai' || family === 'azure-openai' || family === 'azure') && format === 'pcm') {
    return { sampleRate: 24000, ...MONO_16 }
  }
  if (family === 'elevenlabs') {
    const [, kind, rate] = /^(pcm|ulaw|alaw)(?:_(\d+))?$/.exec(format) ?? []
    if (kind === 'pcm') return { sampleRate: rate === undefined ? 44100 : Number(rate), ...MONO_16 }
    if (kind === 'ulaw' || kind === 'alaw') {
      return { format: kind, sampleRate: rate === undefined ? 8000 : Number(rate), channels: 1, sampleWidth: 1 }
    }
  }
  if ((family === 'google' || family === 'vertex') && (format === 'pcm' || format === 'audio/l16')) {
    const rate = providerMetadata?.google?.sampleRate
    return { sampleRate: typeof rate === 'number' && Number.isInteger(rate) ? rate : 24000, ...MONO_16 }
  }
  return undefined
}

/** Providers whose speech answer is JSON with base64 audio inside, rather than the audio itself. */
export function sendsJson(provider: string): boolean {
  const family = provider.split('.')[0]?.toLowerCase()
  return family === 'google' || family === 'vertex'
}
