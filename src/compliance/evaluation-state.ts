/**
 * The evaluation wait's state and its pure transitions: every answer of AWS becomes a new
 * state, and what to read next is a question asked of the state (evaluation-plan.ts). No I/O
 * and no clock here: times come in as values.
 */
import type { ResourcesRead } from './rule-evaluation-reads.js'
import type { RuleChangesRead } from './rule-changes.js'
import {
  judgePack,
  type PackEvaluationInput,
  type PackJudgement,
  type PackRule,
  type RuleEvaluationStatus,
  type RuleResultTimes,
  type StackChanges,
  type StartedEvaluation
} from './rule-judgement.js'

/** A deployed pack whose rules are to be judged. */
export interface PackToEvaluate {
  readonly name: string
  /** LastUpdateRequestedTime, epoch ms: the deployment being gated. */
  readonly requestedAt: number
  /**
   * LastUpdateCompletedTime, epoch ms: the evaluation schedule times the rules from it.
   * Undefined: the start of the evaluation wait stands in (the pack was complete by then).
   */
  readonly completedAt?: number
  readonly stackArn?: string
}

export interface PackState {
  readonly pack: PackToEvaluate
  readonly rules: readonly PackRule[]
  /**
   * Per rule, the newest evaluation (AWS's time) its compliance as held is known to include:
   * a listing covers evaluations well before it was requested (COMPLIANCE_LAG_MS), a read
   * made after a rule settled covers the evaluation it settled with.
   */
  readonly complianceCovers: ReadonlyMap<string, number>
  /** Never listed, or a reason to list again (a rule it named is gone: redeployed). */
  readonly listing: 'due' | 'done'
  readonly statuses: ReadonlyMap<string, RuleEvaluationStatus>
  readonly resultTimes: ReadonlyMap<string, RuleResultTimes>
  readonly stack?: StackChanges
  readonly stackWhy?: string
  readonly stackAsked: boolean
  /** Rule name → its evaluation started on demand (or refused as already running). */
  readonly started: ReadonlyMap<string, StartedEvaluation>
  readonly startsDone: boolean
  readonly resources: ReadonlyMap<string, ResourcesRead>
  readonly judgement: PackJudgement
  readonly settledAt?: number
  /** Gone before its rules were ever listed: left out of the result. */
  readonly gone?: true
}

export interface EvaluationState {
  /** The clock's time the wait began. */
  readonly began: number
  readonly packs: readonly PackState[]
}

const EMPTY_JUDGEMENT: PackJudgement = judgePack({
  requestedAt: 0,
  rules: [],
  statuses: new Map()
})

export function initialState(packs: readonly PackToEvaluate[], began: number): EvaluationState {
  return {
    began,
    packs: packs.map((pack) => ({
      pack,
      rules: [],
      complianceCovers: new Map(),
      listing: 'due',
      statuses: new Map(),
      resultTimes: new Map(),
      stackAsked: false,
      started: new Map(),
      startsDone: false,
      resources: new Map(),
      judgement: EMPTY_JUDGEMENT
    }))
  }
}

export function inputOf(p: PackState): PackEvaluationInput {
  return {
    requestedAt: p.pack.requestedAt,
    rules: p.rules,
    statuses: p.statuses,
    resultTimes: p.resultTimes,
    stack: p.stack,
    startedEvaluations: p.started
  }
}

/** The packs still part of the wait (not gone before their first listing). */
export function livePacks(state: EvaluationState): readonly PackState[] {
  return state.packs.filter((p) => !p.gone)
}

function updatePack(
  state: EvaluationState,
  name: string,
  change: (p: PackState) => PackState
): EvaluationState {
  return { ...state, packs: state.packs.map((p) => (p.pack.name === name ? change(p) : p)) }
}

/**
 * A rule's compliance in a listing is trusted for evaluations at least this long before the
 * listing was requested; a later evaluation has its compliance read again. No AWS time says
 * when the listing was answered, so this compares the clock's time with AWS's: the allowance
 * covers the roll-up catching up with the evaluation and AWS's clock up to about a minute
 * behind ours (ahead, it only costs reads again).
 */
