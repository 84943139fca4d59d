import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3'
import type { TestProject } from 'vitest/node'
import { type Radosgw, startRadosgw, stopRadosgw } from './radosgw.mjs'

declare module 'vitest' {
  interface ProvidedContext {
    radosgw: Radosgw
  }
}

/** One radosgw for the suite: a bucket the writer owns, readable (not writable) by the reader. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const gw = await startRadosgw()
  try {
    const admin = new S3Client({
      endpoint: gw.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: gw.writer,
    })
    await admin.send(new CreateBucketCommand({ Bucket: gw.bucket }))
    await admin.send(
      new PutBucketPolicyCommand({
        Bucket: gw.bucket,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: ['arn:aws:iam:::user/reader'] },
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: [`arn:aws:s3:::${gw.bucket}`, `arn:aws:s3:::${gw.bucket}/*`],
            },
          ],
        }),
      }),
    )
    admin.destroy()
  } catch (error) {
    await stopRadosgw(gw.dir)
    throw error
  }
  project.provide('radosgw', gw)
  return () => stopRadosgw(gw.dir)
}
