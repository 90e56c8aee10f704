/**
 * Which evaluation of a conformance pack's rule belongs to the deployment being gated, and
 * what it says. Pure: every time is epoch ms, read beforehand by rule-evaluation-source.ts
 * (Config) and from the pack's stack events (CloudFormation).
 */

/** A rule's compliance as DescribeConformancePackCompliance lists it. */
export type RuleComplianceType = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA'

export interface PackRule {
  readonly name: string
  readonly compliance: RuleComplianceType
}

/** DescribeConfigRuleEvaluationStatus for one rule; a field AWS leaves out is undefined. */
export interface RuleEvaluationStatus {
  readonly name: string
  readonly firstActivatedAt?: number
  readonly firstEvaluationStarted?: boolean
  readonly lastSuccessfulInvocationAt?: number
  readonly lastFailedInvocationAt?: number
  readonly lastSuccessfulEvaluationAt?: number
  readonly lastFailedEvaluationAt?: number
  readonly lastErrorCode?: string
  readonly lastErrorMessage?: string
}

/** The newest times among a rule's results (GetConformancePackComplianceDetails). */
export interface RuleResultTimes {
  readonly latestInvokedAt?: number
  readonly latestRecordedAt?: number
  readonly results: number
}

export interface NonCompliantResource {
  readonly resourceType: string
  readonly resourceId: string
  readonly annotation?: string
}

/**
 * What the pack's stack says about its rules: `changedAt` maps a rule's name to the time
 * this deployment began changing its stack resource (rules it left alone are absent).
 */
export type StackChanges =
  | { readonly kind: 'read'; readonly changedAt: ReadonlyMap<string, number> }
  | { readonly kind: 'unreadable' }

export interface PackEvaluationInput {
  /** The pack's LastUpdateRequestedTime: the deployment being gated. */
  readonly requestedAt: number
  readonly rules: readonly PackRule[]
  readonly statuses: ReadonlyMap<string, RuleEvaluationStatus>
  /** Only for rules whose status has no evaluation time (custom Lambda rules). */
  readonly resultTimes?: ReadonlyMap<string, RuleResultTimes>
  /** Left out: treated as unreadable. */
  readonly stack?: StackChanges
  /** Rule name → the evaluation the action started on demand (start-evaluation). */
  readonly startedEvaluations?: ReadonlyMap<string, StartedEvaluation>
}

/**
 * An evaluation started on demand. Which result counts is decided on AWS's times alone: one
 * later than the rule's newest evaluation as read before the start. The runner's clock may be
 * off by seconds, so its time of the start only paces the reads.
 */
export interface StartedEvaluation {
  /** AWS's time of the rule's newest evaluation read before the start; undefined: none yet. */
  readonly lastBefore?: number
  /** The clock's time the start was sent: paces the reads and a refused start's retry only. */
  readonly sentAt: number
  /** Refused as already running (LimitExceededException): tried again a minute later. */
  readonly refused?: true
}

/** Why a result from before a time is not trusted for a rule. */
export type Reference =
  /** Its result must be at or after `at` (AWS's time). */
  | { readonly kind: 'created'; readonly at: number }
  | { readonly kind: 'changed'; readonly at: number }
  /** Its result must be later than the newest one read before the start (any, if none). */
  | { readonly kind: 'started'; readonly started: StartedEvaluation }

/** Whether an evaluation at `time` (AWS's) is recent enough for the reference. */
export function isRecentEnough(reference: Reference | undefined, time: number): boolean {
  if (reference === undefined) return true
  if (reference.kind !== 'started') return time >= reference.at
  const before = reference.started.lastBefore
  return before === undefined || time > before
}

export interface RuleError {
  readonly code: string
  readonly message?: string
}

export type RuleVerdict =
  | { readonly kind: 'non-compliant'; readonly evaluatedAt: number }
  | { readonly kind: 'compliant'; readonly evaluatedAt: number }
  | { readonly kind: 'nothing-in-scope'; readonly evaluatedAt: number }
  | { readonly kind: 'evaluation-failed'; readonly failedAt?: number; readonly error: RuleError }
  /** No result of this deployment yet: keep waiting (`after`: what it must be newer than). */
  | { readonly kind: 'unevaluated'; readonly after?: Reference }

export interface RuleJudgement {
  readonly name: string
  readonly verdict: RuleVerdict
  /**
   * Counted with its latest evaluation although the stack could not say whether this
   * deployment changed it in place: that evaluation may predate the change.
   */
  readonly unverifiedChange: boolean
}

export interface PackCounts {
  readonly compliant: number
  readonly nonCompliant: number
  readonly nothingInScope: number
  readonly failed: number
  readonly unevaluated: number
}

export interface PackJudgement {
  readonly rules: readonly RuleJudgement[]
  readonly counts: PackCounts
  /** Every rule has a verdict other than `unevaluated`: nothing left to ask about. */
  readonly settled: boolean
  /** Rules counted with an evaluation that may predate an in-place change. */
  readonly unverifiedChanges: readonly string[]
}

