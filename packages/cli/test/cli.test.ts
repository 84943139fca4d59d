import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { putTs, tempCache } from './helpers/caches.js'
import { russo } from './helpers/run-russo.js'

const COMMANDS = ['ls', 'show', 'stats', 'verify', 'prune', 'clear', 'export', 'html']

describe('the russo bin', () => {
  test('--help lists every command and the exit codes; each command has its own --help', async () => {
    const top = await russo(['--help'])
    expect(top.code).toBe(0)
    for (const name of COMMANDS) expect(top.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'))
    expect(top.stdout).toContain('Exit codes:')
    const version = await russo(['--version'])
    expect([version.code, version.stdout.trim()]).toEqual([0, '0.1.0'])
    const helps = await Promise.all(COMMANDS.map((name) => russo([name, '--help'])))
    helps.forEach((help, i) => {
      expect([help.code, help.stdout], COMMANDS[i]).toEqual([0, expect.stringContaining(`Usage: russo ${COMMANDS[i]}`)])
      expect(help.stdout).toContain('--dir <path>')
      expect(help.stdout).toContain('--json')
    })
  })

  test('an unknown command or option is a usage error (exit 2) that points to --help', async () => {
    const unknown = await russo(['lsit'])
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("unknown command 'lsit'")])
    const option = await russo(['ls', '--colour'])
    expect([option.code, option.stderr]).toEqual([2, expect.stringContaining('(add --help for usage)')])
  })

  test('a missing cache directory: reading commands exit 3 with one message; --json prints the error as JSON', async () => {
    const missing = join(tempCache(), 'nope')
    const args: Record<string, string[]> = {
      ls: [],
      show: ['x'],
      stats: [],
      verify: [],
      prune: ['--older-than', '1d'],
      export: ['--all', '--out', join(missing, '..', 'out')],
      html: ['--out', join(missing, '..', 'p.html')],
    }
    for (const [name, rest] of Object.entries(args)) {
      const run = await russo([name, ...rest, '--dir', missing, '--json'])
      expect(run.code, name).toBe(3)
      expect(run.stderr, name).toBe(
        `russo: No cache directory at ${missing}. Run the tests once to record it, or pass --dir (or set RUSSO_CACHE_DIR) to where it is.\n`,
      )
      expect(run.json(), name).toEqual({
        error: { code: 'RUSSO_CLI_NOT_FOUND', message: expect.stringContaining(missing) },
      })
    }
    const clear = await russo(['clear', '--yes', '--dir', missing])
    expect([clear.code, clear.stdout]).toEqual([0, `Removed 0 entries from ${missing}; 0 foreign files stay.\n`])
  })

  test('a --dir below a file (ENOTDIR) is "no cache directory" too: exit 3 with a clear message', async () => {
    const file = join(tempCache(), 'a-file')
    writeFileSync(file, 'not a folder')
    for (const name of ['ls', 'stats', 'verify', 'clear']) {
      const run = await russo([name, '--dir', join(file, 'sub'), ...(name === 'clear' ? ['--yes'] : [])])
      expect([run.code, run.stderr], name).toEqual([
        3,
        expect.stringContaining('a part of that path is a file, not a folder'),
      ])
      expect(run.stderr, name).not.toContain('ENOTDIR')
    }
  })

  test('an empty cache directory is a cache of 0 entries: every command succeeds, show finds nothing', async () => {
    const dir = tempCache()
    const runs: [string[], number, string][] = [
      [['ls'], 0, `No entries in ${dir}.`],
      [['stats'], 0, '0 entries'],
      [['verify'], 0, '0 entries checked, 0 intact, 0 corrupt.'],
      [['prune', '--older-than', '1d'], 0, 'removed 0 of 0 entries'],
      [['clear', '--yes'], 0, 'Removed 0 entries'],
      [['export', '--all', '--out', join(dir, '..', 'out')], 0, 'Exported 0 entries'],
      [['html', '--out', join(dir, '..', 'page.html')], 0, '(0 entries'],
      [['show', 'anything'], 3, ''],
    ]
    for (const [args, code, text] of runs) {
      const run = await russo([...args, '--dir', dir])
      expect(run.code, args[0]).toBe(code)
      expect(run.stdout, args[0]).toContain(text)
    }
  })

  test('the cache is found in RUSSO_CACHE_DIR, else ./.russo_cache of the working directory', async () => {
    const dir = tempCache()
    const key = putTs(dir, 'found me')
    const fromEnv = await russo(['ls', '--json'], { env: { RUSSO_CACHE_DIR: dir } })
    expect(fromEnv.json<{ entries: { key: string }[] }>().entries.map((e) => e.key)).toEqual([key])
    const fromCwd = await russo(['ls', '--json'], { cwd: join(dir, '..'), env: { RUSSO_CACHE_DIR: undefined } })
    expect(fromCwd.json<{ cacheDir: string }>().cacheDir).toBe(dir)
  })

  test("a failure that is nobody's usage error exits 5 with the message, and as JSON with --json", async () => {
    const dir = tempCache()
    putTs(dir, 'anything')
    const run = await russo(['export', '--all', '--out', '/dev/null/out', '--dir', dir, '--json'])
    expect(run.code).toBe(5)
    expect(run.stderr).toMatch(/^russo: ENOTDIR: not a directory, mkdir '\/dev\/null\/out'\n$/)
    expect(run.json()).toEqual({ error: { code: 'RUSSO_CLI_FAILED', message: expect.stringContaining('ENOTDIR') } })
  })
})
