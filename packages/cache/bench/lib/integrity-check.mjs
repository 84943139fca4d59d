import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AudioCache } from '../../dist/index.js'
import { freshDir, prompts, writeEntries } from './fixtures.mjs'

const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1\noid sha256:0000\nsize 102400\n'

/** How each kind of damage is caught: by the cheap checks of every `get`, or only by `verify()`. */
const CASES = [
  { damage: 'intact entry', expectHit: true, apply: () => {} },
  { damage: 'audio truncated to half', expectHit: false, apply: (p) => truncateSync(p.audio, 50 * 1024) },
  {
    damage: 'audio replaced by a Git LFS pointer',
    expectHit: false,
    apply: (p) => writeFileSync(p.audio, LFS_POINTER),
  },
  { damage: 'audio missing (torn: meta only)', expectHit: false, apply: (p) => rmSync(p.audio) },
  { damage: 'meta missing (torn: audio only)', expectHit: false, apply: (p) => rmSync(p.meta) },
  { damage: 'meta cut mid-JSON', expectHit: false, apply: (p) => truncateSync(p.meta, 40) },
  {
    damage: 'one audio byte flipped, length kept',
    expectHit: true,
    byVerify: true,
    apply: (p) => {
      const data = readFileSync(p.audio)
      data[1000] ^= 0xff
      writeFileSync(p.audio, data)
    },
  },
]

export async function checkIntegrity({ root }) {
  const dir = freshDir(join(root, 'integrity'))
  const keys = writeEntries(dir, prompts('integrity', CASES.length))
  // The warnings are expected here; kept off the bench's output.
  const cache = new AudioCache(dir, { logger: { warn: () => {} } })
  const rows = CASES.map((c, i) => {
    const key = keys[i]
    c.apply({ audio: join(dir, `${key}.audio`), meta: join(dir, `${key}.meta`) })
    return {
      key,
      damage: c.damage,
      expectHit: c.expectHit,
      byVerify: c.byVerify === true,
      hit: cache.get(key) !== undefined,
    }
  })
  const report = await cache.verify()
  const flagged = new Set(report.corrupt.map((c) => c.key))
  return rows.map(({ key, ...row }) => ({
    ...row,
    flaggedByVerify: flagged.has(key),
    ok: row.hit === row.expectHit && (!row.byVerify || flagged.has(key)),
  }))
}
