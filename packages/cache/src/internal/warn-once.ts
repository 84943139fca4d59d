import type { RussoLogger } from '../types.js'

/** A warning per distinct id: a run with a broken cache gets one line per problem, not one per call. */
export class WarnOnce {
  readonly #seen = new Set<string>()

  constructor(readonly logger: RussoLogger) {}

  warn(id: string, message: string): void {
    if (this.#seen.has(id)) return
    this.#seen.add(id)
    this.logger.warn(message)
  }
}
