import { lstatSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { RemovalFailure, RemovalItem, RemovalPlan, RemovalReport } from '../removal.js'

/** How one item went: removed, left on purpose (with why), or some files failed. */
export type ItemOutcome = { removed: true } | { left: string } | { failed: RemovalFailure[] }

export function isPlan(value: unknown): value is RemovalPlan {
  return value !== null && typeof value === 'object' && Array.isArray((value as RemovalPlan).items)
}

export function emptyReport(plan: RemovalPlan): RemovalReport {
  return { ...plan, removed: [], left: [], failed: [] }
}

/** Removes exactly the plan's items, each with `remove`; nothing the plan does not name. */
export function executePlan(plan: RemovalPlan, remove: (item: RemovalItem) => ItemOutcome): RemovalReport {
  const report = emptyReport(plan)
  for (const item of plan.items) {
    const outcome = remove(item)
    if ('removed' in outcome) report.removed.push(item)
    else if ('left' in outcome) report.left.push({ item, reason: outcome.left })
    else report.failed.push(...outcome.failed)
  }
  return report
}

/**
 * Removes the item's files (meta first: without it the entry is no longer a hit); each only while it
 * is still a regular file (one replaced by a link or a FIFO since the plan stays). A file already gone
 * counts as removed.
 */
export function removeItemFiles(dir: string, item: RemovalItem): ItemOutcome {
  const ordered = [...item.files].sort((a, b) => rank(a) - rank(b))
  const failed: RemovalFailure[] = []
  const replaced: string[] = []
  for (const name of ordered) {
    const path = join(dir, name)
    try {
      if (!lstatSync(path).isFile()) {
        replaced.push(name)
        continue
      }
      rmSync(path)
    } catch (error) {
      const { code = 'EUNKNOWN', message } = error as NodeJS.ErrnoException
      if (code !== 'ENOENT') failed.push({ path, code, message })
    }
  }
  if (failed.length > 0) return { failed }
  return replaced.length > 0 ? { left: `${replaced.join(', ')} is no longer a regular file` } : { removed: true }
}

function rank(name: string): number {
  return name.endsWith('.meta') ? 0 : name.endsWith('.audio') ? 1 : 2
}
