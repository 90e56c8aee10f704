import type { StackEventReader } from '../ports/stack-events.js'
import {
  guardedSource,
  StopEvaluation,
  type RequestDeps,
  type RuleEvaluationPort
} from './evaluation-requests.js'
import { verdictText } from './evaluation-compliance.js'
import { pendingForSchedule, unsettledRules } from './evaluation-plan.js'
import { readRound, type RoundIo } from './evaluation-round.js'
import { nextEvaluationPoll } from './evaluation-schedule.js'
import {
  initialState,
  livePacks,
  type EvaluationState,
  type PackToEvaluate
} from './evaluation-state.js'
import type { ResourcesRead } from './rule-evaluation-reads.js'
import type { PackJudgement } from './rule-judgement.js'

export type { PackToEvaluate } from './evaluation-state.js'

/** One pack's rules as last judged. */
export interface PackEvaluation {
  readonly name: string
  readonly judgement: PackJudgement
  /** Per non-compliant rule, its resources (read once, when it was found non-compliant). */
  readonly resources: ReadonlyMap<string, ResourcesRead>
  /** From the start of the evaluation wait until the pack settled (or the wait ended). */
  readonly durationMs: number
}

/** How the evaluation wait ended; every kind keeps the packs judged so far. */
export type EvaluationRead =
  | { readonly kind: 'done'; readonly packs: readonly PackEvaluation[] }
  | {
      readonly kind: 'timeout'
      readonly packs: readonly PackEvaluation[]
      readonly message: string
    }
  | { readonly kind: 'error'; readonly packs: readonly PackEvaluation[]; readonly message: string }
  | { readonly kind: 'cancelled'; readonly packs: readonly PackEvaluation[] }

export interface EvaluationDeps extends RequestDeps {
  readonly port: RuleEvaluationPort
  /** Opened only when a redeployed pack's stack is to be read. */
  readonly stackEvents: () => Promise<StackEventReader & { close(): void }>
  /** `start-evaluation`: start one evaluation of the rules that need it, once. */
  readonly startEvaluation: boolean
  /** After every round (the live check run listens). */
  readonly onRound?: (packs: readonly PackEvaluation[]) => void
}

/** Unevaluated rules named in the timeout's message; the rest are counted. */
export const UNEVALUATED_NAMED = 5

const CHANGED_IN_PLACE =
  'rules changed in place by this deployment may still show results from before the change (grant cloudformation:DescribeStackEvents, or use start-evaluation)'

/** The loop's own counters, beside the state of the packs. */
interface Pace {
  readonly rounds: number
  readonly roundsSinceChange: number
  readonly failedRounds: number
  /** The failure of the rounds failing in a row, and how many. */
  readonly streak?: { readonly message: string; readonly count: number }
}

/**
 * Waits until every rule of every pack has an evaluation that belongs to the deployment, and
 * judges them (rule-judgement.ts). Each round reads what the state asks for
 * (evaluation-round.ts); the pause between rounds is the evaluation schedule's
 * (evaluation-schedule.ts). Shares the run's deadline and cancellation. Never throws for AWS
 * trouble: that is the result's `kind`.
 */
export async function waitForEvaluation(
  packs: readonly PackToEvaluate[],
  deps: EvaluationDeps
): Promise<EvaluationRead> {
  const { clock, log, signal, deadline } = deps
  if (signal.aborted) return { kind: 'cancelled', packs: [] }
  let state = initialState(packs, clock.now())
  let reader: Promise<StackEventReader & { close(): void }> | undefined
  const io: RoundIo = {
    ...deps,
    source: guardedSource(deps.port, deps),
    stackEvents: () => (reader ??= deps.stackEvents())
  }
  // The last round is placed so that its requests still have this long before the deadline.
  const reserve = Math.round(Math.min(1000, (deadline - state.began) / 10))
  let pace: Pace = { rounds: 0, roundsSinceChange: 0, failedRounds: 0 }
  try {
    for (;;) {
      const before = unsettledRules(state)
      const round = await readRound(state, io)
      state = round.state
      logSettled(before, state, log)
      deps.onRound?.(view(state, clock.now()))
      pace = paced(pace, round.failure, unsettledRules(state).length < before.length, log)
      if (!round.failure && livePacks(state).every((p) => p.settledAt !== undefined)) {
        warnUnverified(state, log)
        return { kind: 'done', packs: view(state, clock.now()) }
      }
      const now = clock.now()
      const next = nextEvaluationPoll({
        now,
        pending: pendingForSchedule(state),
        roundsSinceChange: pace.roundsSinceChange,
        failedRounds: pace.failedRounds,
        minDelayMs: deps.minDelayMs,
        maxDelayMs: deps.maxDelayMs,
        random: deps.random
      })
      const nextAt = Math.min(now + next.delayMs, deadline - reserve)
      // A read squeezed in right before the deadline would be a burst: stop instead.
      if (nextAt - now < deps.minDelayMs) {
        warnUnverified(state, log)
        const last = pace.streak ? ` (last error: ${pace.streak.message})` : ''
        return { kind: 'timeout', packs: view(state, now), message: timeoutMessage(state) + last }
      }
      log.debug(
        `evaluation round ${pace.rounds}: ${unsettledRules(state).length} rule(s) unsettled; next read in ${nextAt - now} ms (${next.reason})`
      )
      await clock.sleep(nextAt - now, signal)
      if (signal.aborted) return { kind: 'cancelled', packs: view(state, clock.now()) }
    }
  } catch (error) {
    if (!(error instanceof StopEvaluation)) throw error
    return stopped(error, state, clock.now())
  } finally {
    void reader?.then(
      (r) => r.close(),
      () => undefined
    )
  }
}

