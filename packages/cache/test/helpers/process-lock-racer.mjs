// One of several long-lived racers for stale-lock takeover rounds, driven by stdin commands:
//   try <round> <dir> <key,key,…>       one tryLock() per key, in order; prints "<round> <0|1 per key>"
//   release <round>                     releases the locks got in that round; prints "<round> released"
//   synth <round> <dir> <prompt,prompt,…>  CachedSynthesizer calls for all prompts at once; prints
//                                       "<round> <JSON [inner calls, writer, seq][] per prompt, warnings>"
// The lock primitive is internal to @russo/cache: it is loaded from the built package's file.
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { audioOf, makeBody, parseBody, readConfig, send, stdinLines } from './process-io.mjs'

const { entry, lockModule, racer } = readConfig()
const russo = await import(entry)
const { tryLock } = await import(lockModule)
const held = new Map()
const stdin = stdinLines()
send('ready')
for (let line = await stdin.next(); line !== undefined && line !== 'exit'; line = await stdin.next()) {
  const [command, round, dir, list] = line.split(' ')
  if (command === 'try') {
    const locks = []
    const got = list.split(',').map((key) => {
      const attempt = tryLock(join(dir, `${key}.lock`), key, 30_000)
      if (attempt.acquired) locks.push(attempt.lock)
      return attempt.acquired ? 1 : 0
    })
    held.set(round, locks)
    send(`${round} ${got.join('')}`)
  } else if (command === 'release') {
    for (const lock of held.get(round) ?? []) lock.release()
    held.delete(round)
    send(`${round} released`)
  } else if (command === 'synth') {
    const calls = {}
    const inner = {
      async synthesize(text) {
        calls[text] = (calls[text] ?? 0) + 1
        await delay(5) // a slow synthesis: a second lock holder would overlap it
        return audioOf(makeBody(russo.cacheKey(text), racer, Number(round), 500))
      },
    }
    const warnings = []
    const cache = new russo.AudioCache(dir, { logger: { warn: (m) => warnings.push(m) }, lockWaitMs: 10_000 })
    const synth = new russo.CachedSynthesizer(inner, { cache })
    const results = await Promise.all(
      list.split(',').map(async (prompt) => {
        const parsed = parseBody((await synth.synthesize(prompt)).data)
        return [calls[prompt] ?? 0, parsed.writer, parsed.seq]
      }),
    )
    send(`${round} ${JSON.stringify({ results, warnings })}`)
  }
}
stdin.close()
