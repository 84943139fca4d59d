import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cacheKey } from '@russo/cache'
import { afterEach, expect, test } from 'vitest'
import { damagedForeign, hostileDir } from '../../cache/test/helpers/hostile-dir.mjs'
import { clearOnce } from '../src/index.js'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

test('--russo-clear-cache uses the core rule: lockfiles and every other foreign file stay, russo entries go', () => {
  const root = mkdtempSync(join(tmpdir(), 'russo-clear-'))
  roots.push(root)
  const scene = hostileDir(root, cacheKey)
  const removed = clearOnce(scene.dir, '--russo-clear-cache')
  // Three russo-ts entries, Python's, the custom key's, two LFS pointers, truncated, corrupt meta, orphan audio.
  expect(removed).toBe(10)
  expect(damagedForeign(scene)).toEqual([])
  expect(readdirSync(scene.dir).sort()).toEqual([...scene.foreign.keys(), ...scene.special].sort())
  expect(clearOnce(scene.dir, '--russo-clear-cache')).toBeUndefined()
})
