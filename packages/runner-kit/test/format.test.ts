import { emptyStats } from '@russo/cache'
import { expect, test } from 'vitest'
import { formatBlock } from '../src/index.js'

test('the block shows control characters of prompts and paths visibly: none reaches the terminal', () => {
  const prompt = 'pay\u001b]52;c;cm0gLXJm\u0007\u001b[2K \u009b31m now\u001b'
  const block = formatBlock({
    root: '/project',
    cacheDirs: ['/project/.russo_cache', '/elsewhere/\u001b]0;title\u0007cache'],
    modes: ['auto'],
    total: emptyStats(),
    unused: [{ cacheDir: '/project/.russo_cache', key: 'abc123abc123abc123abc123', prompt }],
    cleared: undefined,
    prune: undefined,
    dryRun: true,
    failed: false,
    ci: false,
  })
  expect(block).toContain('"pay\\e]52;c;cm0gLXJm\\x07\\e[2K \\x9b31m now\\e"')
  expect(block).toContain('/elsewhere/\\e]0;title\\x07cache')
  for (const raw of ['\u001b]', '\u0007', '\u009b', '\u001b[2K'])
    expect(block.includes(raw), JSON.stringify(raw)).toBe(false)
})
