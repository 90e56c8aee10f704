/**
 * What the evaluation wait reads next, asked of its state (evaluation-state.ts). Pure.
 *
 * A round reads, in this order and each step only for what needs it: the rule lists of packs
 * never listed (or redeployed during the wait); the statuses of every unsettled rule, 25
 * names a call across packs; then, once per rule as it settles, what its verdict needs: a
 * Lambda rule's result times, its compliance when it was evaluated after the listing read
 * it, a non-compliant rule's resources; and once per pack whose rules predate the
 * deployment, its stack's changes.
 */
import type { PendingEvaluation } from './evaluation-schedule.js'
import { inputOf, livePacks, type EvaluationState, type PackState } from './evaluation-state.js'
import { START_INTERVAL_MS } from './evaluation-starts.js'
import { isRecentEnough, referenceOf, rulesToStart } from './rule-judgement.js'

export interface RuleRef {
  readonly pack: string
  readonly rule: string
}

export interface PackRules {
  readonly pack: string
  readonly rules: readonly string[]
}

/** Packs whose rule list is to be read (never read, or redeployed since). */
export function listingsDue(state: EvaluationState): string[] {
  return livePacks(state)
    .filter((p) => p.listing === 'due')
    .map((p) => p.pack.name)
}

/** Rules with no verdict yet, of every listed pack, in pack order. */
export function unsettledRules(state: EvaluationState): RuleRef[] {
  return livePacks(state).flatMap((p) =>
    p.listing === 'done'
      ? p.judgement.rules
          .filter((r) => r.verdict.kind === 'unevaluated')
          .map((r) => ({ pack: p.pack.name, rule: r.name }))
      : []
  )
}

/** Some rule may predate the deployment: its stack says whether this deployment changed it. */
function redeployed(p: PackState): boolean {
  return p.rules.some((r) => {
    const activated = p.statuses.get(r.name)?.firstActivatedAt
    return activated === undefined || activated <= p.pack.requestedAt
  })
}

/** Packs whose stack is to be read: once, after their statuses, when a rule predates the deployment. */
export function stackReadsDue(state: EvaluationState): PackState[] {
  return livePacks(state).filter(
    (p) => !p.stackAsked && p.rules.length > 0 && p.statuses.size > 0 && redeployed(p)
  )
}

/**
 * Lambda rules (their status has invocation times only) whose results are to be read: those
 * invoked since the time their result must be newer than, not yet settled.
 */
export function resultReadsDue(state: EvaluationState): PackRules[] {
  return perPack(state, (p, name, verdict) => {
    if (verdict.kind !== 'unevaluated') return false
    const status = p.statuses.get(name)
    if (!status || status.lastSuccessfulEvaluationAt !== undefined) return false
    if (status.firstEvaluationStarted === false) return false
    const invoked = status.lastSuccessfulInvocationAt
    return invoked !== undefined && isRecentEnough(verdict.after, invoked)
  })
}

/** Rules whose verdict rests on a compliance read before their evaluation could show in it. */
export function complianceReadsDue(state: EvaluationState): PackRules[] {
  return perPack(state, (p, name, verdict) => {
    if (!('evaluatedAt' in verdict)) return false
    return verdict.evaluatedAt > (p.complianceCovers.get(name) ?? Number.NEGATIVE_INFINITY)
  })
}

/** Non-compliant rules whose resources have not been read. */
export function resourceReadsDue(state: EvaluationState): RuleRef[] {
  return perPack(state, (p, name, verdict) => {
    return verdict.kind === 'non-compliant' && !p.resources.has(name)
  }).flatMap(({ pack, rules }) => rules.map((rule) => ({ pack, rule })))
}

/**
 * `start-evaluation`: per pack not started yet, the rules an evaluation on demand would help;
 * then, a minute after a start refused as already running, the rules it named still
 * unevaluated (the evaluation that blocked it may have landed before the statuses were read).
 * `now` is the clock's: it only paces the retry.
 */
export function startsDue(state: EvaluationState, now: number): PackRules[] {
  return livePacks(state).flatMap((p) => {
    if (p.listing !== 'done') return []
    if (!p.startsDone) return [{ pack: p.pack.name, rules: rulesToStart(inputOf(p)) }]
    const again = p.judgement.rules
      .filter((r) => {
        const start = p.started.get(r.name)
        return (
          r.verdict.kind === 'unevaluated' &&
          start?.refused === true &&
          now - start.sentAt >= START_INTERVAL_MS
        )
      })
      .map((r) => r.name)
    return again.length ? [{ pack: p.pack.name, rules: again }] : []
  })
}

/**
 * The unsettled rules as the schedule times them (evaluation-schedule.ts). The schedule only
 * paces reads, so a start is timed from the clock's time it was sent; what counts as the
 * started evaluation is decided on AWS's times (rule-judgement.ts).
 */
export function pendingForSchedule(state: EvaluationState): PendingEvaluation[] {
  return livePacks(state).flatMap((p) => {
    const completedAt = p.pack.completedAt ?? state.began
    const input = inputOf(p)
    return p.judgement.rules
      .filter((r) => r.verdict.kind === 'unevaluated')
      .map((r) => {
        const status = p.statuses.get(r.name)
        const reference = referenceOf(r.name, status, input)
        const running =
          reference?.kind === 'created' &&
          status?.firstEvaluationStarted === true &&
          status.lastSuccessfulEvaluationAt === undefined &&
          status.lastFailedEvaluationAt === undefined
        const at =
          reference === undefined
            ? Number.NEGATIVE_INFINITY
            : reference.kind === 'started'
              ? reference.started.sentAt
              : reference.at
        return {
          referenceAt: Math.max(completedAt, at),
          ...(running ? { running: true } : {})
        }
      })
  })
}

function perPack(
  state: EvaluationState,
  wanted: (
    p: PackState,
    name: string,
    verdict: PackState['judgement']['rules'][number]['verdict']
  ) => boolean
): PackRules[] {
  return livePacks(state).flatMap((p) => {
    const rules = p.judgement.rules.filter((r) => wanted(p, r.name, r.verdict)).map((r) => r.name)
    return rules.length ? [{ pack: p.pack.name, rules }] : []
  })
}
