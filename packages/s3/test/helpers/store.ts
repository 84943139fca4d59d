import { S3Store } from '@russo/s3'
import { inject } from 'vitest'
import type { TestUser } from './radosgw.mjs'

/** A store on the suite's radosgw as `user`, under its own prefix so tests do not see each other's objects. */
export function storeAs(user: 'writer' | 'reader' | TestUser, prefix: string): S3Store {
  const gw = inject('radosgw')
  return new S3Store(`s3://${gw.bucket}/${prefix}`, {
    client: { credentials: typeof user === 'string' ? gw[user] : user },
    env: { AWS_ENDPOINT_URL_S3: gw.endpoint },
  })
}

/** AWS_* variables that make a child process use the suite's radosgw as `user`. */
export function awsEnv(user: 'writer' | 'reader'): Record<string, string> {
  const gw = inject('radosgw')
  return {
    AWS_ENDPOINT_URL_S3: gw.endpoint,
    AWS_ACCESS_KEY_ID: gw[user].accessKeyId,
    AWS_SECRET_ACCESS_KEY: gw[user].secretAccessKey,
    AWS_REGION: 'us-east-1',
  }
}
