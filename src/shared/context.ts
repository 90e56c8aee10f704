import type { Clock } from './clock.js'
import type { Log } from './log.js'

/**
 * What every stage after the inputs shares: one clock, one deadline, one cancellation and one
 * log. Passed whole, so that no stage can end up with a deadline or a signal of its own.
 */
export interface RunContext {
  readonly clock: Clock
  /** Epoch ms by which the whole run ends: the wait, the reads after it, the evaluation. */
  readonly deadline: number
  /** Aborts on cancellation (SIGINT/SIGTERM). */
  readonly signal: AbortSignal
  readonly log: Log
}
