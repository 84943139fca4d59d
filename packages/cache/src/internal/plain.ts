/**
 * A plain object: `{}` or `Object.create(null)`, from any realm. Objects made in node:vm contexts
 * (Vitest's vm pools, Jest's test context) have another realm's `Object.prototype`, so identity with
 * ours is the wrong test; what makes them plain is a prototype chain that ends right after it.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  if (Object.prototype.toString.call(value) !== '[object Object]') return false
  const proto = Object.getPrototypeOf(value) as object | null
  return proto === null || Object.getPrototypeOf(proto) === null
}

/** The record without its `undefined` values, as `JSON.stringify` (and so Python) would see it. */
export function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(record)) if (value !== undefined) out[name] = value
  return out
}
