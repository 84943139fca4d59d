import { configError, type FlagLevel, type RemoteModeSetting } from './flags.js'
import type { OptionsWhere } from './options.js'

/** `remote` in the runner's options. */
export type RemoteOption = string | { url: string; mode?: RemoteModeSetting; required?: boolean }

/** A configured remote cache, as the main process decided it; survives `structuredClone` (Vitest's provide). */
export interface RemoteSettings {
  /** `s3://bucket/prefix`. */
  url: string
  mode: 'readwrite' | 'read'
  /** `RUSSO_REMOTE_REQUIRED=1`: a remote error fails instead of turning the remote off. */
  required: boolean
  /** What configured the URL (flag, variable or option), for messages. */
  source: string
}

const URL_START = 's3://'

/** Precedence as for the other settings: command line, environment, options. `off` means no remote. */
export function resolveRemote(
  levels: FlagLevel[],
  option: RemoteOption | undefined,
  where: OptionsWhere,
): RemoteSettings | undefined {
  const given = levels.find((level) => level.remote !== undefined)?.remote
  const optionUrl = typeof option === 'string' ? option : option?.url
  const url = given?.value ?? optionUrl
  const mode =
    levels.find((level) => level.remoteMode !== undefined)?.remoteMode?.value ??
    (typeof option === 'object' ? option.mode : undefined) ??
    'readwrite'
  if (url === undefined || mode === 'off') return undefined
  const source = given?.source ?? where.option('remote')
  if (!url.startsWith(URL_START)) {
    throw configError(
      `${source} must be an s3:// URL (s3://bucket/prefix), got a value starting ${JSON.stringify(url.slice(0, 5))}.`,
    )
  }
  const required =
    levels.find((level) => level.remoteRequired !== undefined)?.remoteRequired?.value ??
    (typeof option === 'object' && option.required === true)
  return { url, mode, required, source }
}

export function checkRemoteOption(option: unknown, where: OptionsWhere): void {
  if (option === undefined || typeof option === 'string') return
  const shape = `${where.option('remote')} must be 's3://bucket/prefix' or { url: 's3://…', mode: 'readwrite' | 'read' | 'off', required: boolean }`
  if (option === null || typeof option !== 'object') throw configError(`${shape}.`)
  const { url, mode, required } = option as Record<string, unknown>
  if (typeof url !== 'string' || (mode !== undefined && !['readwrite', 'read', 'off'].includes(mode as string))) {
    throw configError(`${shape}.`)
  }
  if (required !== undefined && typeof required !== 'boolean') throw configError(`${shape}.`)
}
