import { credentialsInHeaders } from '@russo/audio/provider'
import type { SpeechModel } from './speech-model.js'

/** What `@ai-sdk/*` speech models keep in `config`: the base URL and the headers with the API key. */
interface ProviderConfig {
  url?: (options: { path: string; modelId: string }) => string
  headers?: unknown
}

export interface ProviderSettings {
  /** The base URL requests go to, or the provider's name where it cannot be read. */
  endpoint: string
  /** The credentials the requests carry: redacted from errors, digested to tell limits apart. */
  credentials: string[]
}

/**
 * Reads the endpoint and credential of an AI SDK speech model from its `config`, as every
 * `@ai-sdk/*` provider lays it out (`url({ path, modelId })`, `headers()` with the API key, possibly
 * async). Models of other shapes give their provider name and no credential. Throws what `headers()`
 * throws: the SDK's `LoadAPIKeyError` when no key is set.
 */
export async function readProviderSettings(model: SpeechModel, extra: readonly string[]): Promise<ProviderSettings> {
  const config = (model as { config?: ProviderConfig }).config
  let endpoint = model.provider
  try {
    const url = config?.url?.({ path: '', modelId: model.modelId })
    if (typeof url === 'string' && url !== '') endpoint = url
  } catch {
    // A provider whose url() needs more than this: its name stands for the endpoint.
  }
  const headers = typeof config?.headers === 'function' ? await config.headers() : config?.headers
  const record = headers !== null && typeof headers === 'object' ? (headers as Record<string, string | undefined>) : {}
  return { endpoint, credentials: [...credentialsInHeaders(record), ...extra] }
}
