import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

const SCANS = [
  [fs, 'readdirSync'],
  [fs, 'opendirSync'],
  [fs, 'readdir'],
  [fs, 'opendir'],
  [fs.promises, 'readdir'],
  [fs.promises, 'opendir'],
]

/**
 * Counts directory listings made while `fn` runs. Patching `node:fs` and syncing the builtin ESM
 * exports reaches the named imports of dist/ too.
 */
export async function countDirScans(fn) {
  let count = 0
  const originals = SCANS.map(([owner, name]) => owner[name])
  SCANS.forEach(([owner, name], i) => {
    owner[name] = function (...args) {
      count++
      return originals[i].apply(this, args)
    }
  })
  syncBuiltinESMExports()
  try {
    await fn()
  } finally {
    SCANS.forEach(([owner, name], i) => {
      owner[name] = originals[i]
    })
    syncBuiltinESMExports()
  }
  return count
}
