import { describe, expect, test } from 'vitest'
import { terminalSafe } from '../src/index.js'

describe('terminalSafe', () => {
  test('shows C0, DEL, C1 and a lone ESC visibly; leaves text, accents, emoji and wide characters', () => {
    expect(terminalSafe('a\u001b]52;c;SGk=\u0007b')).toBe('a\\e]52;c;SGk=\\x07b')
    expect(terminalSafe('\u001b[2K\u001b[1A up')).toBe('\\e[2K\\e[1A up')
    expect(terminalSafe('\u009b31m \u0085 \u007f \u0000')).toBe('\\x9b31m \\x85 \\x7f \\x00')
    expect(terminalSafe('end\u001b')).toBe('end\\e')
    expect(terminalSafe('line\nnext\tx\r')).toBe('line\\nnext\\tx\\r')
    expect(terminalSafe('néant café ☕ 東京 🇩🇪')).toBe('néant café ☕ 東京 🇩🇪')
  })

  test('keepNewlines leaves line breaks of a multi-line message and escapes the rest', () => {
    expect(terminalSafe('one\ntwo\u001b[H', { keepNewlines: true })).toBe('one\ntwo\\e[H')
  })

  test('no control character survives, for every code unit below U+00A0', () => {
    const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('')
    const codes = [...terminalSafe(all)].map((c) => c.charCodeAt(0))
    expect(codes.filter((c) => c < 0x20 || (c >= 0x7f && c < 0xa0))).toEqual([])
  })
})
