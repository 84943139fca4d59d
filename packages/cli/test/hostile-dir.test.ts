import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cacheKey, type RemovalItem } from '@russo/cache'
import { describe, expect, test } from 'vitest'
import { damagedForeign, type HostileDir, hostileDir, namesIn } from '../../cache/test/helpers/hostile-dir.mjs'
import { tempCache } from './helpers/caches.js'
import { russo } from './helpers/run-russo.js'

/** A hostile cache directory (see the builder) in a fresh temp folder. */
function scene(): HostileDir {
  return hostileDir(join(tempCache(), '..', 'project'), cacheKey)
}

/** Control characters a terminal acts on; `ls`, `show`, … must print none of them from a prompt or path. */
function rawControls(text: string): string[] {
  return [...text].filter((c) => {
    const code = c.charCodeAt(0)
    return (code < 0x20 && c !== '\n') || (code >= 0x7f && code < 0xa0)
  })
}

interface Removing {
  name: string
  args: (s: HostileDir) => string[]
  /** Where `--json` output lists what goes. */
  listed: (json: Record<string, unknown>) => RemovalItem[]
}

function writeReport(s: HostileDir, keys: string[]): string {
  const path = join(s.dir, '..', 'run.json')
  const files = [{ project: '', file: 'a.test.ts', cacheDir: s.dir, stats: { hits: 1, misses: 0 }, keys }]
  writeFileSync(path, JSON.stringify({ version: 1, cacheDirs: [s.dir], files, unusedEntries: [] }))
  return path
}

const REMOVING: Removing[] = [
  { name: 'clear', args: () => ['clear', '--yes'], listed: (j) => j.removed as RemovalItem[] },
  {
    name: 'prune --older-than',
    args: () => ['prune', '--older-than', '1m'],
    listed: (j) => j.removed as RemovalItem[],
  },
  {
    name: 'prune --unused',
    args: (s) => ['prune', '--unused', '--report', writeReport(s, [s.ts[1] as string])],
    listed: (j) => j.removed as RemovalItem[],
  },
]

describe('every removing command on a hostile directory: the dry run lists exactly what the real run removes', () => {
  test.each(REMOVING)(
    '$name: dry run changes nothing; the real run removes exactly the listed files; foreign files intact',
    async (cmd) => {
      const s = scene()
      const before = namesIn(s.dir)
      const dry = await russo([...cmd.args(s), '--dry-run', '--dir', s.dir, '--json'])
      expect(dry.code, dry.stderr).toBe(0)
      expect(namesIn(s.dir)).toEqual(before)
      const planned = cmd
        .listed(dry.json())
        .map((item) => item.files.join(','))
        .sort()
      const real = await russo([...cmd.args(s), '--dir', s.dir, '--json'])
      expect(real.code, real.stderr).toBe(0)
      const removed = cmd.listed(real.json())
      expect(removed.map((item) => item.files.join(',')).sort()).toEqual(planned)
      const gone = before.filter((name) => !namesIn(s.dir).includes(name)).sort()
      expect(gone).toEqual(removed.flatMap((item) => item.files).sort())
      expect(damagedForeign(s)).toEqual([])
      for (const name of ['yarn.lock', 'Cargo.lock', 'uv.lock', 'flake.lock', 'intro.audio', 'settings.meta']) {
        expect(namesIn(s.dir)).toContain(name)
      }
    },
  )

  test('prune lists the truncated entry and the corrupt meta as corrupt, and keeps the LFS pointers (listed apart)', async () => {
    const s = scene()
    const dry = await russo(['prune', '--older-than', '1m', '--dry-run', '--dir', s.dir])
    expect(dry.stdout).toMatch(new RegExp(`would remove  ${s.truncated}  corrupt  audio has 500 bytes, meta says 1000`))
    expect(dry.stdout).toContain(`would remove  ${s.corruptMeta}  corrupt  meta is not valid JSON`)
    expect(dry.stdout).toContain(`kept  ${s.lfsPython}  LFS pointer`)
    const real = await russo(['prune', '--older-than', '1m', '--dir', s.dir])
    expect(real.stdout.replaceAll('would remove', 'removed')).toBe(dry.stdout.replaceAll('would remove', 'removed'))
    expect(namesIn(s.dir)).toEqual(expect.arrayContaining([`${s.lfsPython}.audio`, `${s.lfsTs}.audio`]))
  })

  test('verify --fix removes exactly the corrupt entries verify listed and the leftovers it lists; LFS pointers apart', async () => {
    const s = scene()
    const before = namesIn(s.dir)
    const check = await russo(['verify', '--dir', s.dir, '--json'])
    expect(check.code).toBe(1)
    expect(namesIn(s.dir)).toEqual(before)
    const listed = check.json<{ corrupt: { key: string }[]; lfsPointers: { key: string }[] }>()
    expect(listed.corrupt.map((c) => c.key).sort()).toEqual([s.truncated, s.corruptMeta].sort())
    expect(listed.lfsPointers.map((p) => p.key).sort()).toEqual([s.lfsPython, s.lfsTs].sort())
    const fix = await russo(['verify', '--fix', '--dir', s.dir, '--json'])
    const out = fix.json<{ corrupt: { key: string; removed: boolean }[]; cleanedUp: RemovalItem[] }>()
    expect(
      out.corrupt
        .filter((c) => c.removed)
        .map((c) => c.key)
        .sort(),
    ).toEqual([s.truncated, s.corruptMeta].sort())
    const gone = before.filter((name) => !namesIn(s.dir).includes(name)).sort()
    const corruptFiles = [s.truncated, s.corruptMeta].flatMap((k) => [`${k}.audio`, `${k}.meta`])
    expect(gone).toEqual([...corruptFiles, ...out.cleanedUp.flatMap((item) => item.files)].sort())
    expect(damagedForeign(s)).toEqual([])
    const text = await russo(['verify', '--dir', s.dir])
    expect(text.stdout).toContain('2 Git LFS pointers')
    expect(text.stdout).toContain('git lfs pull')
  })
})

