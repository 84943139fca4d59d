// How the tests make each provider's speech model, so one suite runs on every SDK major.
import type { SpeechModel } from '../../src/index.js'

export type MakeModel = (settings: { url: string; apiKey: string }) => SpeechModel

export const API_KEY = 'sk-russo-test-key-3f9a0c6be1d24e58'

/**
 * ElevenLabs' provider has no base-URL option: its `fetch` option sends the request to the local
 * server instead, path and query unchanged.
 */
export function rerouteTo(url: string): typeof fetch {
  return (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input))
    return fetch(`${url}${target.pathname}${target.search}`, init)
  }
}
