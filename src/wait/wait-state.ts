import type { CallFailure } from '../shared/failure.js'
import { describeWaitingFor, earlierOf } from '../packs/deployment.js'
import { describeChange } from '../packs/pack-text.js'
import {
  absent,
  isPending,
  outcomeOf,
  type DeletedState,
  type MissingPackPolicy,
  type PackStatus
} from '../packs/pack-state.js'
import { nextPollDelay, requestedAtOf, type PollReason } from './poll-schedule.js'

/**
 * What the wait for one region knows between its calls, and the pure transitions on it: an
 * answer seen, a round ended, the next poll planned. wait-for-packs.ts makes the calls and
 * logs the lines these return; time and randomness come in as values, as in poll-schedule.ts.
 */

/** Why the wait stopped. */
export type WaitEnd =
  | { readonly kind: 'settled' }
  | { readonly kind: 'deadline'; readonly lastError?: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string }

/** What a round of calls came to: answered, or the failure that ended it. */
export type RoundOutcome = { readonly kind: 'ok' } | CallFailure

/** From this many answers in the same in-progress state on, ask the source whether a pack has settled. */
export const SETTLE_AFTER_ROUNDS = 3

export interface WaitState {
  /** Every pack awaited, as last seen: in input order, or in the service's when listing. */
  readonly packs: ReadonlyMap<string, PackStatus>
  /** Whether the packs to await are known: named in the plan, or listed once. */
  readonly listed: boolean
  /** Whether AWS has answered at all: what fails the first call is set-up, later it is news. */
  readonly answered: boolean
  readonly rounds: number
  /** Answered rounds since one in which a pack already seen changed state (the schedule's reset). */
  readonly roundsSinceChange: number
  /** Rounds in a row that failed, in every mode: the schedule backs off from them. */
  readonly failedRounds: number
  /** The failure of the rounds in a row that failed with it. */
  readonly errorStreak?: { readonly message: string; readonly count: number }
  /** Consecutive answers in which each pack was in the same in-progress state. */
  readonly inProgressFor: ReadonlyMap<string, number>
  /** In the current round: whether any pack's state changed (a first answer included)… */
  readonly changed: boolean
  /** …and whether a pack already answered for changed state (a first answer is not news). */
  readonly moved: boolean
}

/** A transition's new state and the info lines it tells. */
export interface Told {
  readonly state: WaitState
  readonly lines: readonly string[]
}

/** Before the first round: the named packs, not answered for yet; or nothing, to list. */
export function initialState(names: readonly string[] | undefined): WaitState {
  return {
    packs: new Map((names ?? []).map((name) => [name, { name, state: 'UNKNOWN' }])),
    listed: names !== undefined,
    answered: false,
    rounds: 0,
    roundsSinceChange: 0,
    failedRounds: 0,
    inProgressFor: new Map(),
    changed: false,
    moved: false
  }
}

export function beginRound(state: WaitState): WaitState {
  return { ...state, rounds: state.rounds + 1, changed: false, moved: false }
}

export function pendingNames(state: WaitState, missingPack: MissingPackPolicy): string[] {
  return [...state.packs.values()].filter((p) => isPending(p.state, missingPack)).map((p) => p.name)
}

/** One pack's new status (already through the `requested-after` rule), seen at `now`. */
export function seePack(state: WaitState, next: PackStatus, now: number): Told {
  const previous = state.packs.get(next.name)
  const packs = new Map(state.packs).set(next.name, next)
  const stuck = outcomeOf(next.state) === 'in-progress' && previous?.state === next.state
  const inProgressFor = new Map(state.inProgressFor).set(
    next.name,
    stuck ? (state.inProgressFor.get(next.name) ?? 1) + 1 : 1
  )
  const seen = { ...state, packs, inProgressFor }
  if (previous?.state === next.state) return { state: seen, lines: [] }
  // A first answer says nothing about packs moving; a pack reappearing does.
  const moved = state.moved || (previous !== undefined && previous.state !== 'UNKNOWN')
  const earlier = earlierOf(next)
  // After an earlier deployment, the awaited one is a first sighting.
  const before = previous?.state === 'PREVIOUS_DEPLOYMENT' ? undefined : previous
  const line = earlier
    ? `${next.name}: ${describeWaitingFor(earlier)}`
    : describeChange(before, next, now)
  return { state: { ...seen, changed: true, moved }, lines: [line] }
}

/** Several packs' statuses in turn. */
export function seePacks(state: WaitState, packs: readonly PackStatus[], now: number): Told {
  const lines: string[] = []
  let current = state
  for (const pack of packs) {
    const told = seePack(current, pack, now)
    current = told.state
    lines.push(...told.lines)
  }
  return { state: current, lines }
}

/** The first listing of every pack: from now on these are the packs awaited. */
export function seeListing(state: WaitState, packs: readonly PackStatus[], now: number): Told {
  return seePacks({ ...state, listed: true, answered: true }, packs, now)
}

