import { describe } from './describe.js'
import { isPlainObject } from './plain.js'

/**
 * Byte-for-byte `json.dumps(value, sort_keys=True)` of CPython, which Python russo hashes for its keys.
 * `JSON.stringify` differs in separators, escaping and float format; `fast-json-stable-stringify`
 * sorts keys but keeps JavaScript's separators and escaping, so neither can be used here.
 */
export function pyJsonDumps(value: unknown, name = 'value'): string {
  return encode(value, name, new Set())
}

function encode(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return encodeString(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      return encodeNumber(value, path)
    case 'object':
      return encodeContainer(value, path, seen)
    default:
      throw new TypeError(
        `${path} is ${describe(value)}, which has no JSON form; use strings, numbers, booleans, null, arrays and plain objects.`,
      )
  }
}

function encodeContainer(value: object, path: string, seen: Set<object>): string {
  if (seen.has(value)) throw new TypeError(`${path} refers back to itself (a cycle); pass a tree of plain values.`)
  seen.add(value)
  let out: string
  if (Array.isArray(value)) {
    // As JSON.stringify: an undefined item is null, an undefined property is left out.
    out = `[${value.map((item, i) => (item === undefined ? 'null' : encode(item, `${path}[${i}]`, seen))).join(', ')}]`
  } else {
    if (!isPlainObject(value)) {
      throw new TypeError(`${path} is ${describe(value)}, not a plain object; convert it to plain JSON values first.`)
    }
    const record = value
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort(compareCodePoints)
    out = `{${keys.map((k) => `${encodeString(k)}: ${encode(record[k], `${path}.${k}`, seen)}`).join(', ')}}`
  }
  seen.delete(value)
  return out
}

/** Python sorts str keys by code point; JavaScript's default sort compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]()
  const bi = b[Symbol.iterator]()
  for (;;) {
    const x = ai.next()
    const y = bi.next()
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0)
    if (d !== 0) return d
  }
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
}

/** `ensure_ascii=True`: everything outside space..~ as \uXXXX per UTF-16 unit, as CPython does. */
function encodeString(s: string): string {
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) {
      out += s[i]
    } else {
      const ch = s[i] as string
      out += SHORT_ESCAPES[ch] ?? `\\u${c.toString(16).padStart(4, '0')}`
    }
  }
  return `${out}"`
}

/**
 * Integral numbers print as Python ints (JavaScript cannot tell `1.0` from `1`, so a Python key made
 * with the float `1.0` differs: document it); other floats follow Python's `repr`.
 */
function encodeNumber(n: number, path: string): string {
  if (!Number.isFinite(n)) {
    throw new TypeError(`${path} is ${n}, which is not valid JSON; use a finite number or a string.`)
  }
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n === 0 ? 0 : n)
  return pythonFloatRepr(n)
}

/** CPython's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16 up. */
function pythonFloatRepr(n: number): string {
  const [mantissa = '', exp = '0'] = n.toExponential().split('e')
  const negative = mantissa.startsWith('-')
  const digits = mantissa.replace('-', '').replace('.', '')
  const e = Number(exp)
  let body: string
  if (e < -4 || e >= 16) {
    const frac = digits.slice(1)
    const sign = e < 0 ? '-' : '+'
    body = `${digits[0]}${frac ? `.${frac}` : ''}e${sign}${String(Math.abs(e)).padStart(2, '0')}`
  } else if (e < 0) {
    body = `0.${'0'.repeat(-e - 1)}${digits}`
  } else if (digits.length > e + 1) {
    body = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`
  } else {
    body = `${digits}${'0'.repeat(e + 1 - digits.length)}.0`
  }
  return negative ? `-${body}` : body
}
