import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AudioCache } from '@russo/cache'
import type { EntryRow } from './entry-row.js'
import { fileStem, playable } from './playable.js'

/** Writes one entry's audio as a playable file in `outDir`; returns its name, or `undefined` if it vanished. */
export function writePlayable(cache: AudioCache, row: EntryRow, outDir: string): string | undefined {
  const entry = cache.getEntry(row.key)
  if (entry === undefined) return undefined
  const { data, extension } = playable(entry.audio)
  const name = `${fileStem(row.prompt, row.key)}.${extension}`
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, name), data)
  return name
}
