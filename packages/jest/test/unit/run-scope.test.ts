import { describe, expect, test } from 'vitest'
import { partialRunReason, type RunProgress } from '../../src/internal/run-scope.js'

/** A run of two test files that both finished, `skipped` tests skipped. */
const done = (skipped = 0): RunProgress => ({
  numTotalTestSuites: 2,
  testResults: [{}, {}],
  numFailedTests: 0,
  numPendingTests: skipped,
})

describe('whether a Jest run ran every test', () => {
  test('a plain run on Jest 29 or 30 did', () => {
    expect(partialRunReason({ testPathPattern: '' }, done())).toBeUndefined()
    expect(partialRunReason({ testPathPatterns: { patterns: [] }, testNamePattern: '' }, done())).toBeUndefined()
    expect(partialRunReason({}, done(), ['--maxWorkers=2', '--russo-prune', '--', '--selectProjects'])).toBeUndefined()
  })

  test('shards, name and path filters, changed-file runs and skipped tests did not', () => {
    expect(partialRunReason({ shard: { shardIndex: 1, shardCount: 2 } }, done())).toBe('this run is shard 1/2')
    expect(partialRunReason({ testNamePattern: 'books' }, done())).toBe('a test name filter (-t) left out tests')
    expect(partialRunReason({ testPathPattern: 'a.test' }, done())).toBe('a test path filter left out test files')
    expect(partialRunReason({ testPathPatterns: { patterns: ['a.test'] } }, done())).toBe(
      'a test path filter left out test files',
    )
    expect(partialRunReason({ onlyChanged: true }, done())).toBe('only tests related to changed files ran')
    expect(partialRunReason({ onlyFailures: true }, done())).toBe('only failed tests ran')
    expect(partialRunReason({ filter: './filter.js' }, done())).toBe('a --filter module left out tests')
    expect(partialRunReason({}, done(1))).toBe('1 test was skipped')
    expect(partialRunReason({}, done(3))).toBe('3 tests were skipped')
  })

  test('filters only the command line shows did not, however they are written', () => {
    for (const argv of [['--selectProjects', 'one'], ['--select-projects=one'], ['--ignoreProjects', 'two']]) {
      expect(partialRunReason({}, done(), argv)).toMatch(/^a project filter \(--(select|ignore)Projects\) left out/)
    }
    expect(partialRunReason({}, done(), ['--testMatch', '**/a.test.js'])).toBe(
      'a test file filter (--testMatch) left out test files',
    )
    expect(partialRunReason({}, done(), ['--test-path-ignore-patterns=b'])).toBe(
      'a test file filter (--testPathIgnorePatterns) left out test files',
    )
    expect(partialRunReason({}, done(), ['--changedSince=main'])).toBe('only tests related to changed files ran')
  })

  test('a run that stopped early did not', () => {
    const bailed = { numTotalTestSuites: 3, testResults: [{}], numFailedTests: 1, numPendingTests: 0 }
    expect(partialRunReason({ bail: 1 }, bailed)).toBe('the run stopped at its first failures (--bail)')
    expect(partialRunReason({ bail: 0 }, bailed)).toBe('the run stopped before every test file ran')
    expect(partialRunReason({}, { ...done(), wasInterrupted: true })).toBe('the run stopped before every test file ran')
  })
})
