import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Audio, AudioCache, cacheKey } from '@russo/cache'
import { onTestFinished } from 'vitest'

/** A fresh cache directory (created) in a temp folder removed when the test ends. */
export function tempCache(): string {
  const base = mkdtempSync(join(tmpdir(), 'russo-cli-test-'))
  onTestFinished(() => rmSync(base, { recursive: true, force: true }))
  const dir = join(base, '.russo_cache')
  mkdirSync(dir)
  return dir
}

/** 16-bit little-endian mono PCM: a sine of `hz` for `seconds`, loud enough to draw. */
export function sinePcm(seconds: number, sampleRate = 16_000, hz = 220): Uint8Array {
  const frames = Math.round(seconds * sampleRate)
  const data = Buffer.alloc(frames * 2)
  for (let i = 0; i < frames; i++) {
    const envelope = Math.min(1, i / (sampleRate * 0.05), (frames - i) / (sampleRate * 0.05))
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / sampleRate) * 20_000 * envelope), i * 2)
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

export function pcmAudio(seconds: number, sampleRate = 16_000): Audio {
  return { data: sinePcm(seconds, sampleRate), format: 'pcm', sampleRate, channels: 1, sampleWidth: 2 }
}

/** Writes an entry as russo-ts does; returns its key. */
export function putTs(
  dir: string,
  prompt: string,
  audio: Audio = pcmAudio(0.5),
  options: { extra?: Record<string, unknown>; synthMs?: number } = {},
): string {
  const key = cacheKey(prompt, options.extra)
  new AudioCache(dir).put(key, audio, { prompt, ...options })
  return key
}

const SEED_PY = fileURLToPath(new URL('../../../cache/test/helpers/seed-russo-cache.py', import.meta.url))

/** Writes entries with Python russo's own AudioCache code (python3 required: CI has it). */
export function putPython(
  dir: string,
  items: { prompt: string; data: Uint8Array; format?: string; sampleRate?: number; extra?: Record<string, unknown> }[],
): string[] {
  const input = items.map((i) => ({
    prompt: i.prompt,
    extra: i.extra ?? {},
    data_hex: Buffer.from(i.data).toString('hex'),
    format: i.format ?? 'wav',
    sample_rate: i.sampleRate ?? 24_000,
  }))
  const result = spawnSync('python3', [SEED_PY, 'write', dir], { input: JSON.stringify(input), encoding: 'utf8' })
  if (result.error || result.status !== 0) {
    throw new Error(`python3 (needed to write Python russo entries) failed: ${result.error?.message ?? result.stderr}`)
  }
  return JSON.parse(result.stdout) as string[]
}

/** Sets a file's times `ageMs` into the past. */
export function backdate(path: string, ageMs: number): void {
  const when = new Date(Date.now() - ageMs)
  utimesSync(path, when, when)
}

export function names(dir: string): string[] {
  return readdirSync(dir).sort()
}
