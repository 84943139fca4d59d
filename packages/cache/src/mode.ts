import type { CacheMode } from './types.js'

export const CACHE_MODES: readonly CacheMode[] = Object.freeze(['auto', 'off', 'refresh', 'offline'])

export function isCacheMode(value: unknown): value is CacheMode {
  return typeof value === 'string' && (CACHE_MODES as readonly string[]).includes(value)
}
