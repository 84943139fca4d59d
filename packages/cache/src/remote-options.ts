import type { RemoteStore } from './remote-store.js'

/** `readwrite`: read on a local miss, upload what was synthesized. `read`: never write (PR jobs). */
export type RemoteMode = 'readwrite' | 'read'

export interface RemoteOptions {
  store: RemoteStore
  /** Default `readwrite`. */
  mode?: RemoteMode
  /** Fail closed: a remote error fails the call instead of turning the remote off. */
  required?: boolean
  /** Sign uploads and accept only objects signed with this key (HMAC-SHA256). */
  signingKey?: string
}
