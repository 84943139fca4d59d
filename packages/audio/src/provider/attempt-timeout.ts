import { raceAbort } from './abort.js'

/** An attempt ran past `timeoutMs` (ours, or an SDK's own request timeout). */
export class AttemptTimeout extends Error {
  readonly timeoutMs: number | undefined

  constructor(timeoutMs: number | undefined) {
    super(timeoutMs === undefined ? 'the request timed out' : `no answer within timeoutMs (${timeoutMs} ms)`)
    this.name = 'AttemptTimeout'
    this.timeoutMs = timeoutMs
  }
}

/**
 * Runs one attempt with its own signal: aborted by the caller's signal, or after `timeoutMs`. The
 * attempt's promise is raced against that signal, so an SDK slow to notice cannot hold the caller.
 * An `AbortError`/`TimeoutError` the caller did not cause (an SDK's own timeout) is a timeout too.
 */
export async function attemptWithin<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<T> {
  const controller = new AbortController()
  const onAbort = () => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => controller.abort(new AttemptTimeout(timeoutMs)), timeoutMs)
    : undefined
  try {
    return await raceAbort(attempt(controller.signal), controller.signal)
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    if (controller.signal.reason instanceof AttemptTimeout) throw controller.signal.reason
    if (isAbortLike(error)) throw new AttemptTimeout(undefined)
    throw error
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}

function isAbortLike(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  return name === 'AbortError' || name === 'TimeoutError'
}
