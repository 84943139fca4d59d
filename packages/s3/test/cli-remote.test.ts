import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AudioCache, cacheKey, encodeRemoteEntry } from '@russo/cache'
import { describe, expect, inject, test } from 'vitest'
import { awsEnv, storeAs } from './helpers/store.js'

const BIN = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url))
const audio = (text: string) => ({
  data: new TextEncoder().encode(text),
  format: 'pcm',
  sampleRate: 16_000,
  channels: 1,
  sampleWidth: 2,
})

function russo(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    )
  })
}

function localCache(prompts: string[]): AudioCache {
  const cache = new AudioCache(mkdtempSync(join(tmpdir(), 'russo-cli-remote-')))
  for (const prompt of prompts)
    cache.put(cacheKey(prompt, { voice: 'v' }), audio(`audio:${prompt}`), { prompt, extra: { voice: 'v' } })
  return cache
}

describe('russo remote ls / push / pull', () => {
  test('push uploads what the bucket lacks (--dry-run first); ls lists; pull fetches into an empty cache', async () => {
    const url = `s3://${inject('radosgw').bucket}/cli-seed`
    const seed = localCache(['one', 'two', 'three'])
    const env = { ...awsEnv('writer'), RUSSO_REMOTE: url }
    const dry = await russo(['remote', 'push', '--dry-run', '--json', '--dir', seed.cacheDir], env)
    expect(dry.code, dry.stderr).toBe(0)
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, present: 0 })
    expect(JSON.parse(dry.stdout).uploaded).toHaveLength(3)
    const ls0 = await russo(['remote', 'ls', '--json', '--dir', seed.cacheDir], env)
    expect(JSON.parse(ls0.stdout).objects).toEqual([])
    const pushed = await russo(['remote', 'push', '--json', '--dir', seed.cacheDir], env)
    expect(JSON.parse(pushed.stdout).uploaded).toHaveLength(3)
    const again = await russo(['remote', 'push', '--json', '--dir', seed.cacheDir], env)
    expect(JSON.parse(again.stdout)).toMatchObject({ uploaded: [], present: 3 })

    const empty = join(mkdtempSync(join(tmpdir(), 'russo-cli-pull-')), '.russo_cache')
    const readEnv = { ...awsEnv('reader'), RUSSO_REMOTE: url }
    const listed = await russo(['remote', 'ls', '--json', '--dir', empty], readEnv)
    expect(JSON.parse(listed.stdout).objects.map((o: { local: boolean }) => o.local)).toEqual([false, false, false])
    const dryPull = await russo(['remote', 'pull', '--dry-run', '--json', '--dir', empty], readEnv)
    expect(JSON.parse(dryPull.stdout).pulled).toHaveLength(3)
    expect(new AudioCache(empty).size()).toBe(0)
    const pulled = await russo(['remote', 'pull', '--dir', empty], readEnv)
    expect(pulled.code, pulled.stderr).toBe(0)
    expect(pulled.stdout).toMatch(/3 pulled, 0 already local, 0 missing, 0 refused\./)
    const key = cacheKey('two', { voice: 'v' })
    expect(new TextDecoder().decode(new AudioCache(empty).get(key, { prompt: 'two' })?.data)).toBe('audio:two')
  })

  test('pull --report fetches only the keys the run used; a damaged object is refused (exit 1)', async () => {
    const url = `s3://${inject('radosgw').bucket}/cli-report`
    const writer = storeAs('writer', 'cli-report')
    const keys = ['a', 'b', 'c'].map((p) => cacheKey(p, { voice: 'v' }))
    for (const [i, p] of ['a', 'b'].entries()) {
      await writer.put(
        keys[i] as string,
        encodeRemoteEntry(
          keys[i] as string,
          { format: 'pcm', sampleRate: 16_000, prompt: p, extra: { voice: 'v' } },
          new TextEncoder().encode(p),
        ),
      )
    }
    const damaged = Buffer.from(
      encodeRemoteEntry(
        keys[2] as string,
        { format: 'pcm', sampleRate: 16_000, prompt: 'c', extra: { voice: 'v' } },
        new TextEncoder().encode('c'),
      ),
    )
    damaged.writeUInt8((damaged.at(-1) as number) ^ 1, damaged.length - 1)
    await writer.put(keys[2] as string, damaged)
    const dir = join(mkdtempSync(join(tmpdir(), 'russo-cli-report-')), '.russo_cache')
    const report = join(dir, '..', 'russo-report.json')
    writeFileSync(
      report,
      JSON.stringify({
        version: 1,
        cacheDirs: [dir],
        files: [{ project: '', file: 'x.test.ts', cacheDir: dir, stats: { hits: 1, misses: 0 }, keys: [keys[0]] }],
        unusedEntries: [],
      }),
    )
    const env = { ...awsEnv('reader'), RUSSO_REMOTE: url }
    const only = await russo(['remote', 'pull', '--json', '--report', report, '--dir', dir], env)
    expect(JSON.parse(only.stdout)).toMatchObject({ pulled: [keys[0]], refused: [] })
    const all = await russo(['remote', 'pull', '--json', '--dir', dir], env)
    expect(all.code).toBe(1)
    expect(JSON.parse(all.stdout)).toMatchObject({ pulled: [keys[1]], present: 1, refused: [{ key: keys[2] }] })
  })

  test('no remote given, or an unknown action: a usage error naming the fix', async () => {
    const none = await russo(['remote', 'ls'], {})
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/pass --remote s3:\/\/bucket\/prefix or set RUSSO_REMOTE/)
    const bad = await russo(['remote', 'sync', '--remote', 's3://bucket/x'], {})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/unknown action; use one of ls, push, pull/)
  })
})
