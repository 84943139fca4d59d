// GeminiSynthesizer cold vs warm against a 400 ms Gemini endpoint, and its cost on a hit.
//   pnpm build && node packages/gemini/bench/run.mjs     (ROUNDS=3, OVERHEAD_ROUNDS=15)
import { benchProvider } from '../../ai-sdk/bench/lib/provider-bench.mjs'
import { geminiReply } from '../../ai-sdk/bench/lib/slow-server.mjs'
import { GeminiSynthesizer } from '../dist/index.js'

await benchProvider({
  label: 'GeminiSynthesizer',
  makeAdapter: (url) => new GeminiSynthesizer({ apiKey: 'bench', httpOptions: { baseUrl: url } }),
  reply: geminiReply,
  format: 'pcm',
})
