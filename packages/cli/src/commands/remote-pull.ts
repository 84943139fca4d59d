import { decodeRemoteEntry } from '@russo/cache'
import { CliError } from '../exit-codes.js'
import type { Context } from '../internal/context.js'
import { startProgress } from '../internal/progress.js'
import { readRunReport, usedKeys } from '../internal/run-report.js'
import { type CliRemote, remoteKeys } from './remote-open.js'

/** The result of `russo remote pull --json`. */
export interface RemotePullOutput {
  remote: string
  dryRun: boolean
  /** Fetched into the local cache (or, with `--dry-run`, to fetch). */
  pulled: string[]
  /** Already local. */
  present: number
  /** Wanted but not in the bucket. */
  missing: string[]
  /** Objects that failed their checks (damaged, forged, unsigned where a signature is asked for). */
  refused: { key: string; reason: string }[]
}

/** Fetches every entry of the bucket, or (with a run report) the keys that run used, into the local cache. */
export async function remotePull(
  ctx: Context,
  remote: CliRemote,
  options: { dryRun: boolean; report?: string; signingKey?: string },
): Promise<RemotePullOutput> {
  const listed = await remoteKeys(remote)
  let wanted: string[] = [...listed.keys()]
  if (options.report !== undefined) {
    const used = usedKeys([readRunReport(options.report)], ctx.cacheDir, wanted)
    if (typeof used === 'string') throw new CliError('RUSSO_CLI_USAGE', used)
    wanted = [...used]
  }
  const out: RemotePullOutput = {
    remote: remote.location,
    dryRun: options.dryRun,
    pulled: [],
    present: 0,
    missing: [],
    refused: [],
  }
  const todo = wanted.filter((key) => {
    if (ctx.cache.has(key)) out.present++
    else if (!listed.has(key)) out.missing.push(key)
    else return true
    return false
  })
  const progress = await startProgress('pull', todo.length, ctx.json)
  for (const key of todo) {
    if (options.dryRun) out.pulled.push(key)
    else await pullOne(ctx, remote, key, out, options.signingKey)
    progress.tick()
  }
  progress.stop()
  if (ctx.json) ctx.printJson(out)
  else {
    for (const key of out.pulled) ctx.out(`${options.dryRun ? 'would pull' : 'pulled'}  ${key}`)
    for (const key of out.missing) ctx.out(ctx.color.yellow(`missing  ${key}: not in ${out.remote}`))
    for (const { key, reason } of out.refused) ctx.out(ctx.color.red(`refused  ${key}: ${reason}`))
    ctx.out(
      `${out.pulled.length} ${options.dryRun ? 'to pull' : 'pulled'}, ${out.present} already local, ` +
        `${out.missing.length} missing, ${out.refused.length} refused.`,
    )
  }
  return out
}

async function pullOne(
  ctx: Context,
  remote: CliRemote,
  key: string,
  out: RemotePullOutput,
  signingKey?: string,
): Promise<void> {
  const found = await remote.get(key)
  if (found === undefined) {
    out.missing.push(key)
    return
  }
  const decoded = decodeRemoteEntry(key, found.body, signingKey ? { signingKey } : {})
  if (!decoded.ok) {
    out.refused.push({ key, reason: decoded.problem })
    return
  }
  const { meta, audio } = decoded
  ctx.cache.put(key, audio, {
    prompt: meta.prompt,
    ...(meta.extra ? { extra: meta.extra } : {}),
    ...(meta.synthMs !== undefined ? { synthMs: meta.synthMs } : {}),
  })
  out.pulled.push(key)
}
