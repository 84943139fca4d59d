// Runs in a child process: the cache directory is made unwritable here (read-only as an unprivileged
// user, or a full disk), then russo-ts is used through its built package. Prints a JSON report.
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { join, sep } from 'node:path'

const config = JSON.parse(process.argv[2])
const { dir } = config
const russo = await import(config.entry)
const audioOf = (text) => ({
  data: new TextEncoder().encode(text),
  format: 'pcm',
  sampleRate: 16000,
  channels: 1,
  sampleWidth: 2,
})
const decode = (audio) => new TextDecoder().decode(audio.data)

const seed = new russo.AudioCache(dir, { logger: { warn: () => {} } })
seed.put(seed.cacheKey(config.seedPrompt), audioOf('seeded'), { prompt: config.seedPrompt })

if (config.readOnly) chmodSync(dir, 0o555)
if (config.noAccess) chmodSync(dir, 0o000)
if (config.dropPrivileges) {
  // Root ignores file permissions: become 'nobody' (the module is already loaded).
  process.setgroups([65534])
  process.setgid(65534)
  process.setuid(65534)
}
if (config.fillDisk) fillDisk()
if (config.simulateFullDisk) simulateFullDisk()

const warnings = []
const logger = { warn: (m) => warnings.push(m) }
const calls = []
const inner = {
  async synthesize(text) {
    calls.push(text)
    return audioOf(`synthesized ${text}`)
  },
}
const cache = new russo.AudioCache(dir, { logger, lockWaitMs: 5000 })
const auto = new russo.CachedSynthesizer(inner, { cache, logger })
const results = []
for (const text of config.prompts) {
  try {
    results.push(decode(await auto.synthesize(text)))
  } catch (error) {
    results.push(`threw ${error.code ?? error.name}: ${error.message}`)
  }
}
const offline = new russo.CachedSynthesizer(inner, { cache, logger, mode: 'offline' })
const offlineHit = await offline.synthesize(config.seedPrompt).then(decode, (error) => `threw ${error.code}`)
const offlineMiss = await offline.synthesize('never recorded').then(
  () => 'no error',
  (error) => ({ isCacheMissError: russo.isCacheMissError(error), code: error.code, prompt: error.prompt }),
)

console.log(
  JSON.stringify({
    uid: process.getuid?.(),
    probe: probeWrite(),
    results,
    calls,
    stats: auto.stats,
    warnings,
    offlineHit,
    offlineMiss,
    files: listFiles(),
  }),
)

/** What is in the directory now; the test itself looks into one it cannot enter here. */
function listFiles() {
  if (config.noAccess) return []
  return readdirSync(dir)
    .filter((name) => !name.startsWith('filler'))
    .sort()
}

function probeWrite() {
  const path = join(dir, 'probe')
  try {
    writeFileSync(path, Buffer.alloc(64 * 1024))
    rmSync(path)
    return 'written'
  } catch (error) {
    if (error.code !== 'EACCES') rmSync(path, { force: true })
    return error.code
  }
}

function fillDisk() {
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler${i}`), Buffer.alloc(4096))
    } catch (error) {
      if (error.code === 'ENOSPC') return
      throw error
    }
  }
}

/** Where no tmpfs can be mounted: file creation works, every write into the directory fails. */
function simulateFullDisk() {
  const fs = createRequire(import.meta.url)('node:fs')
  const real = {
    openSync: fs.openSync,
    closeSync: fs.closeSync,
    writeSync: fs.writeSync,
    writeFileSync: fs.writeFileSync,
  }
  const inDir = (path) => typeof path === 'string' && path.startsWith(dir + sep)
  const full = () =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' })
  const fds = new Set()
  fs.openSync = (path, ...rest) => {
    const fd = real.openSync(path, ...rest)
    if (inDir(path)) fds.add(fd)
    return fd
  }
  fs.closeSync = (fd) => {
    fds.delete(fd)
    real.closeSync(fd)
  }
  fs.writeSync = (fd, ...rest) => {
    if (fds.has(fd)) throw full()
    return real.writeSync(fd, ...rest)
  }
  fs.writeFileSync = (path, data, options) => {
    if (!inDir(path)) return real.writeFileSync(path, data, options)
    real.closeSync(real.openSync(path, typeof options === 'object' ? (options.flag ?? 'w') : 'w'))
    throw full()
  }
  syncBuiltinESMExports()
}
