import { describe, expect, test } from 'vitest'
import { partialRunReason } from '../../src/internal/run-scope.js'

describe('whether a Jest run ran every test', () => {
  test('a plain run on Jest 29 or 30 did', () => {
    expect(partialRunReason({ testPathPattern: '' }, 0)).toBeUndefined()
    expect(partialRunReason({ testPathPatterns: { patterns: [] }, testNamePattern: '' }, 0)).toBeUndefined()
  })

  test('shards, name and path filters, changed-file runs, project filters and skipped tests did not', () => {
    expect(partialRunReason({ shard: { shardIndex: 1, shardCount: 2 } }, 0)).toBe('this run is shard 1/2')
    expect(partialRunReason({ testNamePattern: 'books' }, 0)).toBe('a test name filter (-t) left out tests')
    expect(partialRunReason({ testPathPattern: 'a.test' }, 0)).toBe('a test path filter left out test files')
    expect(partialRunReason({ testPathPatterns: { patterns: ['a.test'] } }, 0)).toBe(
      'a test path filter left out test files',
    )
    expect(partialRunReason({ onlyChanged: true }, 0)).toBe('only tests related to changed files ran')
    expect(partialRunReason({ onlyFailures: true }, 0)).toBe('only failed tests ran')
    expect(partialRunReason({ selectProjects: ['one'] }, 0)).toBe('a project filter left out projects')
    expect(partialRunReason({}, 1)).toBe('1 test was skipped')
    expect(partialRunReason({}, 3)).toBe('3 tests were skipped')
  })
})
