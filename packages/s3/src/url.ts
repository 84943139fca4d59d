import { RussoError } from '@russo/cache'

export interface S3Location {
  bucket: string
  /** Without leading or trailing slashes; `''` for the bucket's root. */
  prefix: string
}

const URL_SHAPE = /^s3:\/\/([^/]*)(?:\/(.*))?$/
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const PREFIX_PART = /^[A-Za-z0-9!_.*'()-]+$/

/**
 * `s3://bucket/prefix` → bucket and prefix. Credentials never go in the URL (they come from the AWS SDK's
 * chain), so a URL holding `user:secret@` is refused without echoing it.
 */
export function parseS3Url(url: string, source = 'the remote URL'): S3Location {
  if (typeof url !== 'string') throw urlError(`${source} must be a string like s3://my-bucket/voice-tests`)
  const match = URL_SHAPE.exec(url)
  if (match === null)
    throw urlError(`${source} ${JSON.stringify(url)} is not an s3:// URL; write s3://my-bucket/voice-tests`)
  const bucket = match[1] as string
  if (bucket.includes('@') || bucket.includes(':')) {
    throw urlError(
      `${source} must not hold credentials or a host (user:secret@…); credentials and endpoint come from the AWS SDK ` +
        '(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL_S3, profiles, web identity)',
    )
  }
  if (!BUCKET.test(bucket)) {
    throw urlError(
      `${source} ${JSON.stringify(url)}: ${JSON.stringify(bucket)} is not a bucket name (3-63 of a-z, 0-9, ".", "-")`,
    )
  }
  const parts = (match[2] ?? '').split('/').filter((part) => part !== '')
  const badPart = parts.find((part) => !PREFIX_PART.test(part) || part === '.' || part === '..')
  if (badPart !== undefined) {
    throw urlError(
      `${source} ${JSON.stringify(url)}: prefix part ${JSON.stringify(badPart)} has characters S3 keys should not (use A-Z a-z 0-9 ! _ . * ' ( ) -)`,
    )
  }
  return { bucket, prefix: parts.join('/') }
}

function urlError(message: string): RussoError {
  return new RussoError('RUSSO_CONFIG', `russo: ${message}.`)
}
