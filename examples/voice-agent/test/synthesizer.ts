import { EspeakSynthesizer } from '@russo/espeak'

// Offline and deterministic: good for CI. Swap in a cloud TTS adapter to hear what users hear;
// its settings land in the cache key, so the two never share entries.
export default new EspeakSynthesizer({ voice: 'en-us', speed: 175 })
