import { closeSync, constants, openSync, readSync } from 'node:fs'
import { sep } from 'node:path'
import { audioDuration, parseWav, sniffAudioFormat } from '@russo/audio'
import type { AudioCache, EntryInfo } from '@russo/cache'

/** Enough for a WAV header with the usual `LIST`/`fact` chunks before `data`. */
const HEAD_BYTES = 4096
const RAW_LABELS = new Set(['pcm', 'l16', 'raw', 's16le'])

/**
 * Seconds of audio in an entry, reading as little as it can: nothing for raw PCM (its length and the
 * meta say it), the first 4 kB for WAV (and for Python russo's header-less "wav"), the whole file only
 * for compressed formats, which @russo/audio times frame by frame. `null` when no header tells.
 */
export function entryDuration(cache: AudioCache, info: EntryInfo): number | null {
  const { key, meta, audioBytes } = info
  const frame = (meta.channels ?? 1) * (meta.sampleWidth ?? 2)
  if (RAW_LABELS.has(meta.format.toLowerCase())) return Math.floor(audioBytes / frame) / meta.sampleRate
  try {
    const head = readHead(`${cache.cacheDir}${sep}${key}.audio`)
    const sniffed = sniffAudioFormat(head)
    if (sniffed === undefined && meta.format.toLowerCase() === 'wav') {
      return Math.floor(audioBytes / frame) / meta.sampleRate
    }
    if (sniffed === 'wav') {
      const wav = parseWav(head)
      // The head holds the data chunk's start; its declared size (4 bytes before) and the file size tell its end.
      const declared = new DataView(head.buffer, head.byteOffset).getUint32(wav.dataOffset - 4, true)
      const dataBytes = Math.min(declared, audioBytes - wav.dataOffset)
      return Math.floor(dataBytes / wav.blockAlign) / wav.sampleRate
    }
    const entry = cache.getEntry(key)
    return entry === undefined ? null : audioDuration(entry.audio)
  } catch {
    return null
  }
}

/** One buffer for every head: a fresh 4 kB per WAV entry was 20+ MB of garbage for 10,000 entries. */
const HEAD = Buffer.allocUnsafe(HEAD_BYTES)

/** The first bytes of a file, never through a link, never blocking on a FIFO; valid until the next call. */
function readHead(path: string): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  try {
    return HEAD.subarray(0, readSync(fd, HEAD, 0, HEAD_BYTES, 0))
  } finally {
    closeSync(fd)
  }
}
