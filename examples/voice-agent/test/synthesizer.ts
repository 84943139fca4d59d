import type { Synthesizer } from '@russo/vitest'

// Offline and deterministic by default: good for CI. RUSSO_EXAMPLE_TTS=openai|elevenlabs|gemini
// records with a cloud TTS instead (its key from the provider's usual environment variable); each
// adapter's settings land in the cache key, so the synthesizers never share entries. Every choice
// gives mono 16-bit audio the toy agent reads: WAV, or raw PCM.
// RUSSO_EXAMPLE_TTS_BASE_URL sends the requests elsewhere (a proxy, or a test's local server).
const choice = process.env.RUSSO_EXAMPLE_TTS ?? 'espeak'
const baseUrl = process.env.RUSSO_EXAMPLE_TTS_BASE_URL

async function create(): Promise<Synthesizer> {
  switch (choice) {
    case 'espeak': {
      const { EspeakSynthesizer } = await import('@russo/espeak')
      return new EspeakSynthesizer({ voice: 'en-us', speed: 175 })
    }
    case 'openai': {
      const [{ createOpenAI }, { SpeechModelSynthesizer }] = await Promise.all([
        import('@ai-sdk/openai'),
        import('@russo/ai-sdk'),
      ])
      const openai = createOpenAI(baseUrl ? { baseURL: `${baseUrl}/v1` } : {})
      return new SpeechModelSynthesizer(openai.speech('gpt-4o-mini-tts'), { voice: 'alloy', outputFormat: 'wav' })
    }
    case 'elevenlabs': {
      const [{ createElevenLabs }, { SpeechModelSynthesizer }] = await Promise.all([
        import('@ai-sdk/elevenlabs'),
        import('@russo/ai-sdk'),
      ])
      // The ElevenLabs provider has no base-URL option: its fetch option re-routes the requests.
      const reroute: typeof fetch = (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input))
        return fetch(`${baseUrl}${url.pathname}${url.search}`, init)
      }
      const elevenlabs = createElevenLabs(baseUrl ? { fetch: reroute } : {})
      return new SpeechModelSynthesizer(elevenlabs.speech('eleven_flash_v2_5'), {
        voice: 'JBFqnCBsd6RMkjVDRZzb',
        outputFormat: 'pcm_24000',
      })
    }
    case 'gemini': {
      const { GeminiSynthesizer } = await import('@russo/gemini')
      return new GeminiSynthesizer({ voice: 'Kore', ...(baseUrl && { httpOptions: { baseUrl } }) })
    }
    default:
      throw new Error(`RUSSO_EXAMPLE_TTS must be espeak, openai, elevenlabs or gemini, got "${choice}".`)
  }
}

export default await create()