export function judgePack(input: PackEvaluationInput): PackJudgement {
  const rules = input.rules.map((rule) => judgeRule(rule, input))
  const count = (kind: RuleVerdict['kind']): number =>
    rules.filter((r) => r.verdict.kind === kind).length
  return {
    rules,
    counts: {
      compliant: count('compliant'),
      nonCompliant: count('non-compliant'),
      nothingInScope: count('nothing-in-scope'),
      failed: count('evaluation-failed'),
      unevaluated: count('unevaluated')
    },
    settled: rules.every((r) => r.verdict.kind !== 'unevaluated'),
    unverifiedChanges: rules.filter((r) => r.unverifiedChange).map((r) => r.name)
  }
}

export function judgeRule(rule: PackRule, input: PackEvaluationInput): RuleJudgement {
  const status = input.statuses.get(rule.name)
  const reference = referenceOf(rule.name, status, input)
  const unverifiedChange = reference === undefined && (input.stack?.kind ?? 'unreadable') !== 'read'
  const evaluatedAt = evaluationTime(status, input.resultTimes?.get(rule.name))
  const counted =
    evaluatedAt !== undefined && isRecentEnough(reference, evaluatedAt) ? evaluatedAt : undefined

  const failure = failureOf(status)
  if (failure && (failure.at === undefined || isRecentEnough(reference, failure.at))) {
    const newerSuccess = counted !== undefined && failure.at !== undefined && counted > failure.at
    if (!newerSuccess && (counted === undefined || failure.at !== undefined)) {
      return {
        name: rule.name,
        verdict: {
          kind: 'evaluation-failed',
          ...(failure.at !== undefined ? { failedAt: failure.at } : {}),
          error: failure.error
        },
        unverifiedChange: false
      }
    }
  }
  if (counted === undefined) {
    return {
      name: rule.name,
      verdict: reference ? { kind: 'unevaluated', after: reference } : { kind: 'unevaluated' },
      unverifiedChange: false
    }
  }
  const kind =
    rule.compliance === 'NON_COMPLIANT'
      ? 'non-compliant'
      : rule.compliance === 'COMPLIANT'
        ? 'compliant'
        : 'nothing-in-scope'
  return { name: rule.name, verdict: { kind, evaluatedAt: counted }, unverifiedChange }
}

/**
 * The point a rule's result must be newer than; undefined when its latest successful
 * evaluation counts whatever its age (a rule this deployment left alone).
 */
export function referenceOf(
  name: string,
  status: RuleEvaluationStatus | undefined,
  input: PackEvaluationInput
): Reference | undefined {
  const started = input.startedEvaluations?.get(name)
  if (started !== undefined) return { kind: 'started', started }
  // Its own creation, not the pack's completion: evaluations while the pack was still
  // deploying belong to this deployment.
  const activated = status?.firstActivatedAt
  if (activated !== undefined && activated > input.requestedAt) {
    return { kind: 'created', at: activated }
  }
  if (input.stack?.kind === 'read') {
    const changed = input.stack.changedAt.get(name)
    if (changed !== undefined && changed >= input.requestedAt) {
      return { kind: 'changed', at: changed }
    }
  }
  return undefined
}

/**
 * The rule's latest successful evaluation: the status says it for managed and Guard rules;
 * a custom Lambda rule's status has invocation times only, so its results' times stand in.
 */
export function evaluationTime(
  status: RuleEvaluationStatus | undefined,
  results: RuleResultTimes | undefined
): number | undefined {
  if (status?.lastSuccessfulEvaluationAt !== undefined) return status.lastSuccessfulEvaluationAt
  if (status?.firstEvaluationStarted === false) return undefined
  return results?.latestInvokedAt ?? results?.latestRecordedAt
}

/**
 * AWS's time of the rule's newest evaluation or invocation, successful or failed, as read:
 * what an evaluation started after this read must be later than. Undefined: never evaluated.
 */
export function lastEvaluationAt(
  status: RuleEvaluationStatus | undefined,
  results: RuleResultTimes | undefined
): number | undefined {
  const times = [
    status?.lastSuccessfulEvaluationAt,
    status?.lastFailedEvaluationAt,
    status?.lastSuccessfulInvocationAt,
    status?.lastFailedInvocationAt,
    results?.latestInvokedAt,
    results?.latestRecordedAt
  ].filter((t): t is number => t !== undefined)
  return times.length ? Math.max(...times) : undefined
}

/** The rule's last failure, when its status reports an error. */
function failureOf(
  status: RuleEvaluationStatus | undefined
): { at?: number; error: RuleError } | undefined {
  if (!status?.lastErrorCode) return undefined
  const times = [status.lastFailedEvaluationAt, status.lastFailedInvocationAt].filter(
    (t): t is number => t !== undefined
  )
  const error: RuleError = {
    code: status.lastErrorCode,
    ...(status.lastErrorMessage ? { message: status.lastErrorMessage } : {})
  }
  return times.length ? { at: Math.max(...times), error } : { error }
}

/**
 * The rules an on-demand evaluation would help: those with no result of this deployment yet,
 * and those counted with a result the unreadable stack cannot vouch for (the evaluation
 * started then settles what the stack could not).
 */
export function rulesToStart(input: PackEvaluationInput): string[] {
  return judgePack({ ...input, startedEvaluations: undefined })
    .rules.filter((r) => r.verdict.kind === 'unevaluated' || r.unverifiedChange)
    .map((r) => r.name)
}
