import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { cacheKey } from '../src/index.js'
import { pyJsonDumps } from '../src/internal/py-json.js'
import { findPython, runPython, warnNoPython } from './helpers/python.js'

interface Vector {
  prompt: string
  extra: Record<string, unknown>
  json: string
  key: string
}

const vectors = (
  JSON.parse(readFileSync(new URL('./fixtures/cache-keys.json', import.meta.url), 'utf8')) as { vectors: Vector[] }
).vectors

/**
 * Values whose JSON text is easy to get wrong. `py` is the Python expression of the same value,
 * `pyJson` what CPython 3.11's json.dumps printed for it (checked again live when python3 exists).
 */
interface Case {
  name: string
  extra: Record<string, unknown>
  py: string
  pyJson: string
}

const v = (name: string, js: unknown, py: string, pyRepr: string): Case => ({
  name,
  extra: { v: js },
  py: `{'v': ${py}}`,
  pyJson: `{"prompt": "n", "v": ${pyRepr}}`,
})

const agreeing: Case[] = [
  v('1e-5 (exponent below 1e-4)', 1e-5, '1e-5', '1e-05'),
  v('0.0001 (positional from 1e-4)', 0.0001, '0.0001', '0.0001'),
  v('-2.5e-7', -2.5e-7, '-2.5e-7', '-2.5e-07'),
  v('1e16 (exponent from 1e16)', 1e16, '1e16', '1e+16'),
  v('1.5e16', 1.5e16, '1.5e16', '1.5e+16'),
  v('1e22', 1e22, '1e22', '1e+22'),
  v('123.456', 123.456, '123.456', '123.456'),
  v('0.1', 0.1, '0.1', '0.1'),
  v('0.1 + 0.2 (shortest round-trip digits)', 0.1 + 0.2, '0.1 + 0.2', '0.30000000000000004'),
  v('5e-324 (smallest subnormal)', 5e-324, '5e-324', '5e-324'),
  v('largest double', Number.MAX_VALUE, '1.7976931348623157e308', '1.7976931348623157e+308'),
  v('2**53 (int)', 2 ** 53, '2**53', '9007199254740992'),
  v('-(10**15) (int)', -(10 ** 15), '-(10**15)', '-1000000000000000'),
  {
    name: 'nested arrays and objects, keys sorted at every level',
    extra: { b: [1, 2.5, null, true, { z: {}, a: [] }], a: { y: [[]], x: -3 } },
    py: "{'b': [1, 2.5, None, True, {'z': {}, 'a': []}], 'a': {'y': [[]], 'x': -3}}",
    pyJson: '{"a": {"x": -3, "y": [[]]}, "b": [1, 2.5, null, true, {"a": [], "z": {}}], "prompt": "n"}',
  },
  {
    name: 'keys sort by code point: U+FFFF and U+E000 before astral U+1F600 (UTF-16 order would differ)',
    extra: { '\u{1F600}': 1, '\uffff': 2, '\ue000': 3, z: 4 },
    py: "{'\\U0001F600': 1, '\\uffff': 2, '\\ue000': 3, 'z': 4}",
    pyJson: '{"prompt": "n", "z": 4, "\\ue000": 3, "\\uffff": 2, "\\ud83d\\ude00": 1}',
  },
  {
    name: 'lone and reversed surrogates are escaped unit by unit',
    extra: { '\ud800': 'high', lo: '\udc00', rev: 'a\ude00\ud83db' },
    py: "{'\\ud800': 'high', 'lo': '\\udc00', 'rev': 'a\\ude00\\ud83db'}",
    pyJson: '{"lo": "\\udc00", "prompt": "n", "rev": "a\\ude00\\ud83db", "\\ud800": "high"}',
  },
]

/** JavaScript has one number type: an integral value prints as a Python int, whatever Python had. */
const differing: Case[] = [
  v('1.0', 1, '1.0', '1.0'),
  v('-0.0', -0, '-0.0', '-0.0'),
  v('1e15', 1e15, '1e15', '1000000000000000.0'),
]
/** From 1e16 up (past exact JS integers) an integral number prints as a Python float, not an int. */
const bigInt = v('10**16 (int)', 1e16, '10**16', '10000000000000000')
const differingAsInt: Case[] = [
  v('1', 1, '1', '1'),
  v('0', -0, '0', '0'),
  v('10**15', 1e15, '10**15', '1000000000000000'),
]

const PY_KEYS = `
import hashlib, json, sys
out = []
for expr in json.load(sys.stdin):
    blob = json.dumps({"prompt": "n", **eval(expr)}, sort_keys=True)
    out.append({"json": blob, "key": hashlib.sha256(blob.encode()).hexdigest()[:24]})
json.dump(out, sys.stdout)
`

