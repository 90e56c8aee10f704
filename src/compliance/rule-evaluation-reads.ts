import type {
  NonCompliantResource,
  PackRule,
  RuleEvaluationStatus,
  RuleResultTimes
} from './rule-judgement.js'
import { readPages, readPagesSoFar } from '../shared/paging.js'

/** Most names DescribeConfigRuleEvaluationStatus and StartConfigRulesEvaluation accept. */
export const MAX_STATUS_NAMES = 25
export const MAX_START_NAMES = 25
/** Most rule names GetConformancePackComplianceDetails filters by. */
export const MAX_DETAIL_RULE_NAMES = 10

export const RULE_EVALUATION_IAM_ACTIONS = {
  rules: 'config:DescribeConformancePackCompliance',
  statuses: 'config:DescribeConfigRuleEvaluationStatus',
  results: 'config:GetConformancePackComplianceDetails',
  start: 'config:StartConfigRulesEvaluation'
} as const

export interface Page<T> {
  readonly items: readonly T[]
  readonly nextToken?: string
}

/** One result of GetConformancePackComplianceDetails, times in epoch ms. */
export interface EvaluationResult {
  readonly rule: string
  readonly compliance: string
  readonly resourceType: string
  readonly resourceId: string
  readonly invokedAt?: number
  readonly recordedAt?: number
  readonly annotation?: string
}

export type StartOutcome =
  | { readonly kind: 'started' }
  /** LimitExceededException: one is running, or was started less than a minute ago. */
  | { readonly kind: 'already-running'; readonly message: string }

/**
 * Config's reads for judging a pack's rules, one request each: every call takes its own
 * abort signal (the caller bounds each request and cancels them all). Errors are thrown as
 * the SDK raises them, except LimitExceededException on a start.
 */
export interface RuleEvaluationSource {
  /** The pack's rules with their compliance; `rules` (at most 10 names): only those. */
  packRules(
    pack: string,
    nextToken: string | undefined,
    signal: AbortSignal,
    rules?: readonly string[]
  ): Promise<Page<PackRule>>
  statuses(
    rules: readonly string[],
    nextToken: string | undefined,
    signal: AbortSignal
  ): Promise<Page<RuleEvaluationStatus>>
  results(
    pack: string,
    filter: { readonly rules: readonly string[]; readonly compliance?: 'NON_COMPLIANT' },
    nextToken: string | undefined,
    signal: AbortSignal
  ): Promise<Page<EvaluationResult>>
  startEvaluation(rules: readonly string[], signal: AbortSignal): Promise<StartOutcome>
}

/**
 * Whole reads over a RuleEvaluationSource: batches of names and every page. A failed request
 * throws, as the source raised it; the caller's loop retries or gives up.
 */

/** Pages read for one rule's non-compliant resources: 100 pages of 100. */
export const DEFAULT_RESOURCE_PAGE_CAP = 100

/** A fresh signal for each request (bounded by its own timeout and the cancellation). */
export type SignalFor = () => AbortSignal

/** Every rule of a pack, all pages; with `rules` (at most 10 names), only those. */
export async function readPackRules(
  source: RuleEvaluationSource,
  pack: string,
  signalFor: SignalFor,
  rules?: readonly string[]
): Promise<PackRule[]> {
  return allPages('DescribeConformancePackCompliance', (token) =>
    source.packRules(pack, token, signalFor(), rules)
  )
}

/** The statuses of the rules named, 25 names a call, all pages, by rule name. */
export async function readStatuses(
  source: RuleEvaluationSource,
  rules: readonly string[],
  signalFor: SignalFor
): Promise<Map<string, RuleEvaluationStatus>> {
  const statuses = new Map<string, RuleEvaluationStatus>()
  for (const batch of chunks(rules, MAX_STATUS_NAMES)) {
    const items = await allPages('DescribeConfigRuleEvaluationStatus', (token) =>
      source.statuses(batch, token, signalFor())
    )
    for (const status of items) statuses.set(status.name, status)
  }
  return statuses
}

/** The newest result times of the rules named (those whose status says nothing). */
export async function readResultTimes(
  source: RuleEvaluationSource,
  pack: string,
  rules: readonly string[],
  signalFor: SignalFor
): Promise<Map<string, RuleResultTimes>> {
  const times = new Map<string, RuleResultTimes>(rules.map((r) => [r, { results: 0 }]))
  for (const batch of chunks(rules, MAX_DETAIL_RULE_NAMES)) {
    const results = await allPages('GetConformancePackComplianceDetails', (token) =>
      source.results(pack, { rules: batch }, token, signalFor())
    )
    for (const r of results) {
      const before = times.get(r.rule) ?? { results: 0 }
      times.set(r.rule, {
        results: before.results + 1,
        latestInvokedAt: newest(before.latestInvokedAt, r.invokedAt),
        latestRecordedAt: newest(before.latestRecordedAt, r.recordedAt)
      })
    }
  }
  return times
}

export type ResourcesRead =
  | { readonly kind: 'complete'; readonly resources: readonly NonCompliantResource[] }
  /** More pages than the cap: the resources read so far. */
  | { readonly kind: 'capped'; readonly resources: readonly NonCompliantResource[] }

/** A rule's every non-compliant resource, up to `maxPages` pages. */
export async function readNonCompliantResources(
  source: RuleEvaluationSource,
  pack: string,
  rule: string,
  signalFor: SignalFor,
  maxPages: number = DEFAULT_RESOURCE_PAGE_CAP
): Promise<ResourcesRead> {
  const listing = await readPagesSoFar(
    'GetConformancePackComplianceDetails',
    (token) =>
      source.results(pack, { rules: [rule], compliance: 'NON_COMPLIANT' }, token, signalFor()),
    (page) => page.nextToken,
    maxPages
  )
  const resources = listing.pages.flatMap((page) =>
    page.items.flatMap((r): NonCompliantResource[] =>
      // The filter asks for NON_COMPLIANT only; a stray other answer is not a failing resource.
      r.rule !== rule || r.compliance !== 'NON_COMPLIANT'
        ? []
        : [
            {
              resourceType: r.resourceType,
              resourceId: r.resourceId,
              ...(r.annotation ? { annotation: r.annotation } : {})
            }
          ]
    )
  )
  // Past the cap, or a token handed back again: either way the list is incomplete.
  return { kind: listing.kind === 'complete' ? 'complete' : 'capped', resources }
}

/**
 * Every page, until the service stops giving a token. A token handed back again throws a
 * PagingError (transient): a partial list of a pack's rules would leave rules unjudged, so the
 * round fails and is read again after the schedule's backoff. No cap: these listings are
 * bounded by the names asked.
 */
async function allPages<T>(
  operation: string,
  read: (token: string | undefined) => Promise<Page<T>>
): Promise<T[]> {
  const pages = await readPages(operation, read, (page) => page.nextToken, Infinity)
  return pages.flatMap((page) => page.items)
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function newest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b)
}
