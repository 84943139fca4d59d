import { lstatSync } from 'node:fs'
import { sep } from 'node:path'
import type { EntryInfo } from '@russo/cache'
import type { Context } from './context.js'
import { entryDuration } from './duration.js'

/** One entry as the commands show it, and as `--json` prints it (the field names are stable). */
export interface EntryRow {
  key: string
  prompt: string
  format: string
  sampleRate: number
  channels: number
  sampleWidth: number
  /** Size of the audio in bytes. */
  bytes: number
  /** Seconds of audio; `null` where the format's length cannot be read without decoding it. */
  durationSeconds: number | null
  /** When the entry was written: its meta's `created_at`, else (Python russo) the meta file's mtime. */
  createdAt: string
  /** How long the original synthesis took, in ms; `null` when not recorded (Python russo). */
  synthMs: number | null
  voice: string | null
  model: string | null
  /** The key extra stored with the entry; `null` when not recorded (Python russo). */
  extra: Record<string, unknown> | null
  /** Who wrote it: russo-ts records `bytes` and `sha256`, Python russo only format, rate and prompt. */
  writer: 'russo-ts' | 'python'
}

const VOICE_FIELDS = ['voice', 'voiceName', 'voice_name', 'voiceId', 'voice_id', 'speaker']
const MODEL_FIELDS = ['model', 'modelId', 'model_id']

export function toRow(ctx: Context, info: EntryInfo): EntryRow {
  const { key, meta, audioBytes } = info
  const extra = meta.extra ?? null
  return {
    key,
    prompt: meta.prompt,
    format: meta.format,
    sampleRate: meta.sampleRate,
    channels: meta.channels ?? 1,
    sampleWidth: meta.sampleWidth ?? 2,
    bytes: audioBytes,
    durationSeconds: entryDuration(ctx.cache, info),
    createdAt: meta.createdAt ?? mtimeOf(`${ctx.cacheDir}${sep}${key}.meta`),
    synthMs: meta.synthMs ?? null,
    voice: pick(extra, VOICE_FIELDS),
    model: pick(extra, MODEL_FIELDS),
    extra,
    writer: meta.bytes !== undefined || meta.sha256 !== undefined ? 'russo-ts' : 'python',
  }
}

/** Every valid entry of the cache, in directory order. */
export async function loadRows(ctx: Context): Promise<EntryRow[]> {
  const rows: EntryRow[] = []
  for await (const info of ctx.cache.entries()) rows.push(toRow(ctx, info))
  return rows
}

function pick(extra: Record<string, unknown> | null, fields: string[]): string | null {
  if (extra === null) return null
  for (const field of fields) {
    const value = extra[field]
    if (typeof value === 'string' || typeof value === 'number') return String(value)
  }
  return null
}

function mtimeOf(path: string): string {
  return lstatSync(path).mtime.toISOString()
}
