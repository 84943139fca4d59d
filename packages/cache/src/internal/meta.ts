import type { Audio, EntryMeta } from '../types.js'

/** The JSON in `<key>.meta`. Python russo reads `format`, `sample_rate`, `prompt`; the rest is ours. */
interface MetaFile {
  format: string
  sample_rate: number
  prompt: string
  channels?: number
  sample_width?: number
  bytes?: number
  sha256?: string
  created_at?: string
  synth_ms?: number
  extra?: Record<string, unknown>
}

/** Python russo's Audio has no channels/sample width; its entries are 16-bit mono. */
const PYTHON_DEFAULT_CHANNELS = 1
const PYTHON_DEFAULT_SAMPLE_WIDTH = 2

export function serializeMeta(meta: EntryMeta): string {
  const file: MetaFile = { format: meta.format, sample_rate: meta.sampleRate, prompt: meta.prompt }
  if (meta.channels !== undefined) file.channels = meta.channels
  if (meta.sampleWidth !== undefined) file.sample_width = meta.sampleWidth
  if (meta.bytes !== undefined) file.bytes = meta.bytes
  if (meta.sha256 !== undefined) file.sha256 = meta.sha256
  if (meta.createdAt !== undefined) file.created_at = meta.createdAt
  if (meta.synthMs !== undefined) file.synth_ms = meta.synthMs
  if (meta.extra !== undefined) file.extra = meta.extra
  // ASCII only, as json.dumps writes it: Python russo reads metas with the locale's encoding
  // (cp1252 on Windows), where raw UTF-8 prompts fail to decode and crash its get().
  return `${JSON.stringify(file, null, 2).replace(/[\u0080-\uffff]/g, escapeUnit)}\n`
}

function escapeUnit(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** Returns the meta, or a reason why the text is not a usable meta. Unknown fields are ignored. */
export function parseMeta(text: string): EntryMeta | string {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return 'meta is not valid JSON'
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'meta is not a JSON object'
  const m = raw as Record<string, unknown>
  if (typeof m.format !== 'string') return 'meta.format is not a string'
  if (!below(m.sample_rate, 2 ** 32))
    return `meta.sample_rate ${show(m.sample_rate)} is not a positive integer below 2^32`
  if (m.prompt !== undefined && typeof m.prompt !== 'string') return 'meta.prompt is not a string'
  const meta: EntryMeta = { format: m.format, sampleRate: m.sample_rate as number, prompt: (m.prompt as string) ?? '' }
  if (m.channels !== undefined) {
    if (!below(m.channels, 2 ** 16)) return `meta.channels ${show(m.channels)} is not a positive integer below 2^16`
    meta.channels = m.channels as number
  }
  if (m.sample_width !== undefined) {
    if (!below(m.sample_width, 2 ** 16)) {
      return `meta.sample_width ${show(m.sample_width)} is not a positive integer below 2^16`
    }
    meta.sampleWidth = m.sample_width as number
  }
  if (m.bytes !== undefined) {
    if (!isPositiveInt(m.bytes)) return 'meta.bytes is not a positive safe integer'
    meta.bytes = m.bytes as number
  }
  if (typeof m.sha256 === 'string') meta.sha256 = m.sha256
  if (typeof m.created_at === 'string') meta.createdAt = m.created_at
  if (typeof m.synth_ms === 'number' && m.synth_ms >= 0) meta.synthMs = m.synth_ms
  if (m.extra !== null && typeof m.extra === 'object' && !Array.isArray(m.extra)) {
    meta.extra = m.extra as Record<string, unknown>
  }
  return meta
}

export function audioFromMeta(meta: EntryMeta, data: Uint8Array): Audio {
  return {
    data,
    format: meta.format,
    sampleRate: meta.sampleRate,
    channels: meta.channels ?? PYTHON_DEFAULT_CHANNELS,
    sampleWidth: meta.sampleWidth ?? PYTHON_DEFAULT_SAMPLE_WIDTH,
  }
}

function isPositiveInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}

/** A WAV header holds the rate in 32 bits, channels and width in 16: 1e308 "is an integer", but no audio has it. */
function below(value: unknown, limit: number): boolean {
  return isPositiveInt(value) && (value as number) < limit
}

function show(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 40)
}
