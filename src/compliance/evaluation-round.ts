/**
 * One round of the evaluation wait: the reads the state asks for (evaluation-plan.ts), in
 * steps, the reads of a step at most MAX_IN_FLIGHT at once. Each answer is a transition of
 * the state (evaluation-state.ts). A transient failure ends the round after its step (no
 * further read starts: throttling of one call is throttling of the region); what was read
 * stays read.
 */
import { runBounded } from '../shared/bounded.js'
import type { Clock } from '../shared/clock.js'
import type { Log } from '../shared/log.js'
import type { StackEventReader } from '../ports/stack-events.js'
import { isMissing, statusesOf, StopEvaluation, type RequestDeps } from './evaluation-requests.js'
import { PagingError } from '../shared/paging.js'
import {
  complianceReadsDue,
  listingsDue,
  resourceReadsDue,
  resultReadsDue,
  stackReadsDue,
  startsDue,
  unsettledRules
} from './evaluation-plan.js'
import { startEvaluations } from './evaluation-starts.js'
import {
  complianceRead,
  goneBeforeListing,
  judged,
  listed,
  resourcesRead,
  resultTimesRead,
  stackRead,
  startsMade,
  statusesRead,
  type EvaluationState
} from './evaluation-state.js'
import { readRuleChanges } from './rule-changes.js'
import { lastEvaluationAt } from './rule-judgement.js'
import {
  MAX_DETAIL_RULE_NAMES,
  MAX_STATUS_NAMES,
  chunks,
  readNonCompliantResources,
  readPackRules,
  readResultTimes,
  type RuleEvaluationSource
} from './rule-evaluation-reads.js'

/** Requests of one region in flight at once. */
export const MAX_IN_FLIGHT = 4

type Transition = (state: EvaluationState) => EvaluationState
type Task = () => Promise<Transition>

export interface RoundIo extends RequestDeps {
  readonly clock: Clock
  readonly log: Log
  /** Guarded: every request bounded, failures thrown as StopEvaluation. */
  readonly source: RuleEvaluationSource
  /** The stack reader, opened once when a pack's stack is first to be read. */
  readonly stackEvents: () => Promise<StackEventReader>
  readonly startEvaluation: boolean
}

export interface RoundResult {
  readonly state: EvaluationState
  /** Why the round stopped early: a transient failure, retried at the next round. */
  readonly failure?: string
}

type Step = (state: EvaluationState, io: RoundIo) => Task[]

const signalFor = (io: RoundIo) => (): AbortSignal => io.signal

const listStep: Step = (state, io) =>
  listingsDue(state).map((pack) => async () => {
    const at = io.clock.now()
    const never = state.packs.find((p) => p.pack.name === pack)?.rules.length === 0
    try {
      const rules = await readPackRules(io.source, pack, signalFor(io))
      return (s) => listed(s, pack, rules, at)
    } catch (error) {
      if (!never || !isMissing(error, 'pack')) throw error
      io.log.warning(`Conformance pack ${pack} no longer exists; its compliance is left out.`)
      return (s) => goneBeforeListing(s, pack)
    }
  })

const statusStep: Step = (state, io) =>
  chunks(
    unsettledRules(state).map((r) => r.rule),
    MAX_STATUS_NAMES
  ).map((names) => async () => {
    const { statuses, missing } = await statusesOf(io.source, names, signalFor(io))
    return (s) => statusesRead(s, statuses, missing)
  })

const sideStep: Step = (state, io) => {
  const stacks = stackReadsDue(state).map((p) => async (): Promise<Transition> => {
    const read = await readRuleChanges(p.pack.stackArn, p.pack.requestedAt, {
      ...io,
      events: await io.stackEvents()
    })
    return (s) => stackRead(s, p.pack.name, read)
  })
  const results = resultReadsDue(state).flatMap(({ pack, rules }) =>
    chunks(rules, MAX_DETAIL_RULE_NAMES).map((batch) => async (): Promise<Transition> => {
      const times = await readResultTimes(io.source, pack, batch, signalFor(io))
      return (s) => resultTimesRead(s, pack, times)
    })
  )
  return [...stacks, ...results]
}

/** Starts on demand, each rule's newest evaluation as read so far being what it must beat. */
const startStep: Step = (state, io) =>
  io.startEvaluation
    ? startsDue(state, io.clock.now()).map(({ pack, rules }) => async () => {
        const p = state.packs.find((x) => x.pack.name === pack)
        const lastBefore = (rule: string) =>
          lastEvaluationAt(p?.statuses.get(rule), p?.resultTimes.get(rule))
        const started = await startEvaluations(io.source, pack, rules, lastBefore, io)
        return (s) => startsMade(s, pack, started)
      })
    : []

const complianceStep: Step = (state, io) =>
  complianceReadsDue(state).flatMap(({ pack, rules }) =>
    chunks(rules, MAX_DETAIL_RULE_NAMES).map((batch) => async (): Promise<Transition> => {
      const fresh = await readPackRules(io.source, pack, signalFor(io), batch)
      return (s) => complianceRead(s, pack, fresh)
    })
  )

const resourceStep: Step = (state, io) =>
  resourceReadsDue(state).map(({ pack, rule }) => async () => {
    const read = await readNonCompliantResources(io.source, pack, rule, signalFor(io))
    return (s) => resourcesRead(s, pack, rule, read)
  })

const STEPS: readonly Step[] = [
  listStep,
  statusStep,
  sideStep,
  startStep,
  complianceStep,
  resourceStep
]

/**
 * Reads what the state asks for, step after step, and judges every pack after each step.
 * Throws StopEvaluation for what ends the wait (permanent errors, a pack gone, the
 * cancellation); a transient failure is the result's `failure`.
 */
export async function readRound(state: EvaluationState, io: RoundIo): Promise<RoundResult> {
  let current = judged(state, io.clock.now())
  for (const step of STEPS) {
    const tasks = step(current, io)
    if (!tasks.length) continue
    const outcomes = await runBounded(tasks, MAX_IN_FLIGHT)
    let failure: string | undefined
    for (const outcome of outcomes) {
      if (outcome?.kind === 'ok') current = outcome.value(current)
    }
    for (const outcome of outcomes) {
      if (outcome?.kind !== 'failed') continue
      const error = outcome.error
      // A listing that repeats its NextToken fails the round, as a transient error does.
      if (error instanceof PagingError) {
        failure ??= `${error.name}: ${error.message}`
        continue
      }
      if (!(error instanceof StopEvaluation) || error.stop.kind !== 'transient') throw error
      failure ??= error.stop.message
    }
    current = judged(current, io.clock.now())
    if (failure) return { state: current, failure }
  }
  return { state: current }
}