/** The counters after a round: a settle resets the schedule's change count, an answer its backoff. */
function paced(
  pace: Pace,
  failure: string | undefined,
  settledSome: boolean,
  log: RoundIo['log']
): Pace {
  const rounds = pace.rounds + 1
  if (failure) {
    const streak =
      pace.streak?.message === failure
        ? { message: failure, count: pace.streak.count + 1 }
        : { message: failure, count: 1 }
    if (streak.count === 1)
      log.warning(`AWS Config call failed, retrying at the next read: ${failure}`)
    else log.debug(`Still failing (${streak.count} rounds in a row): ${failure}`)
    return {
      rounds,
      roundsSinceChange: settledSome ? 0 : pace.roundsSinceChange,
      failedRounds: pace.failedRounds + 1,
      streak
    }
  }
  if (pace.streak) log.info(`AWS Config answered again after ${pace.streak.count} failed round(s).`)
  return {
    rounds,
    roundsSinceChange: settledSome ? 0 : pace.roundsSinceChange + 1,
    failedRounds: 0
  }
}

function view(state: EvaluationState, now: number): PackEvaluation[] {
  return livePacks(state).map((p) => ({
    name: p.pack.name,
    judgement: p.judgement,
    resources: p.resources,
    durationMs: (p.settledAt ?? now) - state.began
  }))
}

function logSettled(
  before: ReturnType<typeof unsettledRules>,
  state: EvaluationState,
  log: RoundIo['log']
): void {
  for (const p of livePacks(state)) {
    for (const rule of p.judgement.rules) {
      if (rule.verdict.kind === 'unevaluated') continue
      if (before.some((b) => b.pack === p.pack.name && b.rule === rule.name))
        log.info(`${p.pack.name}: ${rule.name} ${verdictText(rule.verdict)}`)
    }
  }
}

function warnUnverified(state: EvaluationState, log: RoundIo['log']): void {
  for (const p of livePacks(state)) {
    const unverified = p.judgement.unverifiedChanges
    if (!unverified.length) continue
    const why = p.stackWhy ? ` (its stack could not be read: ${p.stackWhy})` : ''
    log.warning(
      `Conformance pack ${p.pack.name}${why}: ${CHANGED_IN_PLACE}: ${unverified.join(', ')}`
    )
  }
}

function stopped(error: StopEvaluation, state: EvaluationState, now: number): EvaluationRead {
  const packs = view(state, now)
  const stop = error.stop
  switch (stop.kind) {
    case 'cancelled':
      return { kind: 'cancelled', packs }
    case 'timeout':
      return { kind: 'timeout', packs, message: timeoutMessage(state) }
    case 'error':
      return { kind: 'error', packs, message: stop.message }
    case 'missing':
      return {
        kind: 'error',
        packs,
        message: `a ${stop.what} of the conformance packs disappeared while its rules were read`
      }
    case 'transient':
      return { kind: 'error', packs, message: stop.message }
  }
}

function timeoutMessage(state: EvaluationState): string {
  const live = livePacks(state)
  const several = live.length > 1
  const names = live.flatMap((p) =>
    p.judgement.rules
      .filter((r) => r.verdict.kind === 'unevaluated')
      .map((r) => (several ? `${p.pack.name}/${r.name}` : r.name))
  )
  if (!names.length) return "Ran out of time reading the conformance pack rules' evaluation"
  const shown = names.slice(0, UNEVALUATED_NAMED).join(', ')
  const more =
    names.length > UNEVALUATED_NAMED ? ` and ${names.length - UNEVALUATED_NAMED} more` : ''
  return `Ran out of time waiting for the evaluation of conformance pack rules: ${names.length} rule(s) not evaluated since the deployment: ${shown}${more}`
}
