/** A value as an error message shows it: strings quoted and shortened, objects by their class. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)
  if (value === null || value === undefined) return String(value)
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name
    return name === undefined || name === 'Object' ? 'a plain object' : withArticle(name)
  }
  if (typeof value === 'bigint') return `the BigInt ${value}n`
  if (typeof value === 'symbol') return `the symbol ${String(value.description)}`
  return `${typeof value} ${String(value)}`
}

/** "a Map", "an ArrayBuffer". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`
}
