// A test worker process: asks its prompts at once through CachedSynthesizer + SpeechModelSynthesizer
// (the built packages, as a test run loads them) and reports what became of each.
// argv: JSON { url, cacheDir, prompts, options }
import { createOpenAI } from '@ai-sdk/openai-v3'
import { CachedSynthesizer } from '@russo/cache'
import { SpeechModelSynthesizer } from '../../dist/index.js'

const { url, cacheDir, prompts, options } = JSON.parse(process.argv[2])
const model = createOpenAI({ baseURL: `${url}/v1`, apiKey: 'sk-limit-test-key-0123456789' }).speech('tts-1')
const synth = new CachedSynthesizer(new SpeechModelSynthesizer(model, { retryDelayMs: 50, ...options }), {
  cacheDir,
  logger: { warn: () => {} },
})
const results = await Promise.allSettled(prompts.map((p) => synth.synthesize(p)))
process.send(
  { failed: results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason?.code ?? r.reason)] : [])) },
  () => process.exit(0),
)
