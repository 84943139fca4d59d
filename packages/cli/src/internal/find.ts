import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CliError } from '../exit-codes.js'
import type { Context } from './context.js'
import type { EntryRow } from './entry-row.js'

/** A key prefix this long is specific enough to name an entry (`git`-style short keys). */
const MIN_PREFIX = 6

/**
 * The entries one KEY|TEXT argument names: the entry with that key (or unique key prefix), else those
 * whose prompt is TEXT, else those whose prompt contains it (any case). Stops with "not found" when none
 * does, saying so for a key whose entry is corrupt.
 */
export function findEntries(ctx: Context, rows: EntryRow[], query: string): EntryRow[] {
  const byKey = rows.filter((r) => r.key === query)
  if (byKey.length > 0) return byKey
  if (query.length >= MIN_PREFIX) {
    const byPrefix = rows.filter((r) => r.key.startsWith(query))
    if (byPrefix.length === 1) return byPrefix
  }
  const exact = rows.filter((r) => r.prompt === query)
  if (exact.length > 0) return exact
  const needle = query.toLowerCase()
  const partial = rows.filter((r) => r.prompt.toLowerCase().includes(needle))
  if (partial.length > 0) return partial
  if (/^[A-Za-z0-9_-]{1,128}$/.test(query) && existsSync(join(ctx.cacheDir, `${query}.meta`))) {
    throw new CliError(
      'RUSSO_CLI_NOT_FOUND',
      `Entry ${query} in ${ctx.cacheDir} is corrupt; \`russo verify\` says why, \`russo verify --fix\` removes it.`,
    )
  }
  throw new CliError(
    'RUSSO_CLI_NOT_FOUND',
    `No entry in ${ctx.cacheDir} has the key or a prompt containing "${query}"; \`russo ls\` lists them.`,
  )
}
