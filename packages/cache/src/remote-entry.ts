import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { audioFromMeta, parseMeta, serializeMeta } from './internal/meta.js'
import { KEY_PATTERN } from './internal/paths.js'
import { sha256Hex } from './internal/read.js'
import { cacheKey } from './key.js'
import type { Audio, EntryMeta } from './types.js'

/**
 * One remote object holds a whole entry, so a single PUT is atomic:
 * `russo-entry/1 <key> <meta length> <signature or ->\n`, the `.meta` JSON, then the audio bytes.
 */
const MAGIC = 'russo-entry/1'
const HEADER_MAX = 512
const UNSIGNED = '-'

export interface DecodeOptions {
  /** The prompt asked for: an object holding another prompt is refused. */
  prompt?: string
  /** With a signing key, unsigned and badly signed objects are refused. */
  signingKey?: string
}

export type DecodedEntry = { ok: true; audio: Audio; meta: EntryMeta } | { ok: false; problem: string }

/** The object for an entry; with `signingKey`, an HMAC-SHA256 over key, meta and audio digest travels with it. */
export function encodeRemoteEntry(key: string, meta: EntryMeta, audio: Uint8Array, signingKey?: string): Uint8Array {
  const full: EntryMeta = { ...meta, bytes: audio.byteLength, sha256: sha256Hex(audio) }
  const metaBytes = Buffer.from(serializeMeta(full), 'ascii')
  const signature = signingKey ? sign(signingKey, key, metaBytes, full.sha256 as string) : UNSIGNED
  const header = Buffer.from(`${MAGIC} ${key} ${metaBytes.byteLength} ${signature}\n`, 'ascii')
  return Buffer.concat([header, metaBytes, audio])
}

/**
 * The entry in a remote object, checked through: header and key shape, audio length and sha256 against the
 * meta, the prompt asked for, the key recomputed from the meta's prompt and extra, and the signature.
 */
export function decodeRemoteEntry(key: string, body: Uint8Array, options: DecodeOptions = {}): DecodedEntry {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const end = bytes.subarray(0, HEADER_MAX).indexOf(0x0a)
  if (end === -1) return bad('no russo entry header')
  const [magic, headerKey, metaLength, signature, ...rest] = bytes.subarray(0, end).toString('latin1').split(' ')
  if (magic !== MAGIC || rest.length > 0 || signature === undefined) return bad('not a russo entry object')
  if (headerKey === undefined || !KEY_PATTERN.test(headerKey) || headerKey !== key) {
    return bad(`it is labelled with key ${JSON.stringify(headerKey)}`)
  }
  const metaBytesLength = Number(metaLength)
  if (!Number.isInteger(metaBytesLength) || metaBytesLength <= 0 || end + 1 + metaBytesLength > bytes.byteLength) {
    return bad('its meta length does not fit the object')
  }
  const metaBytes = bytes.subarray(end + 1, end + 1 + metaBytesLength)
  const meta = parseMeta(metaBytes.toString('utf8'))
  if (typeof meta === 'string') return bad(meta)
  const audio = bytes.subarray(end + 1 + metaBytesLength)
  if (meta.bytes === undefined || meta.sha256 === undefined) return bad('its meta has no bytes or sha256')
  if (audio.byteLength !== meta.bytes) return bad(`audio is ${audio.byteLength} bytes, the meta says ${meta.bytes}`)
  if (sha256Hex(audio) !== meta.sha256) return bad('audio does not match the sha256 in its meta')
  if (options.prompt !== undefined && meta.prompt !== options.prompt) return bad('it holds another prompt')
  if (!keyMatchesMeta(key, meta)) return bad('its prompt and extra do not make its key')
  if (options.signingKey) {
    if (signature === UNSIGNED) return bad('it is not signed, and RUSSO_REMOTE_SIGNING_KEY asks for signed objects')
    const expected = Buffer.from(sign(options.signingKey, key, metaBytes, meta.sha256), 'ascii')
    const given = Buffer.from(signature, 'ascii')
    if (given.byteLength !== expected.byteLength || !timingSafeEqual(given, expected)) {
      return bad('its signature does not match RUSSO_REMOTE_SIGNING_KEY')
    }
  }
  // A copy: the audio must not keep the whole object alive, nor change if the caller reuses its buffer.
  return { ok: true, audio: audioFromMeta(meta, new Uint8Array(audio)), meta }
}

/** Whether `key` is the key of the meta's prompt and extra (custom keys given to `put` never are). */
export function keyMatchesMeta(key: string, meta: EntryMeta): boolean {
  try {
    return cacheKey(meta.prompt, meta.extra ?? {}) === key
  } catch {
    return false
  }
}

function sign(signingKey: string, key: string, metaBytes: Uint8Array, audioSha256: string): string {
  const metaDigest = createHash('sha256').update(metaBytes).digest('hex')
  return createHmac('sha256', signingKey).update(`${MAGIC}\n${key}\n${metaDigest}\n${audioSha256}`).digest('hex')
}

function bad(problem: string): DecodedEntry {
  return { ok: false, problem }
}
