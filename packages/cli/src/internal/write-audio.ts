import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Audio } from '@russo/cache'
import { fileStem, playable } from './playable.js'

/** Writes an entry's audio as a playable file in `outDir` (which must exist); returns the file's name. */
export function writePlayable(audio: Audio, entry: { key: string; prompt: string }, outDir: string): string {
  const { data, extension } = playable(audio)
  const name = `${fileStem(entry.prompt, entry.key)}.${extension}`
  writeFileSync(join(outDir, name), data)
  return name
}
