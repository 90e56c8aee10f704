import type { ComplianceMode } from '../inputs.js'
import { earlierDeployments, type EarlierDeployment } from '../packs/deployment.js'
import {
  isPending,
  outcomeOf,
  type MissingPackPolicy,
  type PackStatus
} from '../packs/pack-state.js'
import { packLabel } from '../packs/label.js'
import type { WaitEnd } from '../wait/wait-for-packs.js'

/** noncompliant: every pack deployed, but `compliance: require` found a NON_COMPLIANT one. */
export type Result = 'success' | 'failure' | 'timeout' | 'cancelled' | 'noncompliant'

/** The packs of a run by what their states mean: the lists the outputs carry. */
export interface PackLists {
  readonly completed: readonly string[]
  readonly failed: readonly string[]
  readonly pending: readonly string[]
  readonly missing: readonly string[]
}

/** What a verdict says besides its result. */
interface VerdictFacts extends PackLists {
  /**
   * The regions where, with no names given, AWS Config listed no conformance pack at all:
   * nothing was checked there. Absent when there is none.
   */
  readonly emptyRegions?: readonly string[]
  /** Pending packs that still show a deployment requested before `requested-after`; absent when none. */
  readonly earlier?: readonly EarlierDeployment[]
}

/**
 * The run's result, and the pack lists the outputs carry. A discriminated union on `result`:
 * only a failure may leave the step passing (failed packs under `fail-on-failure: false`), and
 * only `noncompliant` names non-compliant packs.
 */
export type Verdict = VerdictFacts &
  (
    | { readonly result: 'success'; readonly failStep: false }
    | { readonly result: 'failure'; readonly failStep: boolean }
    | { readonly result: 'timeout' | 'cancelled'; readonly failStep: true }
    | {
        readonly result: 'noncompliant'
        readonly failStep: true
        /** `region/name` when several regions. */
        readonly noncompliant: readonly string[]
      }
  )

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
  const { completed, failed, pending, missing } = packLists(packs, policy.missingPack)
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

/**
 * Which list each pack is in. A missing pack is also pending while `missing-pack: wait` keeps
 * the wait going for it; `isPending` is the rule the wait itself follows.
 */
export function packLists(packs: readonly PackStatus[], missingPack: MissingPackPolicy): PackLists {
  const names = (pred: (p: PackStatus) => boolean): string[] =>
    packs.filter(pred).map((p) => p.name)
  return {
    completed: names((p) => outcomeOf(p.state) === 'completed'),
    failed: names((p) => outcomeOf(p.state) === 'failed'),
    pending: names((p) => isPending(p.state, missingPack)),
    missing: names((p) => outcomeOf(p.state) === 'missing')
  }
}

/** The lists of several regions as one, each name labelled with its region when several. */
export function mergeLists(
  regions: readonly { readonly region: string; readonly lists: PackLists }[]
): PackLists {
  const several = regions.length > 1
  const list = (key: keyof PackLists): string[] =>
    regions.flatMap((r) => r.lists[key].map((name) => packLabel(r.region, name, several)))
  return {
    completed: list('completed'),
    failed: list('failed'),
    pending: list('pending'),
    missing: list('missing')
  }
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

const RESULT_ORDER = ['cancelled', 'failure', 'timeout', 'success'] as const

/**
 * Several regions: each region's verdict, and the overall one: cancelled if any region was,
 * else failure if any region failed, else timeout if any timed out, else success.
 */
export function decideRegions(
  outcomes: readonly RegionOutcome[],
  policy: VerdictPolicy
): RegionsVerdict {
  const regions = outcomes.map((o) => decide(o.packs, o.end, policy, o.region))
  const several = outcomes.length > 1
  const label = (region: string, name: string): string => packLabel(region, name, several)
  const result = RESULT_ORDER.find((r) => regions.some((v) => v.result === r)) ?? 'success'
  const emptyRegions = regions.flatMap((v) => v.emptyRegions ?? [])
  const earlier = regions.flatMap((v, i) =>
    (v.earlier ?? []).map((e) => ({ ...e, name: label(outcomes[i].region, e.name) }))
  )
  const facts: VerdictFacts = {
    ...mergeLists(regions.map((lists, i) => ({ region: outcomes[i].region, lists }))),
    ...(emptyRegions.length ? { emptyRegions } : {}),
    ...(earlier.length ? { earlier } : {})
  }
  // Only a failure can leave the step passing: every region's own failure did (fail-on-failure).
  const overall: Verdict =
    result === 'success'
      ? { result, failStep: false, ...facts }
      : result === 'failure'
        ? { result, failStep: regions.some((v) => v.failStep), ...facts }
        : { result, failStep: true, ...facts }
  return {
    overall,
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
