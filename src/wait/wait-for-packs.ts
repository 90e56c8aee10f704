import type { RunContext } from '../shared/context.js'
import type { CallFailure } from '../shared/failure.js'
import type { StatusSource } from './status-source.js'
import { checkDeployment, describeWaitingFor, earlierOf } from '../packs/deployment.js'
import { describeChange, formatDuration } from '../packs/pack-text.js'
import {
  absent,
  found,
  isPending,
  outcomeOf,
  type MissingPackPolicy,
  type PackStatus,
  type ReportedPack
} from '../packs/pack-state.js'
import { bestEffortSettling } from './settling.js'
import { nextPollDelay, requestedAtOf } from './poll-schedule.js'
import {
  REQUEST_TIMEOUT_MS,
  boundRequest,
  classifyFailure,
  type BoundedRequest
} from '../shared/request-policy.js'

export interface WaitPlan {
  /** Names to await; undefined: every pack the first round finds. */
  readonly names: readonly string[] | undefined
  readonly minDelayMs: number
  readonly maxDelayMs: number
  readonly missingPack: MissingPackPolicy
  /** Upper bound for one request (the time left bounds it further); default REQUEST_TIMEOUT_MS. */
  readonly requestTimeoutMs?: number
  /** The region asked, for errors that are about it (a host name that does not resolve). */
  readonly region?: string
  /**
   * Epoch ms (`requested-after`): a pack still showing a deployment requested before it is
   * awaited. Undefined: every answer is taken as the current deployment's.
   */
  readonly requestedAfter?: number
}

/** The run's context (its deadline ends the wait), the source, and who listens. */
export interface WaitDeps extends RunContext {
  readonly source: StatusSource
  readonly random?: () => number
  /** After every round: the packs as now known, and whether any state changed in it. */
  readonly onRound?: (packs: readonly PackStatus[], changed: boolean) => void
}

/** Why the wait stopped. */
export type WaitEnd =
  | { readonly kind: 'settled' }
  | { readonly kind: 'deadline'; readonly lastError?: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string }

export interface WaitResult {
  /** In input order, or in the service's order when listing the region. */
  readonly packs: readonly PackStatus[]
  readonly end: WaitEnd
  readonly startedAt: number
  readonly endedAt: number
  readonly rounds: number
}

/** From this many answers in the same in-progress state on, ask the source whether a pack has settled. */
export const SETTLE_AFTER_ROUNDS = 3

type RoundOutcome = { readonly kind: 'ok' } | CallFailure

/**
 * Polls until no pack is pending, the deadline passes, the run is cancelled, or a permanent
 * error occurs. Each round asks once per batch of pending names; terminal packs are no
 * longer asked for. Never throws for AWS trouble: that is the result's `end`.
 */
