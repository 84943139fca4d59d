export { type S3ObjectInfo, S3Store, type S3StoreOptions } from './s3-store.js'
export { parseS3Url, type S3Location } from './url.js'
