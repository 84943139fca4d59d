import leven from 'leven'

/**
 * The known name a mistyped one most likely meant, or `undefined` when none is close: case is ignored
 * (`cachedir` → `cacheDir`), and a name that contains the typed one, or is contained in it, counts as
 * close (`--russo-clear` → `--russo-clear-cache`). Edit distance from `leven`, which is small and made
 * for this.
 */
export function nearest(typed: string, known: readonly string[], prefix = ''): string | undefined {
  const bare = (name: string) => name.slice(name.toLowerCase().startsWith(prefix.toLowerCase()) ? prefix.length : 0)
  const word = bare(typed).toLowerCase()
  if (word === '') return undefined
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const name of known) {
    const candidate = bare(name).toLowerCase()
    const contained = candidate.includes(word) || word.includes(candidate)
    const distance = leven(word, candidate)
    const close = contained || distance <= Math.max(2, Math.floor(candidate.length / 3))
    if (close && distance < bestDistance) {
      best = name
      bestDistance = distance
    }
  }
  return best
}

/** ` Did you mean X?` for messages, or nothing. */
export function didYouMean(typed: string, known: readonly string[], prefix = ''): string {
  const found = nearest(typed, known, prefix)
  return found === undefined ? '' : ` Did you mean ${found}?`
}