export async function waitForPacks(plan: WaitPlan, deps: WaitDeps): Promise<WaitResult> {
  const { source, clock, log, signal, deadline } = deps
  const random = deps.random ?? Math.random
  const requestTimeoutMs = plan.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const startedAt = clock.now()
  // The last poll is placed so that its request still has this long before the deadline.
  const lastPollReserve = Math.round(Math.min(1000, requestTimeoutMs, (deadline - startedAt) / 10))

  const packs = new Map<string, PackStatus>()
  for (const name of plan.names ?? []) packs.set(name, { name, state: 'UNKNOWN' })
  let listed = plan.names !== undefined
  let rounds = 0
  // Answered rounds since one in which a pack already seen changed state (the schedule's reset).
  let roundsSinceChange = 0
  // Rounds in a row that failed: the schedule backs off from them.
  let failedRounds = 0
  // Whether a pack already answered for changed state in the current round.
  let moved = false
  let errorStreak: { message: string; count: number } | undefined
  // Whether AWS has answered at all: what fails the first call is set-up, later it is news.
  let answered = false
  const settling = source.settle && bestEffortSettling(source.settle, log)

  const pendingNames = (): string[] =>
    [...packs.values()].filter((p) => isPending(p.state, plan.missingPack)).map((p) => p.name)

  // Consecutive answers in which each pack was in the same in-progress state.
  const inProgressFor = new Map<string, number>()

  // Every answer of the service passes the requested-after rule before the wait sees it.
  const current = (status: PackStatus): PackStatus => checkDeployment(status, plan.requestedAfter)

  const update = (next: PackStatus): boolean => {
    const previous = packs.get(next.name)
    packs.set(next.name, next)
    const stuck = outcomeOf(next.state) === 'in-progress' && previous?.state === next.state
    inProgressFor.set(next.name, stuck ? (inProgressFor.get(next.name) ?? 1) + 1 : 1)
    if (previous?.state === next.state) return false
    // A first answer says nothing about packs moving; a pack reappearing does.
    if (previous !== undefined && previous.state !== 'UNKNOWN') moved = true
    const earlier = earlierOf(next)
    if (earlier) {
      log.info(`${next.name}: ${describeWaitingFor(earlier)}`)
    } else {
      // After an earlier deployment, the awaited one is a first sighting.
      const before = previous?.state === 'PREVIOUS_DEPLOYMENT' ? undefined : previous
      log.info(describeChange(before, next, clock.now()))
    }
    return true
  }

  const finish = (end: WaitEnd): WaitResult => ({
    packs: [...packs.values()],
    end,
    startedAt,
    endedAt: clock.now(),
    rounds
  })

  async function round(): Promise<{ outcome: RoundOutcome; changed: boolean }> {
    let changed = false
    // Requests run one after another, so the last one bounded is the one that failed.
    let last: BoundedRequest | undefined
    const bound = (): AbortSignal => {
      last = boundRequest(deps, requestTimeoutMs)
      return last.signal
    }
    const failed = (error: unknown, iamAction = source.iamAction): CallFailure => {
      if (signal.aborted) return { kind: 'cancelled' }
      const classified = classifyFailure(error, last?.timedOut() ?? false, (e) =>
        source.classify(e, iamAction, plan.region)
      )
      if (!answered || classified.kind !== 'permanent') return classified
      if (classified.cause === 'expired-credentials') {
        const waited = formatDuration(clock.now() - startedAt)
        return { ...classified, message: source.expiredDuringWait(error, waited) }
      }
      // The name resolved (and the proxy, if any, answered) for the earlier answers: a
      // resolver's hiccup or a proxy's restart, not a typo.
      if (classified.cause === 'unresolved-host' || classified.cause === 'unreachable-proxy')
        return { kind: 'transient', message: classified.message }
      return classified
    }

    if (!listed) {
      let reported: ReportedPack[]
      try {
        reported = await source.listAll(bound)
      } catch (error) {
        return { outcome: failed(error), changed }
      }
      listed = true
      answered = true
      for (const pack of reported) changed = update(current(found(pack))) || changed
      return { outcome: { kind: 'ok' }, changed }
    }

    const pending = pendingNames()
    for (let i = 0; i < pending.length; i += source.batchSize) {
      const batch = pending.slice(i, i + source.batchSize)
      let reported: ReportedPack[]
      try {
        reported = await source.describe(batch, bound)
      } catch (error) {
        // Stop the round: the next batches would meet the same throttling or outage.
        return { outcome: failed(error), changed }
      }
      answered = true
      const seen = new Set<string>()
      for (const pack of reported) {
        if (!packs.has(pack.name) || seen.has(pack.name)) continue
        seen.add(pack.name)
        changed = update(current(found(pack))) || changed
      }
      for (const name of batch) {
        const previous = packs.get(name)
        if (previous && !seen.has(name)) {
          changed = update(absent(previous, source.deletedState)) || changed
        }
      }
    }
    if (settling) {
      const candidates = [...packs.values()].filter(
        (pack) =>
          (inProgressFor.get(pack.name) ?? 0) >= SETTLE_AFTER_ROUNDS &&
          outcomeOf(pack.state) === 'in-progress' &&
          // Settling an earlier deployment would tell nothing about the awaited one.
          pack.state !== 'PREVIOUS_DEPLOYMENT'
      )
      const { settled, stop } = await settling.settle(candidates, bound, failed)
      for (const pack of settled) changed = update(current(pack)) || changed
      if (stop) return { outcome: stop, changed }
    }
    return { outcome: { kind: 'ok' }, changed }
  }

  for (;;) {
    rounds += 1
    moved = false
    const { outcome, changed } = await round()
    deps.onRound?.([...packs.values()], changed)
    if (outcome.kind === 'cancelled' || signal.aborted) return finish({ kind: 'cancelled' })
    if (outcome.kind === 'permanent') return finish({ kind: 'error', message: outcome.message })
    if (outcome.kind === 'transient') {
      failedRounds += 1
      if (moved) roundsSinceChange = 0
      errorStreak =
        errorStreak?.message === outcome.message
          ? { message: outcome.message, count: errorStreak.count + 1 }
          : { message: outcome.message, count: 1 }
      if (errorStreak.count === 1)
        log.warning(`AWS Config call failed, retrying at the next poll: ${outcome.message}`)
      else log.info(`Still failing (${errorStreak.count} polls in a row): ${outcome.message}`)
    } else {
      failedRounds = 0
      roundsSinceChange = moved ? 0 : roundsSinceChange + 1
      if (errorStreak)
        log.info(`AWS Config answered again after ${errorStreak.count} failed poll(s).`)
      errorStreak = undefined
      if (pendingNames().length === 0) return finish({ kind: 'settled' })
    }

    const roundEndedAt = clock.now()
    // The youngest pending deployment sets the pace; the last known answer gives each its age.
    const next = nextPollDelay({
      now: roundEndedAt,
      pendingRequestedAt: pendingNames().map((name) => requestedAtOf(packs.get(name))),
      roundsSinceChange,
      failedRounds,
      minDelayMs: plan.minDelayMs,
      maxDelayMs: plan.maxDelayMs,
      random
    })
    const nextPollAt = Math.min(roundEndedAt + next.delayMs, deadline - lastPollReserve)
    // A poll squeezed in right before the deadline would be a burst: stop instead.
    if (nextPollAt - roundEndedAt < plan.minDelayMs) {
      return finish({ kind: 'deadline', lastError: errorStreak?.message })
    }
    log.debug(
      `round ${rounds}: ${pendingNames().length} pending; next poll in ${nextPollAt - roundEndedAt} ms (${next.reason})`
    )
    await clock.sleep(nextPollAt - roundEndedAt, signal)
    if (signal.aborted) return finish({ kind: 'cancelled' })
  }
}
