// Holds the lock of one prompt's entry from another process: a CachedSynthesizer whose inner
// synthesizer prints "holding" and then waits for "release" on stdin (the lock's heartbeat keeps
// running meanwhile). On release it fails (nothing stored) or stores a body, per `onRelease`.
import { audioOf, makeBody, readConfig, send, stdinLines } from './process-io.mjs'

const { entry, dir, prompt, lockStaleMs, onRelease } = readConfig()
const russo = await import(entry)
const warnings = []
const logger = { warn: (message) => warnings.push(message) }
const stdin = stdinLines()
const cache = new russo.AudioCache(dir, { logger, ...(lockStaleMs ? { lockStaleMs } : {}) })
const inner = {
  async synthesize(text) {
    send('holding')
    if ((await stdin.next()) !== 'release') throw new Error('expected "release" on stdin')
    if (onRelease === 'fail') throw new Error('released without audio')
    return audioOf(makeBody(russo.cacheKey(text), process.pid, 0, 1000))
  },
}
const synth = new russo.CachedSynthesizer(inner, { cache, logger })
const outcome = await synth.synthesize(prompt).then(
  () => 'stored',
  (error) => `failed: ${error.message}`,
)
stdin.close()
send(JSON.stringify({ outcome, warnings }))
