import type { ComplianceMode } from '../inputs.js'
import { earlierDeployments, type EarlierDeployment } from '../packs/deployment.js'
import { outcomeOf, type MissingPackPolicy, type PackStatus } from '../packs/pack-state.js'
import type { WaitEnd } from '../wait/wait-for-packs.js'

/** noncompliant: every pack deployed, but `compliance: require` found a NON_COMPLIANT one. */
export type Result = 'success' | 'failure' | 'timeout' | 'cancelled' | 'noncompliant'

/** The wait's result, and the pack lists the outputs carry. */
export interface Verdict {
  readonly result: Result
  /** Whether the step fails: a failed pack under `fail-on-failure: false` does not. */
  readonly failStep: boolean
  readonly completed: readonly string[]
  readonly failed: readonly string[]
  readonly pending: readonly string[]
  readonly missing: readonly string[]
  /** Set once compliance is read under `require`. */
  readonly noncompliant?: readonly string[]
  /**
   * The regions where, with no names given, AWS Config listed no conformance pack at all:
   * nothing was checked there. Absent when there is none.
   */
  readonly emptyRegions?: readonly string[]
  /** Pending packs that still show a deployment requested before `requested-after`; absent when none. */
  readonly earlier?: readonly EarlierDeployment[]
}

export interface VerdictPolicy {
  readonly missingPack: MissingPackPolicy
  readonly failOnFailure: boolean
  /** The names awaited; none: every pack in the region. */
  readonly names?: readonly string[]
  /** Under `require` a region that had nothing to check fails. */
  readonly compliance?: ComplianceMode
}

/**
 * failure when any pack failed, a missing pack is not allowed, or AWS refused the wait;
 * else timeout when any is still pending at the deadline; else success. Cancellation
 * overrides all: the wait never finished. A region that listed no pack at all checked
 * nothing: it says so (emptyRegions), and under `compliance: require` it fails, as a gate
 * that checked nothing must not pass.
 */
export function decide(
  packs: readonly PackStatus[],
  end: WaitEnd,
  policy: VerdictPolicy,
  region = 'the region'
): Verdict {
  const names = (pred: (p: PackStatus) => boolean): string[] =>
    packs.filter(pred).map((p) => p.name)
  const completed = names((p) => outcomeOf(p.state) === 'completed')
  const failed = names((p) => outcomeOf(p.state) === 'failed')
  const missing = names((p) => outcomeOf(p.state) === 'missing')
  const pending = names((p) => {
    const outcome = outcomeOf(p.state)
    return (
      outcome === 'in-progress' ||
      outcome === 'unknown' ||
      (outcome === 'missing' && policy.missingPack === 'wait')
    )
  })
  const missingFails = policy.missingPack === 'fail' && missing.length > 0

  const empty = !policy.names?.length && packs.length === 0 && end.kind === 'settled'
  const earlier = earlierDeployments(packs)
  const lists = {
    completed,
    failed,
    pending,
    missing,
    ...(empty ? { emptyRegions: [region] } : {}),
    ...(earlier.length ? { earlier } : {})
  }
  if (end.kind === 'cancelled') return { result: 'cancelled', failStep: true, ...lists }
  if (empty && policy.compliance === 'require')
    return { result: 'failure', failStep: true, ...lists }
  if (end.kind === 'error' || missingFails) return { result: 'failure', failStep: true, ...lists }
  if (failed.length > 0)
    return {
      result: 'failure',
      failStep: policy.failOnFailure || end.kind === 'deadline',
      ...lists
    }
  if (end.kind === 'deadline' || pending.length > 0)
    return { result: 'timeout', failStep: true, ...lists }
  return { result: 'success', failStep: false, ...lists }
}

/** One region's wait, as the verdict sees it. */
export interface RegionOutcome {
  readonly region: string
  readonly packs: readonly PackStatus[]
  readonly end: WaitEnd
}

export interface RegionsVerdict {
  /** The single-region rule over all packs of all regions; names are `region/name` when several. */
  readonly overall: Verdict
  /** Each region's own verdict, in input order, with plain names. */
  readonly regions: readonly Verdict[]
  /** Why the wait stopped, over all regions (for the headline). */
  readonly end: WaitEnd
}

const RESULT_ORDER: readonly Result[] = ['cancelled', 'failure', 'timeout', 'success']

/**
 * Several regions: each region's verdict, and the overall one: cancelled if any region was,
 * else failure if any region failed, else timeout if any timed out, else success.
 */
export function decideRegions(
  outcomes: readonly RegionOutcome[],
  policy: VerdictPolicy
): RegionsVerdict {
  const regions = outcomes.map((o) => decide(o.packs, o.end, policy, o.region))
  const label =
    outcomes.length > 1
      ? (region: string, name: string) => `${region}/${name}`
      : (_: string, name: string) => name
  const list = (key: 'completed' | 'failed' | 'pending' | 'missing'): string[] =>
    regions.flatMap((v, i) => v[key].map((name) => label(outcomes[i].region, name)))
  const result = RESULT_ORDER.find((r) => regions.some((v) => v.result === r)) ?? 'success'
  const emptyRegions = regions.flatMap((v) => v.emptyRegions ?? [])
  const earlier = regions.flatMap((v, i) =>
    (v.earlier ?? []).map((e) => ({ ...e, name: label(outcomes[i].region, e.name) }))
  )
  return {
    overall: {
      result,
      failStep: regions.some((v) => v.failStep),
      completed: list('completed'),
      failed: list('failed'),
      pending: list('pending'),
      missing: list('missing'),
      ...(emptyRegions.length ? { emptyRegions } : {}),
      ...(earlier.length ? { earlier } : {})
    },
    regions,
    end: combineEnds(outcomes)
  }
}

function combineEnds(outcomes: readonly RegionOutcome[]): WaitEnd {
  const prefix = (region: string): string => (outcomes.length > 1 ? `${region}: ` : '')
  if (outcomes.some((o) => o.end.kind === 'cancelled')) return { kind: 'cancelled' }
  const errors = outcomes.flatMap((o) =>
    o.end.kind === 'error' ? [`${prefix(o.region)}${o.end.message}`] : []
  )
  if (errors.length) return { kind: 'error', message: errors.join('; ') }
  const deadlines = outcomes.filter((o) => o.end.kind === 'deadline')
  if (deadlines.length) {
    const withError = deadlines.find((o) => o.end.kind === 'deadline' && o.end.lastError)
    const lastError = withError?.end.kind === 'deadline' ? withError.end.lastError : undefined
    return {
      kind: 'deadline',
      lastError: lastError && withError ? `${prefix(withError.region)}${lastError}` : undefined
    }
  }
  return { kind: 'settled' }
}
