import { createRequire } from 'node:module'
import { expect, test } from 'vitest'

test('this run uses the newest @aws-sdk/client-s3, not the floor of the peer range', async () => {
  const sdk = (await import('@aws-sdk/client-s3')) as Record<string, unknown>
  const latest = createRequire(import.meta.url)('@aws-sdk/client-s3-latest') as Record<string, unknown>
  const floor = createRequire(import.meta.url)('@aws-sdk/client-s3') as Record<string, unknown>
  expect(sdk.S3Client).toBe(latest.S3Client)
  expect(sdk.S3Client).not.toBe(floor.S3Client)
})
