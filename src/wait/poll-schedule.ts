import { backoffDelay } from '../shared/backoff.js'
import { AGE_DIVISOR, JITTER_FRACTION } from '../shared/pacing.js'
import type { PackStatus } from '../packs/pack-state.js'

/**
 * When to poll next, from how old the pending deployments are.
 *
 * A poll only buys latency near the moment a pack completes: a poll long before that sees
 * nothing, and an even grid of polls around it gives the lowest latency for a given number
 * of calls (an uneven one of the same mean spacing waits longer on average). AWS Config says
 * how old each deployment is (LastUpdateRequestedTime), and a conformance pack seldom
 * finishes within its first forty seconds, so the schedule is, per deployment age:
 *
 *   quiet   from the first poll to the quiet age: no poll (the first poll, made at once by
 *           the caller, sees a pack that is already done);
 *   grid    then one poll every min-delay (plus a little jitter);
 *   long    once min-delay is less than 1/120 of the age, one poll every age/120: the
 *           expected wait stays near 0.4 % of the deployment's length, and calls stop
 *           growing linearly with it;
 *   capped  no pause is ever longer than max-delay.
 *
 * The youngest pending pack sets the pace. The wait ends only when every pack is done, and a
 * pack in its quiet period is almost certainly not, so polls timed for an older pack then
 * would end nothing sooner. Once the youngest is past its quiet age, its interval is also the
 * shortest one any pending pack would ask for (the interval never shrinks with age), so the
 * older packs are served by the same calls.
 *
 * Pure: time and randomness come in as values, so the benchmark simulates this very code.
 */

/** The quiet period is this many grid intervals of age… */
export const QUIET_INTERVALS = 4

/**
 * …and never more than this: the fastest deployments documented finish after about 42 s.
 * Deriving the quiet period from min-delay below this cap keeps the schedule's shape the
 * same at any time scale (short delays in tests give a short quiet period too).
 */
export const QUIET_AGE_CAP_MS = 40_000

export interface ScheduleInput {
  /** The clock's now, epoch ms, when the round ended. */
  readonly now: number
  /**
   * For each pack still pending: when its current deployment was requested, epoch ms
   * (account packs: LastUpdateRequestedTime; organization packs: LastUpdateTime), or
   * undefined while the pack has never been answered for (or its answer carried no time).
   */
  readonly pendingRequestedAt: readonly (number | undefined)[]
  /**
   * Answered rounds since the last one in which a pack already seen changed state; 0: the
   * last round had such a change. A pack's first answer is not a change: it says nothing
   * about packs moving, and counting it would poll an old deployment at min-delay for nothing.
   */
  readonly roundsSinceChange: number
  /**
   * Rounds in a row that failed (throttled, timed out, a transient error, a listing that
   * repeats its NextToken), whatever the mode; 0: the last round answered.
   */
  readonly failedRounds: number
  readonly minDelayMs: number
  readonly maxDelayMs: number
  /** In [0, 1); Math.random unless told. */
  readonly random?: () => number
}

/** Which rule set the pause, for the debug log. */
export type PollReason =
  'quiet' | 'grid' | 'long' | 'changed' | 'unknown-age' | 'throttled' | 'none-known'

export interface NextPoll {
  readonly delayMs: number
  readonly reason: PollReason
}

/** The age below which no poll is planned, for a given min-delay. */
export function quietAgeMs(minDelayMs: number): number {
  return Math.min(QUIET_AGE_CAP_MS, QUIET_INTERVALS * minDelayMs)
}

interface Planned {
  readonly baseMs: number
  readonly reason: PollReason
}

/** The pause the youngest known deployment asks for, before jitter and bounds. */
function forAge(ageMs: number, minDelayMs: number, roundsSinceChange: number): Planned {
  const quietAge = quietAgeMs(minDelayMs)
  // Poll when it reaches the quiet age; the floor below keeps the min-delay spacing.
  if (ageMs < quietAge) return { baseMs: quietAge - ageMs, reason: 'quiet' }
  const longMs = ageMs / AGE_DIVISOR
  if (longMs <= minDelayMs) return { baseMs: minDelayMs, reason: 'grid' }
  // A change hints that packs deployed together are finishing: look again soon. (In the
  // quiet period it does not: another pack's change says nothing about a young one, and in
  // the grid the pause is min-delay already.)
  if (roundsSinceChange === 0) return { baseMs: minDelayMs, reason: 'changed' }
  return { baseMs: longMs, reason: 'long' }
}

/**
 * The pause before the next poll, in whole ms, always within [minDelayMs, maxDelayMs].
 * The caller makes the first poll at once and keeps its deadline rules; see the module doc
 * for the schedule itself.
 */
export function nextPollDelay(input: ScheduleInput): NextPoll {
  const { now, minDelayMs, maxDelayMs } = input
  const random = input.random ?? Math.random
  const bound = (ms: number): number => Math.round(Math.min(maxDelayMs, Math.max(minDelayMs, ms)))

  let youngest: number | undefined
  let unknown = false
  for (const requestedAt of input.pendingRequestedAt) {
    if (requestedAt === undefined) unknown = true
    else if (youngest === undefined || requestedAt > youngest) youngest = requestedAt
  }

  let planned: Planned | undefined
  if (youngest !== undefined) {
    // AWS's request time against the clock's: this only paces polls (nothing is decided on
    // it), so a request time ahead of ours (AWS's clock ahead) is a deployment of age 0.
    const age = Math.max(0, now - youngest)
    const forYoungest = forAge(age, minDelayMs, input.roundsSinceChange)
    planned = {
      baseMs: forYoungest.baseMs + random() * JITTER_FRACTION * minDelayMs,
      reason: forYoungest.reason
    }
  }
  if (unknown) {
    // Nothing to time a poll by (a pack not created yet, say): today's backoff from
    // min-delay, reset by a change, until an answer gives the pack an age.
    const blind = backoffDelay(input.roundsSinceChange, minDelayMs, maxDelayMs, random)
    if (planned === undefined || blind < planned.baseMs)
      planned = { baseMs: blind, reason: 'unknown-age' }
  }
  // No pack known yet (the first listing of every pack has not answered): min-delay, and
  // the backoff below when that listing fails.
  planned ??= { baseMs: minDelayMs, reason: 'none-known' }

  let delayMs = bound(planned.baseMs)
  let reason = planned.reason
  if (input.failedRounds > 0) {
    // Throttling or an outage, in every mode: back off exponentially up to max-delay, but
    // never poll sooner than the schedule would have.
    const backoff = backoffDelay(input.failedRounds, minDelayMs, maxDelayMs, random)
    if (backoff > delayMs) {
      delayMs = backoff
      reason = 'throttled'
    }
  }
  return { delayMs, reason }
}

/**
 * When the deployment a pack is in was requested, epoch ms, for the schedule: account packs
 * LastUpdateRequestedTime, organization packs LastUpdateTime. Undefined when the pack has no
 * current deployment to time by: never answered for, not there (NOT_FOUND), or still showing an
 * earlier deployment than the awaited one (`requested-after`), whose age says nothing about
 * when the awaited one will finish.
 */
export function requestedAtOf(status: PackStatus | undefined): number | undefined {
  if (status === undefined) return undefined
  if (status.state === 'UNKNOWN' || status.state === 'NOT_FOUND') return undefined
  if (status.state === 'PREVIOUS_DEPLOYMENT') return undefined
  return (status.detail.requestedAt ?? status.detail.updatedAt)?.getTime()
}
