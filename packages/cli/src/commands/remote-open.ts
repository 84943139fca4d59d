import type { RemoteStore } from '@russo/cache'
import { CliError } from '../exit-codes.js'

/** What `russo remote` uses of `@russo/s3` (an optional dependency, loaded only by these commands). */
export interface CliRemote extends RemoteStore {
  list(): AsyncIterable<{ key: string; size: number; lastModified: Date | undefined }>
  close(): Promise<void>
}

/** The store at `--remote` (default `$RUSSO_REMOTE`), with a clear error when none is given or @russo/s3 is missing. */
export async function openRemote(url: unknown, env: NodeJS.ProcessEnv = process.env): Promise<CliRemote> {
  const given = typeof url === 'string' && url !== '' ? url : env.RUSSO_REMOTE
  if (!given) {
    throw new CliError(
      'RUSSO_CLI_USAGE',
      'russo remote needs a bucket: pass --remote s3://bucket/prefix or set RUSSO_REMOTE.',
    )
  }
  let S3Store: new (url: string) => CliRemote
  try {
    ;({ S3Store } = (await import('@russo/s3')) as unknown as { S3Store: new (url: string) => CliRemote })
  } catch {
    throw new CliError(
      'RUSSO_CLI_USAGE',
      'russo remote needs @russo/s3, which is not installed: npm install --save-dev @russo/s3 @aws-sdk/client-s3',
    )
  }
  try {
    return new S3Store(given)
  } catch (error) {
    throw new CliError('RUSSO_CLI_USAGE', (error as Error).message.replace(/^russo: /, ''))
  }
}

/** Every object key in the remote. */
export async function remoteKeys(
  remote: CliRemote,
): Promise<Map<string, { size: number; lastModified: Date | undefined }>> {
  const keys = new Map<string, { size: number; lastModified: Date | undefined }>()
  for await (const object of remote.list())
    keys.set(object.key, { size: object.size, lastModified: object.lastModified })
  return keys
}
