import { backoffDelay } from '../shared/backoff.js'
import { AGE_DIVISOR, JITTER_FRACTION } from '../shared/pacing.js'

/**
 * When to read the rules' evaluation statuses next, from AWS's own times.
 *
 * A read only buys latency near the moment a rule's evaluation lands. AWS Config evaluates a
 * rule on its own when the rule is created (during the pack's deployment) and when
 * StartConfigRulesEvaluation asks; neither gives a duration, and a pack's rules are evaluated
 * in stages over minutes. So each unsettled rule is timed from its reference: the latest of
 * the pack's completion (LastUpdateCompletedTime: every rule exists from then on), its own
 * activation (FirstActivatedTime) when that is later, and the start of an evaluation asked
 * on demand. Per reference age, as the deployment's schedule (src/wait/poll-schedule.ts):
 *
 *   quiet   below the quiet age (2 × min-delay, at most 20 s): no read; the first read, made
 *           at once by the caller, sees what was evaluated during the deployment;
 *   grid    then one read every min-delay (plus a little jitter);
 *   long    once min-delay is less than 1/120 of the age, one read every age/120;
 *   capped  no pause is ever longer than max-delay.
 *
 * A new rule whose first evaluation has started (FirstEvaluationStarted, no result yet) is
 * past its quiet age whatever its age: its result is due. The youngest reference sets the
 * pace: the wait ends only when every rule is settled. Throttling and errors back off
 * exponentially up to max-delay, reset by an answered round.
 *
 * Pure: time and randomness come in as values, so the benchmark simulates this very code.
 */

/** The quiet period is this many grid intervals of age… */
export const EVALUATION_QUIET_INTERVALS = 2

/** …and never more than this. */
export const EVALUATION_QUIET_CAP_MS = 20_000

/** An unsettled rule, as the schedule sees it. */
export interface PendingEvaluation {
  /** Epoch ms its awaited evaluation is timed from (see the module doc). */
  readonly referenceAt: number
  /** A new rule whose first evaluation has started and not ended. */
  readonly running?: boolean
}

export interface EvaluationScheduleInput {
  /** The clock's now, epoch ms, when the round ended. */
  readonly now: number
  readonly pending: readonly PendingEvaluation[]
  /** Answered rounds since the last one in which a rule settled; 0: the last round did. */
  readonly roundsSinceChange: number
  /** Rounds in a row that failed (throttled, timed out, transient error); 0: the last answered. */
  readonly failedRounds: number
  readonly minDelayMs: number
  readonly maxDelayMs: number
  /** In [0, 1); Math.random unless told. */
  readonly random?: () => number
}

export type EvaluationPollReason =
  'quiet' | 'grid' | 'long' | 'changed' | 'running' | 'throttled' | 'nothing-pending'

export interface NextEvaluationPoll {
  readonly delayMs: number
  readonly reason: EvaluationPollReason
}

/** The reference age below which no read is planned, for a given min-delay. */
export function evaluationQuietAgeMs(minDelayMs: number): number {
  return Math.min(EVALUATION_QUIET_CAP_MS, EVALUATION_QUIET_INTERVALS * minDelayMs)
}

/**
 * The pause before the next read of statuses, in whole ms, always within [minDelayMs,
 * maxDelayMs]. The caller makes the first read at once and keeps its deadline rules.
 */
export function nextEvaluationPoll(input: EvaluationScheduleInput): NextEvaluationPoll {
  const { now, minDelayMs, maxDelayMs, roundsSinceChange } = input
  const random = input.random ?? Math.random
  // No rule known yet (a pack's listing has not succeeded): min-delay, and the backoff below
  // when that listing keeps failing.
  if (input.pending.length === 0)
    return withBackoff({ delayMs: minDelayMs, reason: 'nothing-pending' }, input, random)
  const quietAge = evaluationQuietAgeMs(minDelayMs)

  // The youngest effective age sets the pace; a running first evaluation is past its quiet age.
  let age = Number.POSITIVE_INFINITY
  let running = false
  for (const rule of input.pending) {
    // AWS's times against the clock's: this only paces reads, so a reference ahead of ours
    // (AWS's clock ahead) is age 0; which result counts is decided on AWS's times alone.
    const own = Math.max(0, now - rule.referenceAt)
    const effective = rule.running ? Math.max(own, quietAge) : own
    if (effective < age || (effective === age && rule.running)) {
      age = effective
      running = rule.running === true && own < quietAge
    }
  }

  let baseMs: number
  let reason: EvaluationPollReason
  if (age < quietAge) {
    baseMs = quietAge - age
    reason = 'quiet'
  } else if (age / AGE_DIVISOR <= minDelayMs) {
    baseMs = minDelayMs
    reason = running ? 'running' : 'grid'
  } else if (roundsSinceChange === 0) {
    // A rule just settled: the pack's others are often evaluated in the same stage.
    baseMs = minDelayMs
    reason = 'changed'
  } else {
    baseMs = age / AGE_DIVISOR
    reason = 'long'
  }
  const jittered = baseMs + random() * JITTER_FRACTION * minDelayMs
  const delayMs = Math.round(Math.min(maxDelayMs, Math.max(minDelayMs, jittered)))
  return withBackoff({ delayMs, reason }, input, random)
}

/** Throttling or an outage: back off, but never read sooner than the schedule would. */
function withBackoff(
  planned: NextEvaluationPoll,
  input: EvaluationScheduleInput,
  random: () => number
): NextEvaluationPoll {
  if (input.failedRounds === 0) return planned
  const backoff = backoffDelay(input.failedRounds, input.minDelayMs, input.maxDelayMs, random)
  return backoff > planned.delayMs ? { delayMs: backoff, reason: 'throttled' } : planned
}
