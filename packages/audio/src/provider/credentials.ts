import { isCredentialName } from '@russo/cache'

/**
 * `text` with each of `secrets` (the credentials the adapter sends) replaced by `[redacted]`, and
 * nothing else: request ids, model names and other long tokens a provider echoes stay readable.
 * Secrets shorter than 4 characters are left alone (they would redact ordinary words).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text
  const longestFirst = [...new Set(secrets)].filter((s): s is string => s !== undefined && s.length >= 4)
  longestFirst.sort((a, b) => b.length - a.length)
  for (const secret of longestFirst) out = out.split(secret).join('[redacted]')
  return out
}

/**
 * The credentials among request headers: the values of headers named like one (`Authorization`,
 * `x-api-key`, `xi-api-key`, `x-goog-api-key`, …); of a `Bearer`/`Basic`/`Token` value the token
 * alone, so an echoed header reads `Bearer [redacted]`.
 */
export function credentialsInHeaders(headers: Record<string, string | undefined> | undefined): string[] {
  const found: string[] = []
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || !(isCredentialName(name) || /^(authorization|api-key|x-api-key)$/i.test(name))) continue
    found.push(/^(?:bearer|basic|token)\s+(.+)$/i.exec(value)?.[1] ?? value)
  }
  return found
}
