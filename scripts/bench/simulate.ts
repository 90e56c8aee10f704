/**
 * Simulated waits over the real schedule code: src/wait/poll-schedule.ts (the action's schedule)
 * and src/shared/backoff.ts (the schedule it replaces), against the baselines a user would write
 * instead. Virtual time, no I/O: a request takes 0 ms and sees a pack as done exactly when
 * its completion time is at or before the request. So the detection latency here is the
 * schedule's alone; the end-to-end runs add the real cost of a request and of the exit.
 */
import { backoffDelay } from '../../src/shared/backoff.js'
import { nextPollDelay } from '../../src/wait/poll-schedule.js'

/** Seeded PRNG (mulberry32): the same seed gives the same figures on any machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One pack of one run, times in ms from the first poll (t = 0). */
export interface SimPack {
  /** When its deployment was requested; 0 or earlier. */
  readonly requestedAt: number
  readonly doneAt: number
}

export interface SimRun {
  readonly calls: number
  /** From the last pack's completion to the request that saw the last pack done. */
  readonly detectionMs: number
}

/** What a batched schedule is told after each round. */
export interface RoundView {
  readonly now: number
  /** Packs still pending after this round. */
  readonly pending: readonly SimPack[]
  /** Answered rounds since the last in which a pack changed state (0: this one did). */
  readonly roundsSinceChange: number
  /** src/wait/wait-for-packs.ts's count today: there the first round is a change (packs start UNKNOWN). */
  readonly quietRounds: number
  readonly random: () => number
}

/** One call a round for every pending pack (the action: up to 20 names a call). */
export type BatchedSchedule = (view: RoundView) => number

/** A poller that waits for each pack on its own: pause before attempt `attempt` (1, 2, …). */
export type PerPackSchedule = (attempt: number, random: () => number) => number

export type Schedule =
  | { readonly kind: 'batched'; readonly next: BatchedSchedule }
  | { readonly kind: 'per-pack'; readonly next: PerPackSchedule }

/** Safety net: no schedule here needs more rounds than this for a 20-minute deployment. */
const MAX_ROUNDS = 100_000

function lastDone(packs: readonly SimPack[]): number {
  return Math.max(...packs.map((p) => p.doneAt))
}

/** Rounds at t = 0 and then after each pause, until a round sees every pack done. */
export function runBatched(
  packs: readonly SimPack[],
  next: BatchedSchedule,
  random: () => number
): SimRun {
  let now = 0
  let pending = [...packs]
  let roundsSinceChange = 0
  for (let rounds = 1; rounds <= MAX_ROUNDS; rounds++) {
    const still = pending.filter((p) => p.doneAt > now)
    // The first round only discovers the packs: a first answer is no change of state.
    const changed = rounds > 1 && still.length < pending.length
    roundsSinceChange = changed ? 0 : roundsSinceChange + 1
    const quietRounds = rounds === 1 ? 0 : Math.min(roundsSinceChange, rounds - 1)
    pending = still
    if (pending.length === 0) return { calls: rounds, detectionMs: now - lastDone(packs) }
    now += next({ now, pending, roundsSinceChange, quietRounds, random })
  }
  throw new Error('batched schedule never saw every pack done')
}

/** Each pack polled by its own loop from t = 0; the wait ends when the last loop does. */
export function runPerPack(
  packs: readonly SimPack[],
  next: PerPackSchedule,
  random: () => number
): SimRun {
  let calls = 0
  let seenAll = 0
  for (const pack of packs) {
    let now = 0
    for (let attempt = 1; ; attempt++) {
      calls += 1
      if (pack.doneAt <= now) break
      if (attempt >= MAX_ROUNDS) throw new Error('per-pack schedule never saw the pack done')
      now += next(attempt, random)
    }
    seenAll = Math.max(seenAll, now)
  }
  return { calls, detectionMs: seenAll - lastDone(packs) }
}

export function runSchedule(
  schedule: Schedule,
  packs: readonly SimPack[],
  random: () => number
): SimRun {
  return schedule.kind === 'batched'
    ? runBatched(packs, schedule.next, random)
    : runPerPack(packs, schedule.next, random)
}

/** The action's new default: src/wait/poll-schedule.ts with these inputs. */
export function actionSchedule(minDelayMs: number, maxDelayMs: number): Schedule {
  return {
    kind: 'batched',
    next: (view) =>
      nextPollDelay({
        now: view.now,
        pendingRequestedAt: view.pending.map((p) => p.requestedAt),
        roundsSinceChange: view.roundsSinceChange,
        failedRounds: 0,
        minDelayMs,
        maxDelayMs,
        random: view.random
      }).delayMs
  }
}

/**
 * The schedule being replaced, as src/wait/wait-for-packs.ts drives src/shared/backoff.ts: its quiet-round count
 * resets on any change, the first round included.
 */
export function backoffSchedule(minDelayMs: number, maxDelayMs: number): Schedule {
  return {
    kind: 'batched',
    next: (view) => backoffDelay(view.quietRounds, minDelayMs, maxDelayMs, view.random)
  }
}

export function fixedBatched(intervalMs: number): Schedule {
  return { kind: 'batched', next: () => intervalMs }
}

export function fixedPerPack(intervalMs: number): Schedule {
  return { kind: 'per-pack', next: () => intervalMs }
}

/**
 * `createWaiter` of @smithy/core (every `waitUntil…` of the AWS SDK for JavaScript v3),
 * its private `exponentialBackoffWithJitter` (dist-cjs/submodules/client/index.js, 3.41.1)
 * transcribed: before attempt n ≥ 1, a uniform pick in [min, min·2^(n-1)] capped at max, and
 * exactly max once n passes log2(max/min) + 1. The shortening near maxWaitTime is left out:
 * the waits simulated here end long before any waiter's time limit.
 */
export function sdkWaiter(minDelayS: number, maxDelayS: number): Schedule {
  const minMs = minDelayS * 1000
  const maxMs = maxDelayS * 1000
  const ceiling = Math.log(maxMs / minMs) / Math.log(2) + 1
  return {
    kind: 'per-pack',
    next: (attempt, random) => {
      if (attempt > ceiling) return maxMs
      const capped = Math.min(minMs * 2 ** (attempt - 1), maxMs)
      return minMs + random() * (capped - minMs)
    }
  }
}