const sha24 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24)

describe('cacheKey matches CPython', () => {
  test('the vector file is not empty', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(15)
  })

  test.each(vectors.map((vector, i) => ({ ...vector, i })))('vector $i: $key', ({ prompt, extra, json, key }) => {
    expect(pyJsonDumps({ prompt, ...extra })).toBe(json)
    expect(cacheKey(prompt, extra)).toBe(key)
  })

  test.each(agreeing)('$name', ({ extra, pyJson }) => {
    expect(pyJsonDumps({ prompt: 'n', ...extra })).toBe(pyJson)
    expect(cacheKey('n', extra)).toBe(sha24(pyJson))
  })

  test('integral numbers print as ints below 1e16: Python 1.0 / -0.0 / 1e15 floats and the int 10**16 give other keys than JS 1 / 0 / 1e15 / 1e16', () => {
    differing.forEach((pyFloat, i) => {
      const pyInt = differingAsInt[i] as Case
      expect(pyJsonDumps({ prompt: 'n', ...pyFloat.extra })).toBe(pyInt.pyJson)
      expect(cacheKey('n', pyFloat.extra)).not.toBe(sha24(pyFloat.pyJson))
      expect(cacheKey('n', pyFloat.extra)).toBe(sha24(pyInt.pyJson))
    })
    expect(cacheKey('n', bigInt.extra)).not.toBe(sha24(bigInt.pyJson))
  })

  test('the recorded CPython output above is what python3 prints now', () => {
    const python = findPython()
    const cases = [...agreeing, ...differing, ...differingAsInt, bigInt]
    if (!python.found) {
      warnNoPython(python.reason, 'Checked the recorded CPython output and the vector file only.')
      for (const { prompt, extra, key } of vectors) expect(cacheKey(prompt, extra)).toBe(key)
      return
    }
    const live = runPython<{ json: string; key: string }[]>(
      python.command,
      ['-c', PY_KEYS],
      cases.map((c) => c.py),
    )
    expect(live.map((r) => r.json)).toEqual(cases.map((c) => c.pyJson))
    for (const [i, c] of agreeing.entries()) expect(cacheKey('n', c.extra), c.name).toBe(live[i]?.key)
  })
})

describe('cacheKey refuses what has no JSON form, naming the argument', () => {
  class Voice {
    name = 'Kore'
  }
  const cyclic: Record<string, unknown> = {}
  cyclic.self = cyclic

  test.each([
    ['a function', { f: () => 1 }, /extra\.f is a function/],
    ['a BigInt', { n: 10n }, /extra\.n is the BigInt 10n/],
    ['a Symbol', { s: Symbol('x') }, /extra\.s is the symbol x/],
    ['a cycle', { a: cyclic }, /extra\.a\.self refers back to itself/],
    ['a Date', { d: new Date(0) }, /extra\.d is a Date, not a plain object/],
    ['a Map', { m: new Map() }, /extra\.m is a Map/],
    ['a class instance', { voice: new Voice() }, /extra\.voice is a Voice/],
    ['NaN', { x: Number.NaN }, /extra\.x is NaN/],
    ['Infinity', { x: Number.POSITIVE_INFINITY }, /extra\.x is Infinity/],
    ['-Infinity deep in an array', { a: [1, Number.NEGATIVE_INFINITY] }, /extra\.a\[1\] is -Infinity/],
    ['a "prompt" key', { prompt: 'other' }, /extra must not contain "prompt"/],
  ])('%s', (_, extra, message) => {
    expect(() => cacheKey('hello', extra)).toThrowError(TypeError)
    expect(() => cacheKey('hello', extra)).toThrowError(message)
  })

  test.each([
    ['an array', [1]],
    ['a Map', new Map()],
    ['null', null],
    ['a string', 'voice'],
  ])('extra that is %s', (_, extra) => {
    expect(() => cacheKey('hello', extra as never)).toThrowError(/cacheKey: extra must be a plain object/)
  })

  test.each([[42], [null], [undefined], [{ text: 'hi' }]])('prompt %j', (prompt) => {
    expect(() => cacheKey(prompt as never)).toThrowError(/cacheKey: prompt must be a string/)
  })

  test('a null-prototype extra is a plain object, and the same key as a literal', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { voice: 'Kore' })
    expect(cacheKey('hello', bare)).toBe(cacheKey('hello', { voice: 'Kore' }))
  })

  test('an object seen twice without a cycle is fine', () => {
    const shared = { a: 1 }
    expect(pyJsonDumps({ x: shared, y: [shared] })).toBe('{"x": {"a": 1}, "y": [{"a": 1}]}')
  })
})
