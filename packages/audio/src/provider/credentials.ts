import { isCredentialName } from '@russo/cache'

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
