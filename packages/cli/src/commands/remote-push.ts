import { encodeRemoteEntry, keyMatchesMeta } from '@russo/cache'
import type { Context } from '../internal/context.js'
import { startProgress } from '../internal/progress.js'
import { type CliRemote, remoteKeys } from './remote-open.js'

/** The result of `russo remote push --json`. */
export interface RemotePushOutput {
  remote: string
  dryRun: boolean
  /** Uploaded (or, with `--dry-run`, to upload). */
  uploaded: string[]
  /** Already in the bucket. */
  present: number
  /** Local entries that cannot go up, and why. */
  skipped: { key: string; reason: string }[]
}

/**
 * Uploads the local entries the bucket lacks (seeding it from a committed cache), conditionally: an object
 * another writer put meanwhile stays. Signed with RUSSO_REMOTE_SIGNING_KEY when set.
 */
export async function remotePush(
  ctx: Context,
  remote: CliRemote,
  dryRun: boolean,
  signingKey?: string,
): Promise<RemotePushOutput> {
  const listed = await remoteKeys(remote)
  const out: RemotePushOutput = { remote: remote.location, dryRun, uploaded: [], present: 0, skipped: [] }
  const todo: string[] = []
  for await (const { key, meta } of ctx.cache.entries()) {
    if (listed.has(key)) out.present++
    else if (!keyMatchesMeta(key, meta)) {
      out.skipped.push({
        key,
        reason: 'its prompt and extra do not make its key (a custom key, or an entry of Python russo with a key extra)',
      })
    } else todo.push(key)
  }
  const progress = await startProgress('push', todo.length, ctx.json)
  for (const key of todo) {
    const entry = ctx.cache.getEntry(key)
    if (entry === undefined) out.skipped.push({ key, reason: 'no longer a valid local entry' })
    else if (
      dryRun ||
      (await remote.put(key, encodeRemoteEntry(key, entry.meta, entry.audio.data, signingKey))) === 'stored'
    ) {
      out.uploaded.push(key)
    } else out.present++
    progress.tick()
  }
  progress.stop()
  if (ctx.json) ctx.printJson(out)
  else {
    for (const key of out.uploaded) ctx.out(`${dryRun ? 'would upload' : 'uploaded'}  ${key}`)
    for (const { key, reason } of out.skipped) ctx.out(ctx.color.yellow(`skipped  ${key}: ${reason}`))
    ctx.out(
      `${out.uploaded.length} ${dryRun ? 'to upload' : 'uploaded'}, ${out.present} already in ${out.remote}, ${out.skipped.length} skipped.`,
    )
  }
  return out
}
