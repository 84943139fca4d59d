// One test worker of the cold-recording bench: its own prompts and the shared ones, all asked at
// once through CachedSynthesizer + SpeechModelSynthesizer, on the cache directory every worker shares.
// argv: <packages dir of the code under test> <server url> <cache dir> <worker index> <options JSON>
import { createOpenAI } from '@ai-sdk/openai-v3'

const [packages, url, cacheDir, index, optionsJson] = process.argv.slice(2)
const { CachedSynthesizer } = await import(`${packages}/cache/dist/index.js`)
const { SpeechModelSynthesizer } = await import(`${packages}/ai-sdk/dist/index.js`)

const model = createOpenAI({ baseURL: `${url}/v1`, apiKey: 'sk-bench-cold-recording' }).speech('tts-1')
const synth = new CachedSynthesizer(new SpeechModelSynthesizer(model, JSON.parse(optionsJson)), {
  cacheDir,
  logger: { warn: () => {} },
})
const prompts = [
  ...Array.from({ length: 5 }, (_, i) => `Worker ${index} asks its own prompt number ${i}.`),
  ...Array.from({ length: 5 }, (_, i) => `Every worker asks shared prompt number ${i}.`),
]
// Started and loaded: wait for the bench's go, so every worker starts asking at the same moment.
process.send({ ready: true })
await new Promise((resolve) => process.once('message', resolve))
const results = await Promise.allSettled(prompts.map((p) => synth.synthesize(p)))
const errors = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason?.code ?? r.reason)] : []))
process.send({ lost: errors.length, errors }, () => process.exit(0))
