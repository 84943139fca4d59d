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

// Long runs of key-like characters (OpenAI `sk-…`, Google `AIza…`, ElevenLabs hex keys, JWTs).
const TOKEN_LIKE = /\b(?:sk-[A-Za-z0-9_-]{8,}|AIza[A-Za-z0-9_-]{20,}|[A-Za-z0-9_-]{32,})\b/g

/**
 * `text` with every known secret, the value of every environment variable named like a credential
 * (`OPENAI_API_KEY`, `ELEVENLABS_API_KEY`, …) and every credential-looking token replaced by `[redacted]`.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text
  const fromEnv = Object.entries(process.env).flatMap(([name, value]) => (isCredentialName(name) ? [value] : []))
  for (const secret of [...secrets, ...fromEnv]) {
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join('[redacted]')
  }
  return out.replace(TOKEN_LIKE, '[redacted]')
}
