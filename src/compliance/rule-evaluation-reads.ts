import type {
  NonCompliantResource,
  PackRule,
  RuleEvaluationStatus,
  RuleResultTimes
} from './rule-judgement.js'
import {
  MAX_DETAIL_RULE_NAMES,
  MAX_START_NAMES,
  MAX_STATUS_NAMES,
  type Page,
  type RuleEvaluationSource,
  type StartOutcome
} from '../aws/rule-evaluation-source.js'

/**
 * Whole reads over a RuleEvaluationSource: batches of names and every page. A failed request
 * throws, as the source raised it; the caller's loop retries or gives up.
 */

/** Pages read for one rule's non-compliant resources: 100 pages of 100. */
export const DEFAULT_RESOURCE_PAGE_CAP = 100

/** A fresh signal for each request (bounded by its own timeout and the cancellation). */
export type SignalFor = () => AbortSignal

/** Every rule of a pack, all pages. */
export async function readPackRules(
  source: RuleEvaluationSource,
  pack: string,
  signalFor: SignalFor
): Promise<PackRule[]> {
  return allPages((token) => source.packRules(pack, token, signalFor()))
}

/** The statuses of the rules named, 25 names a call, all pages, by rule name. */
export async function readStatuses(
  source: RuleEvaluationSource,
  rules: readonly string[],
  signalFor: SignalFor
): Promise<Map<string, RuleEvaluationStatus>> {
  const statuses = new Map<string, RuleEvaluationStatus>()
  for (const batch of chunks(rules, MAX_STATUS_NAMES)) {
    const items = await allPages((token) => source.statuses(batch, token, signalFor()))
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
    const results = await allPages((token) =>
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
  const resources: NonCompliantResource[] = []
  let token: string | undefined
  for (let pages = 0; pages < maxPages; pages++) {
    const out = await source.results(
      pack,
      { rules: [rule], compliance: 'NON_COMPLIANT' },
      token,
      signalFor()
    )
    for (const r of out.items) {
      // The filter asks for NON_COMPLIANT only; a stray other answer is not a failing resource.
      if (r.rule !== rule || r.compliance !== 'NON_COMPLIANT') continue
      resources.push({
        resourceType: r.resourceType,
        resourceId: r.resourceId,
        ...(r.annotation ? { annotation: r.annotation } : {})
      })
    }
    token = out.nextToken
    if (!token) return { kind: 'complete', resources }
  }
  return { kind: 'capped', resources }
}

/** Starts evaluations of the rules named, 25 a call; the outcome per batch, in order. */
export async function startEvaluations(
  source: RuleEvaluationSource,
  rules: readonly string[],
  signalFor: SignalFor
): Promise<{ rules: readonly string[]; outcome: StartOutcome }[]> {
  const outcomes: { rules: readonly string[]; outcome: StartOutcome }[] = []
  for (const batch of chunks(rules, MAX_START_NAMES)) {
    outcomes.push({ rules: batch, outcome: await source.startEvaluation(batch, signalFor()) })
  }
  return outcomes
}

/** Pages until the service stops giving a token; a token seen twice ends it. */
async function allPages<T>(read: (token: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = []
  const seen = new Set<string>()
  let token: string | undefined
  do {
    const out = await read(token)
    items.push(...out.items)
    token = out.nextToken
    if (token && seen.has(token)) break
    if (token) seen.add(token)
  } while (token)
  return items
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function newest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b)
}
