import { describe, expect, test } from 'vitest'
import { renderTable } from '../src/internal/table.js'
import { textWidth } from '../src/internal/text-width.js'

describe('the ls table', () => {
  test('measures wide characters, emoji and combining marks as a terminal shows them', () => {
    expect(textWidth('abc')).toBe(3)
    expect(textWidth('東京')).toBe(4)
    expect(textWidth('☕ ok')).toBe(5)
    expect(textWidth('🇩🇪')).toBe(2)
    expect(textWidth('e\u0301')).toBe(1)
    expect(textWidth('한국어')).toBe(6)
  })

  test('aligns every column after wide and combining text; no trailing spaces', () => {
    const out = renderTable(
      ['key', 'prompt', 'size'],
      [
        ['a1', '東京へ', '1 kB'],
        ['b2', 'cafe\u0301 ☕', '22 kB'],
        ['c3', 'plain', '3 B'],
      ],
      (s) => s,
    )
    const lines = out.split('\n')
    const sizeColumn = lines.map((line) => textWidth(line.slice(0, line.lastIndexOf('  ') + 2)))
    expect(new Set(sizeColumn).size).toBe(1)
    expect(lines.every((line) => line === line.trimEnd())).toBe(true)
    expect(lines[0]).toBe('key  prompt   size')
  })
})
