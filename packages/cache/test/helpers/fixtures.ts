import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { type Audio, AudioCache, type RussoLogger } from '../../src/index.js'

/** A fresh directory for one test, removed when the test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'russo-cache-test-'))
  onTestFinished(() => {
    restoreWritable(dir)
    rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

/** Undoes chmod 0o555 on a test's directories so a non-root run can remove them. */
function restoreWritable(dir: string): void {
  try {
    if (!lstatSync(dir).isDirectory()) return
    chmodSync(dir, 0o755)
    for (const name of readdirSync(dir)) restoreWritable(join(dir, name))
  } catch {
    // Already gone.
  }
}

/** Deterministic audio: `size` bytes of a pattern seeded by `seed`, so two fixtures differ. */
export function makeAudio(options: Partial<Omit<Audio, 'data'>> & { size?: number; seed?: number } = {}): Audio {
  const { size = 64, seed = 1, ...fields } = options
  const data = new Uint8Array(size)
  for (let i = 0; i < size; i++) data[i] = (i * 31 + seed * 7) & 0xff
  return { data, format: 'pcm', sampleRate: 16_000, channels: 1, sampleWidth: 2, ...fields }
}

export interface CapturedLogger {
  logger: RussoLogger
  warnings: string[]
  debugs: string[]
}

export function captureLogger(): CapturedLogger {
  const warnings: string[] = []
  const debugs: string[] = []
  return { logger: { warn: (m) => warnings.push(m), debug: (m) => debugs.push(m) }, warnings, debugs }
}

export interface EntryFiles {
  audio: string
  meta: string
  lock: string
}

export function entryFiles(dir: string, key: string): EntryFiles {
  return { audio: join(dir, `${key}.audio`), meta: join(dir, `${key}.meta`), lock: join(dir, `${key}.lock`) }
}

/** A valid entry written through the cache itself; returns its key and files. */
export function putEntry(dir: string, prompt: string, audio: Audio = makeAudio()): EntryFiles & { key: string } {
  const cache = new AudioCache(dir, { logger: captureLogger().logger })
  const key = cache.cacheKey(prompt)
  cache.put(key, audio, { prompt })
  return { key, ...entryFiles(dir, key) }
}

/** Writes entry files by hand: a meta object is written as Python russo does (2-space JSON). */
export function writeRaw(path: string, content: Uint8Array | string | Record<string, unknown>): void {
  const text = typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content, null, 2)
  writeFileSync(path, text)
}

/** Sets mtimes `ageMs` into the past, past the grace a live writer gets. */
export function backdate(ageMs: number, ...paths: string[]): void {
  const then = new Date(Date.now() - ageMs)
  for (const path of paths) utimesSync(path, then, then)
}

/** A `<key>.lock` as another live process on this host would hold it. */
export function holdLock(dir: string, key: string, pid = process.pid): string {
  mkdirSync(dir, { recursive: true })
  const lock = entryFiles(dir, key).lock
  const content = { pid, host: hostname(), createdAt: new Date().toISOString(), token: 'held-by-test' }
  writeFileSync(lock, JSON.stringify(content))
  return lock
}

export function names(dir: string): string[] {
  return readdirSync(dir).sort()
}

export function exists(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}

/** A pid no process has: above Linux's pid_max (2^22) and macOS's 99998. */
export const DEAD_PID = 2 ** 30

/** Audio bytes as a plain array: `get` returns a Buffer, fixtures hold a Uint8Array. */
export function bytesOf(audio: Audio | undefined): number[] | undefined {
  return audio && [...audio.data]
}
