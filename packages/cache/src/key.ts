import { createHash } from 'node:crypto'
import { describe } from './internal/describe.js'
import { KEY_PATTERN } from './internal/paths.js'
import { isPlainObject } from './internal/plain.js'
import { pyJsonDumps } from './internal/py-json.js'

/**
 * The cache key of a prompt, exactly as Python russo computes it:
 * `sha256(json.dumps({"prompt": prompt, **extra}, sort_keys=True))[:24]`.
 * `extra` holds the settings that change the audio (voice, model, …) as plain JSON values; as in
 * `JSON.stringify`, an `undefined` property is left out (an `undefined` array item is `null`).
 */
export function cacheKey(prompt: string, extra: Record<string, unknown> = {}): string {
  if (typeof prompt !== 'string') {
    throw new TypeError(`cacheKey: prompt must be a string, got ${describe(prompt)}.`)
  }
  assertPlainRecord(extra, 'cacheKey: extra')
  if (extra.prompt !== undefined) {
    // Python russo lets extra.prompt replace the prompt, giving every prompt the same key (and audio).
    throw new TypeError(
      'cacheKey: extra must not contain "prompt": it would replace the prompt in the key. Rename that setting.',
    )
  }
  const blob = pyJsonDumps({ ...extra, prompt }, 'extra')
  return createHash('sha256').update(blob, 'utf8').digest('hex').slice(0, 24)
}

/** Keys name files, so anything but `[A-Za-z0-9_-]{1,128}` is refused before the disk is touched. */
export function assertValidKey(key: unknown, where: string): asserts key is string {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new TypeError(
      `${where}: invalid cache key ${describe(key)}; a key is 1-128 characters of A-Z, a-z, 0-9, "_" and "-" ` +
        '(use cacheKey(prompt, extra) to make one).',
    )
  }
}

export function assertPlainRecord(value: unknown, name: string): asserts value is Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new TypeError(`${name} must be a plain object of JSON values, got ${describe(value)}.`)
  }
}
