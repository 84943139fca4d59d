import { spawn } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { PROMPTS } from '../fixtures/basic/prompts.js'
import { parseBlock, recordedBasic } from './helpers/fixture-project.js'

describe.concurrent('modes and run-level work (jest 30)', () => {
  test('offline: an unrecorded prompt fails its test with the CacheMissError message; the others pass', async () => {
    const project = await recordedBasic()
    const run = await project.run(['--russo-offline'], { env: { FIXTURE_EXTRA_PROMPT: 'Nobody recorded this' } })
    expect(run.code).toBe(1)
    expect(run.output).toContain('● extra prompt')
    expect(run.output).toMatch(/CacheMissError: .*Nobody recorded this/)
    expect(run.output).toContain('record it by running the tests once without --russo-offline')
    expect(run.output).toMatch(/Tests: +1 failed, 12 passed/)
    expect(project.calls()).toEqual([])
    expect(run.block).toMatchObject({ hits: 12, misses: 1, errors: 1 })
  })

  test('--russo-refresh on 3 workers synthesizes each prompt once across them', async () => {
    const project = await recordedBasic()
    const run = await project.run(['--russo-refresh'], { workers: 3 })
    expect(run.code, run.output).toBe(0)
    expect(project.processes(), 'the run used several workers').toBeGreaterThan(1)
    expect(project.calls().sort()).toEqual([...PROMPTS].sort())
    expect(run.block).toMatchObject({ syntheses: 3, hits: 9 })
  })

  test('--russo-prune removes entries no test used after a full passing run, not after a filtered one', async () => {
    const project = await recordedBasic()
    const extra = await project.run([], { env: { FIXTURE_EXTRA_PROMPT: 'Only once' } })
    expect(extra.code, extra.output).toBe(0)
    expect(project.entries()).toHaveLength(4)
    const filtered = await project.run(['--russo-prune', '-t', 'prompt 0'])
    expect(filtered.output).toContain('--russo-prune removed nothing: a test name filter (-t) left out tests')
    expect(project.entries()).toHaveLength(4)
    const full = await project.run([], { bin: 'jest', env: { RUSSO_PRUNE: '1' } })
    expect(full.code, full.output).toBe(0)
    expect(full.output).toContain('pruned 1 unused entry (--russo-prune)')
    expect(project.entries()).toHaveLength(3)
  })

  test('watch mode: --russo-clear-cache clears once, before the first run; each rerun has its own figures', async () => {
    const project = await recordedBasic()
    // No JSON report here: a report file written in the project makes Jest's watcher rerun (see README).
    project.write(
      'jest.config.js',
      "module.exports = { preset: '@russo/jest', testEnvironmentOptions: { russo: { synthesizer: './synthesizer.ts' } } }\n",
    )
    const child = spawn(
      process.execPath,
      [project.install.russoJestBin, '--watchAll', '--watchman=false', '--runInBand', '--russo-clear-cache'],
      { cwd: project.dir, env: project.env(), stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stderr = ''
    let closed = false
    const waiters = new Set<() => void>()
    const wake = () => {
      for (const waiter of [...waiters]) waiter()
    }
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      wake()
    })
    child.on('close', () => {
      closed = true
      wake()
    })
    const lines = () => stderr.split('\n').filter((line) => line.startsWith('russo  '))
    /** The n-th russo line; fails with the output if Jest exits first. */
    const blockNumber = (n: number) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          if (lines().length >= n) resolve(lines()[n - 1] as string)
          else if (closed) reject(new Error(`jest --watchAll exited before russo line ${n}:\n${stderr}`))
          else return
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      })
    try {
      const first = parseBlock(await blockNumber(1))
      expect(first).toMatchObject({ misses: 3, syntheses: 3 })
      expect(stderr).toContain('cleared 3 entries before the run (--russo-clear-cache)')
      appendFileSync(join(project.dir, 'tests/b.test.ts'), '// touched\n')
      const second = parseBlock(await blockNumber(2))
      expect(second).toMatchObject({ hits: 12, misses: 0, syntheses: 0 })
      expect(stderr.match(/cleared \d+ entries/g)).toHaveLength(1)
    } finally {
      child.kill()
    }
  })
})
