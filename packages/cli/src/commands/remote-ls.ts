import type { Context } from '../internal/context.js'
import { type CliRemote, remoteKeys } from './remote-open.js'

/** The result of `russo remote ls --json`. */
export interface RemoteLsOutput {
  remote: string
  objects: { key: string; bytes: number; lastModified: string | null; local: boolean }[]
}

/** Lists the bucket's entries, marking those the local cache has too. */
export async function remoteLs(ctx: Context, remote: CliRemote): Promise<void> {
  const listed = await remoteKeys(remote)
  const out: RemoteLsOutput = {
    remote: remote.location,
    objects: [...listed].map(([key, info]) => ({
      key,
      bytes: info.size,
      lastModified: info.lastModified?.toISOString() ?? null,
      local: ctx.cache.has(key),
    })),
  }
  if (ctx.json) return ctx.printJson(out)
  for (const object of out.objects) {
    ctx.out(
      `${object.key}  ${String(object.bytes).padStart(9)}  ${object.lastModified ?? '-'}${object.local ? '' : ctx.color.dim('  (not local)')}`,
    )
  }
  const local = out.objects.filter((o) => o.local).length
  ctx.out(`${out.objects.length} objects in ${out.remote}, ${local} of them in ${ctx.cacheDir}.`)
}
