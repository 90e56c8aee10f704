import type { RunContext } from '../shared/context.js'
import type { CallFailure } from '../shared/failure.js'
import type { StatusSource } from './status-source.js'
import { checkDeployment } from '../packs/deployment.js'
import { formatDuration } from '../packs/pack-text.js'
import { found, type MissingPackPolicy, type PackStatus } from '../packs/pack-state.js'
import { bestEffortSettling, type Settling } from './settling.js'
import {
  REQUEST_TIMEOUT_MS,
  boundRequest,
  classifyFailure,
  type BoundedRequest
} from '../shared/request-policy.js'
import {
  beginRound,
  endRound,
  initialState,
  nextStep,
  pendingNames,
  seeBatch,
  seeListing,
  seePacks,
  settleCandidates,
  type RoundOutcome,
  type Told,
  type WaitEnd,
  type WaitState
} from './wait-state.js'

export type { WaitEnd } from './wait-state.js'

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

export interface WaitResult {
  /** In input order, or in the service's order when listing the region. */
  readonly packs: readonly PackStatus[]
  readonly end: WaitEnd
  readonly startedAt: number
  readonly endedAt: number
  readonly rounds: number
}

/**
 * Polls until no pack is pending, the deadline passes, the run is cancelled, or a permanent
 * error occurs. Each round asks once per batch of pending names; terminal packs are no
 * longer asked for. Never throws for AWS trouble: that is the result's `end`. The state and
 * its transitions are in wait-state.ts; this makes the calls, logs and sleeps.
 */
export async function waitForPacks(plan: WaitPlan, deps: WaitDeps): Promise<WaitResult> {
  const { clock, log, signal, deadline } = deps
  const requestTimeoutMs = plan.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const startedAt = clock.now()
  const poller: Poller = {
    plan,
    deps,
    startedAt,
    requestTimeoutMs,
    settling: deps.source.settle && bestEffortSettling(deps.source.settle, log)
  }
  // The last poll is placed so that its request still has this long before the deadline.
  const lastPollReserve = Math.round(Math.min(1000, requestTimeoutMs, (deadline - startedAt) / 10))
  let state = initialState(plan.names)
  const finish = (end: WaitEnd): WaitResult => ({
    packs: [...state.packs.values()],
    end,
    startedAt,
    endedAt: clock.now(),
    rounds: state.rounds
  })

  for (;;) {
    const round = await readRound(beginRound(state), poller)
    state = round.state
    deps.onRound?.([...state.packs.values()], state.changed)
    if (signal.aborted) return finish({ kind: 'cancelled' })
    const ended = endRound(state, round.outcome, plan.missingPack)
    state = ended.state
    if (ended.line) log[ended.line.level](ended.line.message)
    if (ended.end) return finish(ended.end)

    const now = clock.now()
    const next = nextStep(state, {
      now,
      deadline,
      lastPollReserve,
      minDelayMs: plan.minDelayMs,
      maxDelayMs: plan.maxDelayMs,
      missingPack: plan.missingPack,
      random: deps.random ?? Math.random
    })
    if (next.kind === 'end') return finish(next.end)
    log.debug(
      `round ${state.rounds}: ${pendingNames(state, plan.missingPack).length} pending; next poll in ${next.ms} ms (${next.reason})`
    )
    await clock.sleep(next.ms, signal)
    if (signal.aborted) return finish({ kind: 'cancelled' })
  }
}

/** What one wait's rounds share. */
interface Poller {
  readonly plan: WaitPlan
  readonly deps: WaitDeps
  readonly startedAt: number
  readonly requestTimeoutMs: number
  readonly settling: Settling | undefined
}

/**
 * One round's calls: the listing until the packs are known, then one call per batch of
 * pending names, then the settling reads. A failed call ends the round: the next batches
 * would meet the same throttling or outage.
 */
async function readRound(
  start: WaitState,
  poller: Poller
): Promise<{ state: WaitState; outcome: RoundOutcome }> {
  const { plan, deps } = poller
  const { source, clock, log } = deps
  let state = start
  const tell = (told: Told): void => {
    state = told.state
    for (const line of told.lines) log.info(line)
  }
  const requests = roundRequests(poller, () => state.answered)
  // Every answer of the service passes the requested-after rule before the wait sees it.
  const current = (status: PackStatus): PackStatus => checkDeployment(status, plan.requestedAfter)
  try {
    if (!state.listed) {
      const reported = await source.listAll(requests.bound)
      tell(
        seeListing(
          state,
          reported.map((pack) => current(found(pack))),
          clock.now()
        )
      )
      return { state, outcome: { kind: 'ok' } }
    }
    const pending = pendingNames(state, plan.missingPack)
    for (let i = 0; i < pending.length; i += source.batchSize) {
      const batch = pending.slice(i, i + source.batchSize)
      const reported = await source.describe(batch, requests.bound)
      tell(
        seeBatch(
          state,
          batch,
          reported.map((pack) => current(found(pack))),
          source.deletedState,
          clock.now()
        )
      )
    }
  } catch (error) {
    return { state, outcome: requests.failed(error) }
  }
  if (!poller.settling) return { state, outcome: { kind: 'ok' } }
  const { settled, stop } = await poller.settling.settle(
    settleCandidates(state),
    requests.bound,
    requests.failed
  )
  tell(seePacks(state, settled.map(current), clock.now()))
  return { state, outcome: stop ?? { kind: 'ok' } }
}

/**
 * The bounds of one round's requests, and how a failed one is judged. Requests run one after
 * another, so the last one bounded is the one that failed.
 */
function roundRequests(
  poller: Poller,
  answered: () => boolean
): {
  bound: () => AbortSignal
  failed: (error: unknown, iamAction?: string) => CallFailure
} {
  const { plan, deps, startedAt } = poller
  const { source, clock, signal } = deps
  let last: BoundedRequest | undefined
  return {
    bound: () => {
      last = boundRequest(deps, poller.requestTimeoutMs)
      return last.signal
    },
    failed: (error, iamAction = source.iamAction) => {
      if (signal.aborted) return { kind: 'cancelled' }
      const classified = classifyFailure(error, last?.timedOut() ?? false, (e) =>
        source.classify(e, iamAction, plan.region)
      )
      if (!answered() || classified.kind !== 'permanent') return classified
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
  }
}
