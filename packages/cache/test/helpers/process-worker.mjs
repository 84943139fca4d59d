// One of several processes sharing a cache directory. Prints "ready", waits for "go" on stdin (so
// all processes start together), runs its scenario through the built @russo/cache, and prints one
// JSON report. It never throws: errors are reported for the parent to assert on.
import { appendFileSync } from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { setTimeout as delay } from 'node:timers/promises'
import { audioOf, makeBody, parseBody, readConfig, send, sha256, stdinLines } from './process-io.mjs'

const config = readConfig()
let linkAttempts = 0
if (config.noHardLinks) withoutHardLinks()
const russo = await import(config.entry)
const warnings = []
const logger = { warn: (message) => warnings.push(message) }
const errors = []
const scenarios = { mixed, singleFlight }

const stdin = stdinLines()
send('ready')
if ((await stdin.next()) !== 'go') throw new Error('expected "go" on stdin')
stdin.close()
const report = await scenarios[config.scenario]().catch((error) => {
  errors.push(`${error.name}: ${error.message}`)
  return {}
})
send(JSON.stringify({ writer: config.writer, ...report, linkAttempts, warnings, errors }))

/** As on FAT or some network shares: every hard link fails with EPERM. */
function withoutHardLinks() {
  const fs = createRequire(import.meta.url)('node:fs')
  fs.linkSync = () => {
    linkAttempts++
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM', syscall: 'link' })
  }
  syncBuiltinESMExports()
}

/**
 * Hundreds of random get / put / refresh / auto calls on shared keys. Writes are recorded as
 * "keyIndex seq", reads as "keyIndex writer seq"; the parent checks every read against all writes.
 * Body lengths are unique per write (80 + seq * 8 + writer + 4096 * k), so a meta paired with
 * another write's audio is caught by its byte count.
 */
async function mixed() {
  const { dir, prompts, ops, writer } = config
  const cache = new russo.AudioCache(dir, { logger })
  const verifying = new russo.AudioCache(dir, { logger, verifyOnRead: true })
  const keys = prompts.map((prompt) => russo.cacheKey(prompt))
  const writes = []
  const reads = []
  const bad = []
  const counts = { ops: 0, hits: 0, misses: 0, puts: 0, refreshes: 0, autos: 0 }
  let seq = 0
  const body = (i) => {
    const s = seq++
    if (s * 8 + writer >= 4000) throw new RangeError('too many writes for unique body lengths')
    writes.push(`${i} ${s}`)
    const length = 80 + s * 8 + writer + 4096 * Math.floor(Math.random() * 16)
    return audioOf(makeBody(keys[i], writer, s, length))
  }
  const inner = {
    async synthesize(text) {
      await delay(0) // let other callers and processes interleave
      return body(prompts.indexOf(text))
    },
  }
  const check = (i, audio, meta, how) => {
    if (audio === undefined) {
      counts.misses++
      return
    }
    counts.hits++
    const parsed = parseBody(audio.data)
    if (parsed.error) return bad.push(`${how} ${i}: ${parsed.error}`)
    if (parsed.key !== keys[i]) return bad.push(`${how} ${i}: body of key ${parsed.key}`)
    reads.push(`${i} ${parsed.writer} ${parsed.seq}`)
    if (meta && (meta.bytes !== audio.data.byteLength || meta.sha256 !== sha256(audio.data))) {
      bad.push(`${how} ${i}: meta does not describe the audio returned with it`)
    }
  }
  const auto = new russo.CachedSynthesizer(inner, { cache, logger })
  const lane = async () => {
    while (counts.ops < ops) {
      counts.ops++
      const i = Math.floor(Math.random() * keys.length)
      const prompt = prompts[i]
      const r = Math.random()
      try {
        if (r < 0.3) {
          const entry = cache.getEntry(keys[i], { prompt })
          check(i, entry?.audio, entry?.meta, 'get')
        } else if (r < 0.4) {
          check(i, verifying.get(keys[i], { prompt }), undefined, 'verified get')
        } else if (r < 0.65) {
          counts.puts++
          cache.put(keys[i], body(i), { prompt })
        } else if (r < 0.85) {
          counts.refreshes++
          const refresh = new russo.CachedSynthesizer(inner, {
            cache,
            logger,
            mode: 'refresh',
            refreshSince: Date.now(),
          })
          check(i, await refresh.synthesize(prompt), undefined, 'refresh')
        } else {
          counts.autos++
          check(i, await auto.synthesize(prompt), undefined, 'auto')
        }
      } catch (error) {
        errors.push(`${error.name}: ${error.message}`)
      }
    }
  }
  await Promise.all([lane(), lane()])
  return { writes, reads, bad, counts }
}

/**
 * Every prompt, in this process's own order, by two concurrent lanes of one CachedSynthesizer; the
 * inner synthesizer logs each call to a shared file opened with O_APPEND and takes a few ms. Two lanes,
 * not all prompts at once: one process cannot lock every entry before the others wake up.
 */
async function singleFlight() {
  const { dir, prompts, log, synthMs, writer } = config
  let seq = 0
  const inner = {
    async synthesize(text) {
      const s = seq++
      appendFileSync(log, `${JSON.stringify([text, writer, s])}\n`) // flag 'a': O_APPEND
      await delay(synthMs)
      return audioOf(makeBody(russo.cacheKey(text), writer, s, 200 + text.length))
    },
  }
  const synth = new russo.CachedSynthesizer(inner, { cache: new russo.AudioCache(dir, { logger }), logger })
  const order = [...prompts].sort(() => Math.random() - 0.5)
  const got = {}
  const lane = async () => {
    for (let prompt = order.pop(); prompt !== undefined; prompt = order.pop()) {
      const parsed = parseBody((await synth.synthesize(prompt)).data)
      got[prompt] = parsed.error ?? `${parsed.writer} ${parsed.seq}`
    }
  }
  await Promise.all([lane(), lane()])
  return { got, stats: synth.stats }
}
