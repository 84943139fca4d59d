import type { PcmLayout } from '@russo/audio'

const MONO_16 = { channels: 1, sampleWidth: 2 }

/**
 * The layout of raw PCM a provider returns, from its documentation: OpenAI `pcm` is 24 kHz 16-bit
 * mono; ElevenLabs `pcm_<rate>`, and plain `pcm` (which the AI SDK sends as `pcm_44100`); Gemini states
 * its rate in the mime type (`audio/L16;codec=pcm;rate=24000`), which the Google provider hands back
 * as `providerMetadata.google.sampleRate`. `undefined` where nothing is documented.
 */
export function documentedPcmLayout(
  provider: string,
  outputFormat: string | undefined,
  providerMetadata: Record<string, Record<string, unknown>> | undefined,
): PcmLayout | undefined {
  const family = provider.split('.')[0]?.toLowerCase()
  if (family === 'openai' || family === 'azure-openai' || family === 'azure') return { sampleRate: 24000, ...MONO_16 }
  if (family === 'elevenlabs') {
    const rate = /^pcm_(\d+)$/.exec(outputFormat ?? '')?.[1]
    return { sampleRate: rate === undefined ? 44100 : Number(rate), ...MONO_16 }
  }
  if (family === 'google' || family === 'vertex') {
    const rate = providerMetadata?.google?.sampleRate
    return { sampleRate: typeof rate === 'number' && Number.isInteger(rate) ? rate : 24000, ...MONO_16 }
  }
  return undefined
}
