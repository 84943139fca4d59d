// One test worker of the cold-recording bench: its prompts, all asked at once through CachedSynthesizer + SpeechModelSynthesizer, on the cache directory every worker shares.
// argv: <packages dir of the code under test> <server url> <cache dir> <prompts JSON> <options JSON>
import { createOpenAI } from '@ai-sdk/openai-v3'

const [packages, url, cacheDir, promptsJson, optionsJson] = process.argv.slice(2)
const { CachedSynthesizer } = await import(`${packages}/cache/dist/index.js`)
const { SpeechModelSynthesizer } = await import(`${packages}/ai-sdk/dist/index.js`)

const model = createOpenAI({ baseURL: `${url}/v1`, apiKey: 'sk-bench-cold-recording' }).speech('tts-1')
const synth = new CachedSynthesizer(new SpeechModelSynthesizer(model, JSON.parse(optionsJson)), {
  cacheDir,
  logger: { warn: () => {} },
})
const prompts = JSON.parse(promptsJson)
// Started and loaded: wait for the bench's go, so every worker starts asking at the same moment.
process.send({ ready: true })
await new Promise((resolve) => process.once('message', resolve))
const results = await Promise.allSettled(prompts.map((p) => synth.synthesize(p)))
const errors = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason?.code ?? r.reason)] : []))
process.send({ lost: errors.length, errors }, () => process.exit(0))
