/** How an attempt that held a slot ended: a 429 lowers the shared limit, a success lets it grow back. */
export type SlotOutcome = 'ok' | 'rate-limited' | 'failed'

/** A place to send one request; give it back exactly once. */
export interface RequestSlot {
  release(outcome: SlotOutcome): void
}

/** Where requests wait their turn: `acquire` resolves when one may be sent, or rejects on abort. */
export interface RequestLimit {
  acquire(signal?: AbortSignal): Promise<RequestSlot>
}
