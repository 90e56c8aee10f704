import { outcomeOf, type MissingPackPolicy, type PackStatus } from './pack-state.js'
import type { WaitEnd } from './wait.js'

export type Result = 'success' | 'failure' | 'timeout' | 'cancelled'

/** The wait's result, and the pack lists the outputs carry. */
export interface Verdict {
  readonly result: Result
  /** Whether the step fails: a failed pack under `fail-on-failure: false` does not. */
  readonly failStep: boolean
  readonly completed: readonly string[]
  readonly failed: readonly string[]
  readonly pending: readonly string[]
  readonly missing: readonly string[]
}

export interface VerdictPolicy {
  readonly missingPack: MissingPackPolicy
  readonly failOnFailure: boolean
}

/**
 * failure when any pack failed, a missing pack is not allowed, or AWS refused the wait;
 * else timeout when any is still pending at the deadline; else success. Cancellation
 * overrides all: the wait never finished.
 */
export function decide(packs: readonly PackStatus[], end: WaitEnd, policy: VerdictPolicy): Verdict {
  const names = (pred: (p: PackStatus) => boolean): string[] =>
    packs.filter(pred).map((p) => p.name)
  const completed = names((p) => outcomeOf(p.state) === 'completed')
  const failed = names((p) => outcomeOf(p.state) === 'failed')
  const missing = names((p) => outcomeOf(p.state) === 'missing')
  const pending = names((p) => {
    const outcome = outcomeOf(p.state)
    return (
      outcome === 'in-progress' ||
      outcome === 'unknown' ||
      (outcome === 'missing' && policy.missingPack === 'wait')
    )
  })
  const missingFails = policy.missingPack === 'fail' && missing.length > 0

  const lists = { completed, failed, pending, missing }
  if (end.kind === 'cancelled') return { result: 'cancelled', failStep: true, ...lists }
  if (end.kind === 'error' || missingFails) return { result: 'failure', failStep: true, ...lists }
  if (failed.length > 0)
    return {
      result: 'failure',
      failStep: policy.failOnFailure || end.kind === 'deadline',
      ...lists
    }
  if (end.kind === 'deadline' || pending.length > 0)
    return { result: 'timeout', failStep: true, ...lists }
  return { result: 'success', failStep: false, ...lists }
}
