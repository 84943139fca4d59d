// `.meta` files hold the key extra and are committed: a credential there would be published.

/** Field names, lowercased without `_` and `-`, that hold credentials; a name ending in one is refused. */
const CREDENTIAL_ENDINGS = [
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'authorization',
  'credential',
  'credentials',
  'privatekey',
  'accesskey',
  'secretkey',
  'bearer',
]

/** Whether a field name looks like it holds a credential: `apiKey`, `API_KEY`, `xi-api-key`, `accessToken`, … */
export function isCredentialName(name: string): boolean {
  const normal = name.toLowerCase().replace(/[-_\s]/g, '')
  return CREDENTIAL_ENDINGS.some((ending) => normal.endsWith(ending))
}

/**
 * Refuses a key extra with a field (at any depth) whose name looks like a credential, with a
 * `TypeError` naming the field path. `maxTokens` passes: only names ending in a credential word fail.
 */
export function assertNoCredentialFields(extra: Record<string, unknown>, where: string): void {
  const visit = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return
    for (const [name, inner] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${path}[${name}]` : `${path}.${name}`
      if (!Array.isArray(value) && isCredentialName(name)) {
        throw new TypeError(
          `${where}: cacheKeyExtra field "${at.slice(1)}" looks like a credential. The key extra is written to ` +
            'every .meta file, which are committed: pass credentials to the provider, never in cacheKeyExtra.',
        )
      }
      visit(inner, at)
    }
  }
  visit(extra, '')
}
