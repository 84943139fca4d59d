import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3'
import { RussoError } from '@russo/cache'

export type SdkModule = typeof import('@aws-sdk/client-s3')

export interface Clients {
  sdk: SdkModule
  /** At most one retry. */
  client: S3Client
  /** No retry: for the run's probe. */
  once: S3Client
}

interface ClientSettings {
  connectTimeoutMs?: number
  client?: S3ClientConfig
  env?: Readonly<Record<string, string | undefined>>
}

/**
 * S3 clients on the AWS SDK's chain for region and credentials. A custom endpoint (Ceph, MinIO, R2) gets
 * path-style addressing; the region defaults to us-east-1 when the chain has none; checksums only where
 * the API requires them (non-AWS servers reject the newer default ones); timeouts on every request.
 */
export async function makeClients(settings: ClientSettings, timeoutMs: number): Promise<Clients> {
  let sdk: SdkModule
  try {
    sdk = await import('@aws-sdk/client-s3')
  } catch (error) {
    throw new RussoError(
      'RUSSO_CONFIG',
      `russo: @russo/s3 needs @aws-sdk/client-s3, which cannot be loaded (${(error as Error).message.split('\n')[0]}). ` +
        'Install it: npm install --save-dev @aws-sdk/client-s3',
    )
  }
  const env = settings.env ?? process.env
  const endpoint = settings.client?.endpoint ?? (env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined)
  const config: S3ClientConfig = {
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...settings.client,
    ...(endpoint !== undefined ? { endpoint, forcePathStyle: settings.client?.forcePathStyle ?? true } : {}),
    requestHandler: { connectionTimeout: settings.connectTimeoutMs ?? 1000, requestTimeout: timeoutMs },
  }
  if (!(await hasRegion(sdk, config))) config.region = 'us-east-1'
  return {
    sdk,
    client: new sdk.S3Client({ ...config, maxAttempts: 2 }),
    once: new sdk.S3Client({ ...config, maxAttempts: 1 }),
  }
}

/** Whether the SDK's chain (option, AWS_REGION, profile) gives a region. */
async function hasRegion(sdk: SdkModule, config: S3ClientConfig): Promise<boolean> {
  const probe = new sdk.S3Client(config)
  try {
    return Boolean(await probe.config.region())
  } catch {
    return false
  } finally {
    probe.destroy()
  }
}
