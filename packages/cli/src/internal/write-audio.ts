import { randomBytes } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Audio } from '@russo/cache'
import { CliError } from '../exit-codes.js'
import { fileStem, playable } from './playable.js'

/**
 * Writes an entry's audio as a playable file in `outDir` (which must exist); returns the file's name.
 * Through a temp file and a rename: a full disk leaves no truncated file under the real name.
 */
export function writePlayable(audio: Audio, entry: { key: string; prompt: string }, outDir: string): string {
  const { data, extension } = playable(audio)
  const name = `${fileStem(entry.prompt, entry.key)}.${extension}`
  writeAtomic(join(outDir, name), data)
  return name
}

export function writeAtomic(path: string, data: Uint8Array | string): void {
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temp, data, { flag: 'wx' })
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    const { code, message } = error as NodeJS.ErrnoException
    throw new CliError(
      'RUSSO_CLI_FAILED',
      `cannot write ${path}: ${code ?? message}${code === 'ENOSPC' ? ' (the disk is full)' : ''}.`,
    )
  }
}
