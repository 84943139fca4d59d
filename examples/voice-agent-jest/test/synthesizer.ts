import { EspeakSynthesizer } from '@russo/espeak'

// The same synthesizer as the Vitest example, so both runners share one cache format. Jest loads this
// module in russo's test environment (plain Node), where an ESM-only package like @russo/espeak loads.
export default new EspeakSynthesizer({ voice: 'en-us', speed: 175 })
