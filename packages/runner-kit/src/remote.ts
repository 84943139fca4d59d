import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PutResult, RemoteEntry, RemoteOptions, RemotePutOptions, RemoteStore } from '@russo/cache'
import { configError } from './config-error.js'
import type { RemoteSettings } from './remote-settings.js'

/** What runner-kit uses of `@russo/s3` (an optional package: loaded only when a remote is configured). */
interface S3Module {
  S3Store: new (url: string) => RemoteStore & { probe(): Promise<Error | undefined>; close(): Promise<void> }
}

/**
 * `@russo/s3` as the user's project resolves it (it is their dependency, not ours), or a clear error saying
 * what to install.
 */
export async function loadS3(root: string, remote: RemoteSettings): Promise<S3Module> {
  let path: string
  try {
    path = createRequire(join(root, 'package.json')).resolve('@russo/s3')
  } catch {
    try {
      path = createRequire(import.meta.url).resolve('@russo/s3')
    } catch {
      throw configError(
        `${remote.source} asks for a remote cache, and @russo/s3 is not installed. Install it: ` +
          'npm install --save-dev @russo/s3 @aws-sdk/client-s3 (or unset it, or set RUSSO_REMOTE_MODE=off).',
      )
    }
  }
  return (await import(pathToFileURL(path).href)) as S3Module
}

/**
 * Asked once, in the main process, before any test: why the remote cannot be used (down, hung, bad
 * credentials), or `undefined`. Workers told it is down never ask it, so a dead remote costs one timeout
 * per run.
 */
export async function probeRemote(root: string, remote: RemoteSettings): Promise<string | undefined> {
  const { S3Store } = await loadS3(root, remote)
  const store = new S3Store(remote.url)
  try {
    return (await store.probe())?.message
  } finally {
    await store.close()
  }
}

/** The main process's one warning about a remote its probe found unusable. */
export function remoteDownWarning(problem: string): string {
  return (
    `russo: the remote cache is not usable (${problem}); this run goes on with the local cache only. ` +
    'RUSSO_REMOTE_REQUIRED=1 makes this fail the run instead.'
  )
}

/** The probe's finding when the remote is required: the run stops before any test. */
export function remoteRequiredError(problem: string): Error {
  return configError(`the remote cache is required (RUSSO_REMOTE_REQUIRED) and not usable: ${problem}.`)
}

/**
 * A test worker's remote: `@russo/s3` and the AWS SDK load at the first local miss, so files whose prompts
 * all hit locally pay nothing for a configured remote. The signing key comes from the worker's environment
 * only: it never passes through settings, reports or provided values.
 */
export function workerRemote(
  root: string,
  remote: RemoteSettings,
  env: Readonly<Record<string, string | undefined>> = process.env,
): RemoteOptions {
  let opened: Promise<RemoteStore> | undefined
  const open = () => {
    opened ??= loadS3(root, remote).then(({ S3Store }) => new S3Store(remote.url))
    return opened
  }
  const store: RemoteStore = {
    location: remote.url,
    get: async (key: string, options?: { signal?: AbortSignal }): Promise<RemoteEntry | undefined> =>
      (await open()).get(key, options),
    put: async (key: string, body: Uint8Array, options?: RemotePutOptions): Promise<PutResult> =>
      (await open()).put(key, body, options),
  }
  const signingKey = env.RUSSO_REMOTE_SIGNING_KEY
  return { store, mode: remote.mode, required: remote.required, ...(signingKey ? { signingKey } : {}) }
}
