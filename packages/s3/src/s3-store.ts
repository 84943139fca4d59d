import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3'
import type { PutResult, RemoteEntry, RemotePutOptions, RemoteStore, RemoteStoreError } from '@russo/cache'
import { classify, statusOf } from './internal/classify.js'
import { type Clients, makeClients, type SdkModule } from './internal/client.js'
import { parseS3Url, type S3Location } from './url.js'

export interface S3StoreOptions {
  /** Per request, from the first byte sent to the last received (a hung server costs this once). Default 3000 ms. */
  timeoutMs?: number
  /** Default 1000 ms. */
  connectTimeoutMs?: number
  /**
   * Settings for the `S3Client` over the SDK's own chain (endpoint, region and credentials come from the
   * environment and profiles otherwise). Timeouts, retries and checksums are russo's.
   */
  client?: S3ClientConfig
  /** Environment to read `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
}

/** An object listed by `list()`. */
export interface S3ObjectInfo {
  key: string
  size: number
  lastModified: Date | undefined
}

const PROBE_KEY = '.russo-probe'

/**
 * The russo remote store on an S3-compatible bucket: one object per entry at `<prefix>/<key>`, written with
 * `If-None-Match: *` so the first writer wins. The AWS SDK is loaded on the first request, so a run whose
 * every prompt hits the local cache never loads it.
 */
export class S3Store implements RemoteStore {
  readonly location: string
  readonly bucket: string
  readonly prefix: string
  readonly #options: S3StoreOptions
  readonly #timeoutMs: number
  #client: Promise<Clients> | undefined

  constructor(url: string, options: S3StoreOptions = {}) {
    const { bucket, prefix }: S3Location = parseS3Url(url)
    this.bucket = bucket
    this.prefix = prefix
    this.location = `s3://${bucket}${prefix ? `/${prefix}` : ''}`
    this.#options = options
    this.#timeoutMs = options.timeoutMs ?? 3000
  }

  /** The object key of an entry key. */
  objectKey(key: string): string {
    return this.prefix ? `${this.prefix}/${key}` : key
  }

  async get(key: string, options: { signal?: AbortSignal } = {}): Promise<RemoteEntry | undefined> {
    const result = await this.#send(`GET ${this.#where(key)}`, options.signal, async ({ client, sdk }, abortSignal) => {
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }), {
          abortSignal,
        })
        const body = await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()
        return { body, ...(out.ETag ? { etag: out.ETag } : {}) }
      } catch (error) {
        if (statusOf(error) === 404) return undefined
        throw error
      }
    })
    return result
  }

  async put(key: string, body: Uint8Array, options: RemotePutOptions = {}): Promise<PutResult> {
    return this.#send(`PUT ${this.#where(key)}`, options.signal, async ({ client, sdk }, abortSignal) => {
      // Ceph radosgw compares If-Match with the bare ETag; AWS accepts either form.
      const condition =
        options.ifMatch !== undefined ? { IfMatch: options.ifMatch.replace(/^"(.*)"$/, '$1') } : { IfNoneMatch: '*' }
      try {
        await client.send(
          new sdk.PutObjectCommand({
            Bucket: this.bucket,
            Key: this.objectKey(key),
            Body: body,
            ContentType: 'application/octet-stream',
            ...condition,
          }),
          { abortSignal },
        )
        return 'stored'
      } catch (error) {
        // 412: the object exists (or changed since it was read); 409: a concurrent conditional write won.
        const status = statusOf(error)
        if (status === 412 || status === 409) return 'exists'
        throw error
      }
    })
  }

  /** Every entry object under the prefix, page by page. */
  async *list(options: { signal?: AbortSignal; pageSize?: number } = {}): AsyncGenerator<S3ObjectInfo> {
    let token: string | undefined
    const Prefix = this.prefix ? `${this.prefix}/` : undefined
    do {
      const page = await this.#send(`LIST ${this.location}`, options.signal, ({ client, sdk }, abortSignal) =>
        client.send(
          new sdk.ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix,
            ContinuationToken: token,
            ...(options.pageSize ? { MaxKeys: options.pageSize } : {}),
          }),
          {
            abortSignal,
          },
        ),
      )
      for (const object of page.Contents ?? []) {
        const name = (object.Key ?? '').slice(Prefix?.length ?? 0)
        if (name === '' || name.includes('/') || name === PROBE_KEY) continue
        yield { key: name, size: object.Size ?? 0, lastModified: object.LastModified }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token !== undefined)
  }

  /**
   * Whether the remote answers: `undefined` when it does, else why not. One request, no retry: a run's main
   * process asks once, so a dead or hung remote costs one timeout per run, not one per worker or prompt.
   */
  async probe(): Promise<RemoteStoreError | undefined> {
    try {
      await this.#send(
        `GET ${this.#where(PROBE_KEY)}`,
        undefined,
        async ({ client, sdk }, abortSignal) => {
          try {
            await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(PROBE_KEY) }), {
              abortSignal,
            })
          } catch (error) {
            const status = statusOf(error)
            // Missing (404), or hidden from a principal without s3:ListBucket (403 AccessDenied): it answers.
            if (status === 404 || (status === 403 && (error as { name?: string }).name === 'AccessDenied')) return
            throw error
          }
        },
        false,
      )
      return undefined
    } catch (error) {
      return error as RemoteStoreError
    }
  }

  /** Frees the client's sockets. */
  async close(): Promise<void> {
    const made = this.#client
    this.#client = undefined
    const clients = made && (await made.catch(() => undefined))
    clients?.client.destroy()
    clients?.once.destroy()
  }

  #where(key: string): string {
    return `${this.location}/${key}`
  }

  async #send<T>(
    what: string,
    signal: AbortSignal | undefined,
    run: (made: { client: S3Client; sdk: SdkModule }, abortSignal: AbortSignal) => Promise<T>,
    retry = true,
  ): Promise<T> {
    this.#client ??= makeClients(this.#options, this.#timeoutMs)
    const { client, once, sdk } = await this.#client
    // One deadline for the request and its retry (loading the SDK is not the server's time): a hung
    // server costs `timeoutMs`, once.
    const deadline = AbortSignal.timeout(this.#timeoutMs)
    const abortSignal = signal ? AbortSignal.any([signal, deadline]) : deadline
    try {
      return await run({ client: retry ? client : once, sdk }, abortSignal)
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      throw classify(error, what, deadline.aborted)
    }
  }
}
