// Writes large entries on a few keys in a loop until the parent kills it with SIGKILL: plain
// put()s, and refresh-mode CachedSynthesizer calls that hold the entry's lock while they write.
// It loads first and says "ready", then starts on "go": the parent starts the next writer while it
// checks the last one's leftovers.
// Before each write it prints "W <keyIndex> <seq> <length>", so the parent knows every body that may
// land and can choose its kill moment by the writes started. Key 0 always gets `fixedLength` bytes:
// an overwrite of equal length is the case a byte-count check cannot catch.
import { audioOf, makeBody, readConfig, send, stdinLines } from './process-io.mjs'

const { entry, dir, prompts, writer, fixedLength, minLength, maxLength } = readConfig()
const russo = await import(entry)
const logger = { warn: (message) => send(`WARN ${message.replaceAll('\n', ' ')}`) }
// A stale lock of a killed writer must be taken over at once; a wait would show up as a warning.
const cache = new russo.AudioCache(dir, { logger, lockWaitMs: 3000 })
const keys = prompts.map((prompt) => russo.cacheKey(prompt))
let seq = 0
const body = (i) => {
  const s = seq++
  const length = i === 0 ? fixedLength : minLength + Math.floor(Math.random() * (maxLength - minLength))
  send(`W ${i} ${s} ${length}`)
  return audioOf(makeBody(keys[i], writer, s, length))
}
const inner = { synthesize: async (text) => body(prompts.indexOf(text)) }
const stdin = stdinLines()
send('ready')
if ((await stdin.next()) !== 'go') throw new Error('expected "go" on stdin')
for (;;) {
  const i = Math.floor(Math.random() * keys.length)
  if (Math.random() < 0.5) {
    cache.put(keys[i], body(i), { prompt: prompts[i] })
  } else {
    const refresh = new russo.CachedSynthesizer(inner, { cache, logger, mode: 'refresh', refreshSince: Date.now() })
    await refresh.synthesize(prompts[i])
  }
}
