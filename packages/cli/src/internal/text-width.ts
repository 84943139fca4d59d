/**
 * Columns a string takes on a terminal: 2 for East Asian wide and fullwidth characters and emoji, 0 for
 * combining marks and zero-width characters, 1 otherwise; one grapheme at a time. Written here rather
 * than taken from `string-width` (which cli-table3 uses) to keep `ls` to one linear pass with no
 * dependency; the ranges are those of Unicode's East_Asian_Width W and F.
 */
const ASCII = /^[\x20-\x7e]*$/
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u
const ZERO = /^(?:\p{M}|[\u200b-\u200f\u2060\ufeff])+$/u
/** What makes graphemes of several code points, or zero or double width outside the wide ranges. */
const CLUSTERS = /\p{M}|[\u200b-\u200f\u2060\ufeff]|\p{Extended_Pictographic}|\p{Regional_Indicator}/u
const WIDE_RANGES: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
]

let segmenter: Intl.Segmenter | undefined

export function textWidth(text: string): number {
  if (ASCII.test(text)) return text.length
  // Without marks, joiners or emoji every code point is its own grapheme: no segmenter (it is ~50x slower).
  if (!CLUSTERS.test(text)) {
    let width = 0
    for (const char of text) width += isWide(char.codePointAt(0) as number) ? 2 : 1
    return width
  }
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })
  let width = 0
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment)
  return width
}

function graphemeWidth(grapheme: string): number {
  if (ZERO.test(grapheme)) return 0
  if (EMOJI.test(grapheme)) return 2
  return isWide(grapheme.codePointAt(0) as number) ? 2 : 1
}

function isWide(code: number): boolean {
  return code >= 0x1100 && WIDE_RANGES.some(([from, to]) => code >= from && code <= to)
}
