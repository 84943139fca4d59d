// One of the processes of the cold-cache test: asks for every prompt once, in its own order, after
// the parent's "go". Its inner synthesizer logs each call to a shared file and takes `ttsMs`.
import { appendFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { CachedSynthesizer } from '../dist/index.js'

const { dir, log, mode, ttsMs, bytes, order } = JSON.parse(process.argv[2])

const inner = {
  async synthesize(text) {
    appendFileSync(log, `${process.pid}\t${text}\n`)
    await delay(ttsMs) // stands in for the TTS round trip
    return {
      data: new Uint8Array(bytes).fill(text.length),
      format: 'pcm',
      sampleRate: 16000,
      channels: 1,
      sampleWidth: 2,
    }
  },
}
const synth = new CachedSynthesizer(inner, { cacheDir: dir, mode })

process.once('message', async (texts) => {
  const started = performance.now()
  for (const i of order) {
    const audio = await synth.synthesize(texts[i])
    if (audio.data.byteLength !== bytes) throw new Error(`got ${audio.data.byteLength} bytes for ${texts[i]}`)
  }
  process.send({ ms: performance.now() - started, stats: synth.stats }, () => process.disconnect())
})
process.send('ready')