/**
 * The answer for one batch of names: each awaited name once (the first answer for it), and a
 * name asked for but left out is gone (`deletedState` for a pack seen deleting).
 */
export function seeBatch(
  state: WaitState,
  batch: readonly string[],
  reported: readonly PackStatus[],
  deletedState: DeletedState,
  now: number
): Told {
  const seen = new Set<string>()
  const answers = reported.filter((pack) => {
    if (!state.packs.has(pack.name) || seen.has(pack.name)) return false
    seen.add(pack.name)
    return true
  })
  const told = seePacks({ ...state, answered: true }, answers, now)
  const gone = batch.flatMap((name) => {
    const previous = told.state.packs.get(name)
    return previous && !seen.has(name) ? [absent(previous, deletedState)] : []
  })
  const after = seePacks(told.state, gone, now)
  return { state: after.state, lines: [...told.lines, ...after.lines] }
}

/** The packs in progress for SETTLE_AFTER_ROUNDS answers or more: worth asking whether they settled. */
export function settleCandidates(state: WaitState): PackStatus[] {
  return [...state.packs.values()].filter(
    (pack) =>
      (state.inProgressFor.get(pack.name) ?? 0) >= SETTLE_AFTER_ROUNDS &&
      outcomeOf(pack.state) === 'in-progress' &&
      // Settling an earlier deployment would tell nothing about the awaited one.
      pack.state !== 'PREVIOUS_DEPLOYMENT'
  )
}

export interface RoundEnded {
  readonly state: WaitState
  /** Set when the wait stops here. */
  readonly end?: WaitEnd
  /** What to tell about the round's failure, or about the answer after failures. */
  readonly line?: { readonly level: 'warning' | 'info'; readonly message: string }
}

/**
 * A round's outcome: a failed round counts toward the backoff (in every mode) and is warned
 * about once per streak; an answer resets it, and ends the wait when nothing is pending.
 */
export function endRound(
  state: WaitState,
  outcome: RoundOutcome,
  missingPack: MissingPackPolicy
): RoundEnded {
  if (outcome.kind === 'cancelled') return { state, end: { kind: 'cancelled' } }
  if (outcome.kind === 'permanent')
    return { state, end: { kind: 'error', message: outcome.message } }
  if (outcome.kind === 'transient') {
    const { message } = outcome
    const count = state.errorStreak?.message === message ? state.errorStreak.count + 1 : 1
    return {
      state: {
        ...state,
        failedRounds: state.failedRounds + 1,
        roundsSinceChange: state.moved ? 0 : state.roundsSinceChange,
        errorStreak: { message, count }
      },
      line:
        count === 1
          ? {
              level: 'warning',
              message: `AWS Config call failed, retrying at the next poll: ${message}`
            }
          : { level: 'info', message: `Still failing (${count} polls in a row): ${message}` }
    }
  }
  const answered: WaitState = {
    ...state,
    failedRounds: 0,
    roundsSinceChange: state.moved ? 0 : state.roundsSinceChange + 1,
    errorStreak: undefined
  }
  const streak = state.errorStreak
  return {
    state: answered,
    ...(pendingNames(answered, missingPack).length === 0 && { end: { kind: 'settled' } }),
    ...(streak && {
      line: {
        level: 'info',
        message: `AWS Config answered again after ${streak.count} failed poll(s).`
      }
    })
  }
}

export interface PollTiming {
  /** The clock's now when the round ended. */
  readonly now: number
  readonly deadline: number
  /** The last poll is placed so that its request still has this long before the deadline. */
  readonly lastPollReserve: number
  readonly minDelayMs: number
  readonly maxDelayMs: number
  readonly missingPack: MissingPackPolicy
  readonly random: () => number
}

export type NextStep =
  | { readonly kind: 'sleep'; readonly ms: number; readonly reason: PollReason }
  | { readonly kind: 'end'; readonly end: WaitEnd }

/**
 * After a round that did not end the wait: how long to sleep before the next one, or the
 * deadline's end when another poll would come too close to it.
 */
export function nextStep(state: WaitState, timing: PollTiming): NextStep {
  const { now, deadline } = timing
  const pending = pendingNames(state, timing.missingPack)
  // The youngest pending deployment sets the pace; the last known answer gives each its age.
  const next = nextPollDelay({
    now,
    pendingRequestedAt: pending.map((name) => requestedAtOf(state.packs.get(name))),
    roundsSinceChange: state.roundsSinceChange,
    failedRounds: state.failedRounds,
    minDelayMs: timing.minDelayMs,
    maxDelayMs: timing.maxDelayMs,
    random: timing.random
  })
  const nextPollAt = Math.min(now + next.delayMs, deadline - timing.lastPollReserve)
  // A poll squeezed in right before the deadline would be a burst: stop instead.
  if (nextPollAt - now < timing.minDelayMs)
    return { kind: 'end', end: { kind: 'deadline', lastError: state.errorStreak?.message } }
  return { kind: 'sleep', ms: nextPollAt - now, reason: next.reason }
}