describe('reading commands on a hostile directory', () => {
  test('ls, show, stats and verify finish (a FIFO never blocks), print no control byte, and JSON keeps the exact prompt', async () => {
    const s = scene()
    for (const args of [['ls'], ['show', s.ts[0] as string], ['stats'], ['verify'], ['ls', '--grep', 'Pay']]) {
      const run = await russo([...args, '--dir', s.dir])
      expect(run.code, args.join(' ')).toBeLessThan(2)
      expect(rawControls(run.stdout + run.stderr), args.join(' ')).toEqual([])
    }
    const ls = await russo(['ls', '--dir', s.dir])
    expect(ls.stdout).toContain('Pay now\\e]52;c;cm0gLXJmIH4=\\x07\\e[2K')
    const show = await russo(['show', s.ts[0] as string, '--dir', s.dir])
    expect(show.stdout).toContain(
      `prompt       Pay now\\e]52;c;cm0gLXJmIH4=\\x07\\e[2K\\e[1A\\e]0;pwned\\x07 or \\x9b31mlater\\e`,
    )
    const json = await russo(['ls', '--dir', s.dir, '--json'])
    const prompts = json.json<{ entries: { prompt: string }[] }>().entries.map((e) => e.prompt)
    expect(prompts).toContain(s.hostilePrompt)
    expect(damagedForeign(s)).toEqual([])
  })

  test('ls cuts a long prompt of control sequences between escapes, never inside one', async () => {
    const dir = tempCache()
    const { cacheKey, AudioCache } = await import('@russo/cache')
    const prompt = `${'x'.repeat(44)}\u001b]52;c;AAAA\u0007 tail`
    new AudioCache(dir).put(
      cacheKey(prompt),
      { data: new Uint8Array(8), format: 'pcm', sampleRate: 16000, channels: 1, sampleWidth: 2 },
      { prompt },
    )
    const run = await russo(['ls', '--dir', dir])
    const line = run.stdout.split('\n').find((l) => l.includes('xxxx')) as string
    expect(line).toContain(`${'x'.repeat(44)}\\e]…`)
    expect(rawControls(run.stdout)).toEqual([])
  })
})

test('clear on a directory it may not write exits 5 naming the path, and says nothing was cleared', async () => {
  const s = scene()
  const { spawnSync } = await import('node:child_process')
  spawnSync('chmod', ['-R', 'a+rX', join(s.dir, '..', '..')])
  spawnSync('chmod', ['0555', s.dir])
  // As root file modes do not apply: run the bin as 'nobody'.
  const run = await russo(
    ['clear', '--yes', '--dir', s.dir],
    process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {},
  )
  spawnSync('chmod', ['0755', s.dir])
  expect(run.code).toBe(5)
  expect(run.stderr).toMatch(new RegExp(`cannot remove ${s.dir}/\\S+.*EACCES`))
  expect(run.stdout).not.toContain('Removed')
})