export const COMPLIANCE_LAG_MS = 60_000

/** A pack's whole rule list, requested at `at` (the clock's time). */
export function listed(
  state: EvaluationState,
  pack: string,
  rules: readonly PackRule[],
  at: number
): EvaluationState {
  return updatePack(state, pack, (p) => ({
    ...p,
    rules,
    listing: 'done',
    complianceCovers: new Map(rules.map((r) => [r.name, at - COMPLIANCE_LAG_MS]))
  }))
}

/** The pack no longer exists at its first listing: its compliance is left out. */
export function goneBeforeListing(state: EvaluationState, pack: string): EvaluationState {
  return updatePack(state, pack, (p) => ({ ...p, gone: true, listing: 'done' }))
}

/** Statuses read across packs; names AWS no longer knows send their pack to be listed again. */
export function statusesRead(
  state: EvaluationState,
  statuses: ReadonlyMap<string, RuleEvaluationStatus>,
  missing: readonly string[]
): EvaluationState {
  return {
    ...state,
    packs: state.packs.map((p) => {
      const own = p.rules.filter((r) => statuses.has(r.name))
      const lost = p.rules.some((r) => missing.includes(r.name))
      if (!own.length && !lost) return p
      const next = new Map(p.statuses)
      for (const r of own) next.set(r.name, statuses.get(r.name)!)
      return { ...p, statuses: next, ...(lost ? { listing: 'due' as const } : {}) }
    })
  }
}

export function resultTimesRead(
  state: EvaluationState,
  pack: string,
  times: ReadonlyMap<string, RuleResultTimes>
): EvaluationState {
  return updatePack(state, pack, (p) => ({
    ...p,
    resultTimes: new Map([...p.resultTimes, ...times])
  }))
}

export function stackRead(
  state: EvaluationState,
  pack: string,
  read: RuleChangesRead
): EvaluationState {
  return updatePack(state, pack, (p) => ({
    ...p,
    stackAsked: true,
    stack: read.kind === 'read' ? read.changes : { kind: 'unreadable' },
    ...(read.kind === 'unreadable' ? { stackWhy: read.why } : {})
  }))
}

/** Some settled rules' compliance read again, after the evaluation they settled with. */
export function complianceRead(
  state: EvaluationState,
  pack: string,
  rules: readonly PackRule[]
): EvaluationState {
  return updatePack(state, pack, (p) => {
    const fresh = new Map(rules.map((r) => [r.name, r]))
    const covers = new Map(p.complianceCovers)
    for (const rule of p.judgement.rules) {
      const v = rule.verdict
      if (fresh.has(rule.name) && 'evaluatedAt' in v) covers.set(rule.name, v.evaluatedAt)
    }
    return { ...p, rules: p.rules.map((r) => fresh.get(r.name) ?? r), complianceCovers: covers }
  })
}

export function resourcesRead(
  state: EvaluationState,
  pack: string,
  rule: string,
  read: ResourcesRead
): EvaluationState {
  return updatePack(state, pack, (p) => ({
    ...p,
    resources: new Map([...p.resources, [rule, read]])
  }))
}

/**
 * The on-demand starts of a pack, made (or refused as already running). A rule started again
 * after a refusal keeps what its result must be later than: the evaluation read before the
 * first start.
 */
export function startsMade(
  state: EvaluationState,
  pack: string,
  started: ReadonlyMap<string, StartedEvaluation>
): EvaluationState {
  return updatePack(state, pack, (p) => {
    const next = new Map(p.started)
    for (const [rule, start] of started) {
      const first = p.started.get(rule)
      next.set(rule, first ? { ...start, lastBefore: first.lastBefore } : start)
    }
    return { ...p, startsDone: true, started: next }
  })
}

/** Every pack judged afresh at `now`; a pack settles (or unsettles) with its rules. */
export function judged(state: EvaluationState, now: number): EvaluationState {
  return {
    ...state,
    packs: state.packs.map((p) => {
      if (p.gone) return p
      const judgement = judgePack(inputOf(p))
      const settledAt = judgement.settled ? (p.settledAt ?? now) : undefined
      return { ...p, judgement, settledAt }
    })
  }
}
