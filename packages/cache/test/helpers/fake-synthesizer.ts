import type { Audio, SynthesizeOptions, Synthesizer } from '../../src/index.js'

export interface FakeCall {
  text: string
  options: SynthesizeOptions | undefined
}

export interface FakeSynthesizer extends Synthesizer {
  readonly calls: FakeCall[]
}

/** Audio whose bytes spell the text and the call number, so a test can tell which synthesis it came from. */
export function spoken(text: string, call: number): Audio {
  return {
    data: new TextEncoder().encode(`${text}#${call}`),
    format: 'pcm',
    sampleRate: 24_000,
    channels: 1,
    sampleWidth: 2,
  }
}

export function decode(audio: Audio): string {
  return new TextDecoder().decode(audio.data)
}

/** A synthesizer that records its calls; `respond` replaces the default `spoken(text, n)`. */
export function fakeSynthesizer(
  options: {
    cacheKeyExtra?: Record<string, unknown>
    respond?: (text: string, call: number) => Promise<Audio> | Audio
  } = {},
): FakeSynthesizer {
  const calls: FakeCall[] = []
  const respond = options.respond ?? spoken
  return {
    calls,
    ...(options.cacheKeyExtra ? { cacheKeyExtra: options.cacheKeyExtra } : {}),
    async synthesize(text, synthOptions) {
      calls.push({ text, options: synthOptions })
      return respond(text, calls.length)
    },
  }
}

/** A promise a test opens when it chooses (Promise.withResolvers is Node 22+). */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => {}
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open }
}
