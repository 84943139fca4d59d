import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Audio, AudioCache, CachedSynthesizer, type RemoteOptions, type Synthesizer } from '@russo/cache'

/** A synthesizer whose audio spells the text, counting its calls. */
export function countingSynthesizer(): Synthesizer & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    cacheKeyExtra: { voice: 'test' },
    async synthesize(text: string): Promise<Audio> {
      calls.push(text)
      return {
        data: new TextEncoder().encode(`audio:${text}`),
        format: 'pcm',
        sampleRate: 16_000,
        channels: 1,
        sampleWidth: 2,
      }
    },
  }
}

/** A fresh "machine": an empty cache directory, a synthesizer, the warnings it gave. */
export function machine(remote: RemoteOptions, mode: 'auto' | 'offline' = 'auto') {
  const inner = countingSynthesizer()
  const warnings: string[] = []
  const logger = { warn: (message: string) => warnings.push(message) }
  const cache = new AudioCache(mkdtempSync(join(tmpdir(), 'russo-machine-')), { logger })
  const synth = new CachedSynthesizer(inner, { cache, mode, logger, remote })
  return { synth, inner, cache, warnings }
}

export const text = (audio: Audio) => new TextDecoder().decode(audio.data)
