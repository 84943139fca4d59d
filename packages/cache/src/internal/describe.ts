/** A value as an error message shows it: strings quoted and shortened, objects by their class. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`
  if (typeof value === 'bigint') return `the BigInt ${value}n`
  return `${typeof value} ${String(value)}`
}
