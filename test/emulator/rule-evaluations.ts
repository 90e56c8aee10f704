import type { EmulatedPack, Scenario } from './config-emulator.js'
import { packRequestedAt, rulesOf } from './account-packs.js'
import {
  ACCOUNT,
  jsonError,
  ok,
  pageOf,
  stepAt,
  type JsonOperation,
  type OperationContext
} from './operation.js'

/**
 * A conformance pack's rules with evaluation times, for DescribeConfigRuleEvaluationStatus,
 * GetConformancePackComplianceDetails and StartConfigRulesEvaluation (and the rule list and
 * summary in compliance.ts). Times are scripted in ms from the pack's LastUpdateRequestedTime
 * and become visible once the emulator's (scaled) clock reaches them; negative times belong
 * to an earlier deployment.
 */

export type EmulatedResultCompliance = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE'

export interface EmulatedResult {
  readonly resourceType: string
  readonly resourceId: string
  readonly compliance: EmulatedResultCompliance
  readonly annotation?: string
}

/** One evaluation: its results replace the rule's earlier ones; an error keeps them. */
export interface EmulatedEvaluation {
  readonly atMs: number
  /** [] or NOT_APPLICABLE only: evaluated with nothing in scope. */
  readonly results?: readonly EmulatedResult[]
  readonly error?: { readonly code: string; readonly message: string }
}

export interface EmulatedRule {
  readonly name: string
  /**
   * managed and custom-policy (Guard) rules report evaluation times in their status; a
   * custom-lambda rule's status has invocation times only. Default managed.
   */
  readonly kind?: 'managed' | 'custom-policy' | 'custom-lambda'
  /** FirstActivatedTime; default 2 s after the request (created by this deployment). */
  readonly activatedAtMs?: number
  /** In time order; none: never evaluated. */
  readonly evaluations?: readonly EmulatedEvaluation[]
  /**
   * What an evaluation started by StartConfigRulesEvaluation does, and how long it takes;
   * default 5 s, finding what the rule's last evaluation found.
   */
  readonly onDemand?: {
    readonly durationMs: number
    /** Default: the rule's latest results again. */
    readonly results?: readonly EmulatedResult[]
    readonly error?: EmulatedEvaluation['error']
  }
}

type RuleCompliance = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA'

const MAX_STATUS_NAMES = 25
const STATUS_PAGE_SIZE = 50
const MAX_START_NAMES = 25
/** How often the same rules may be started. */
const START_INTERVAL_MS = 60_000
const DEFAULT_ACTIVATED_MS = 2_000
const DEFAULT_ON_DEMAND_MS = 5_000

/** Evaluations started on demand, per scenario (setScenario starts afresh): rule → starts. */
const started = new WeakMap<Scenario, Map<string, number[]>>()

interface Located {
  readonly pack: EmulatedPack
  readonly rule: EmulatedRule
  /** Epoch ms of the pack's LastUpdateRequestedTime. */
  readonly base: number
}

/** The rule's evaluations so far, those started on demand included once they are done. */
export function evaluationsOf(found: Located, ctx: OperationContext): EmulatedEvaluation[] {
  const now = nowOf(ctx)
  const { rule, base } = found
  const onDemand = onDemandOf(rule)
  const done = (started.get(ctx.scenario)?.get(key(ctx, rule.name)) ?? [])
    .map((start) => start + onDemand.durationMs - base)
    .filter((atMs) => base + atMs <= now)
  const timeline: (EmulatedEvaluation | { readonly atMs: number; readonly onDemand: true })[] = [
    ...(rule.evaluations ?? []).filter((e) => base + e.atMs <= now),
    ...done.map((atMs) => ({ atMs, onDemand: true as const }))
  ].sort((a, b) => a.atMs - b.atMs)
  const evaluations: EmulatedEvaluation[] = []
  for (const step of timeline) {
    if (!('onDemand' in step)) {
      evaluations.push(step)
      continue
    }
    // Without scripted results an evaluation on demand finds what the last one found.
    evaluations.push({
      atMs: step.atMs,
      ...(onDemand.error
        ? { error: onDemand.error }
        : { results: onDemand.results ?? latestResults(evaluations) ?? [] })
    })
  }
  return evaluations
}

function onDemandOf(rule: EmulatedRule): NonNullable<EmulatedRule['onDemand']> {
  return rule.onDemand ?? { durationMs: DEFAULT_ON_DEMAND_MS }
}

function latestResults(evaluations: readonly EmulatedEvaluation[]) {
  return evaluations.filter((e) => !e.error).at(-1)?.results
}

/** A rule's compliance from its latest successful evaluation, as AWS Config rolls it up. */
export function ruleCompliance(found: Located, ctx: OperationContext): RuleCompliance {
  const results = latestResults(evaluationsOf(found, ctx)) ?? []
  if (results.some((r) => r.compliance === 'NON_COMPLIANT')) return 'NON_COMPLIANT'
  if (results.some((r) => r.compliance === 'COMPLIANT')) return 'COMPLIANT'
  return 'INSUFFICIENT_DATA'
}

/** A pack's scripted rules with their compliance (compliance.ts lists and sums them up). */
export function scriptedRules(
  pack: EmulatedPack,
  ctx: OperationContext
): { name: string; compliance: RuleCompliance }[] {
  const base = packRequestedAt(pack, ctx.startedAt)
  return (pack.rules ?? []).map((rule) => ({
    name: rule.name,
    compliance: ruleCompliance({ pack, rule, base }, ctx)
  }))
}

/** DescribeConfigRuleEvaluationStatus: ≤ 25 names (none: every rule), ≤ 50 a page. */
export const describeConfigRuleEvaluationStatus: JsonOperation = (body, ctx) => {
  const names = body.ConfigRuleNames
  if (names !== undefined && (!Array.isArray(names) || names.length > MAX_STATUS_NAMES)) {
    return validation(
      `Value at 'configRuleNames' failed to satisfy constraint: Member must have length less than or equal to ${MAX_STATUS_NAMES}`
    )
  }
  const limit = body.Limit ?? 0
  if (!Number.isInteger(limit) || (limit as number) < 0 || (limit as number) > STATUS_PAGE_SIZE) {
    return jsonError(400, 'InvalidLimitException', `Limit ${show(limit)} is out of range`)
  }
  let rules: Located[]
  if (Array.isArray(names) && names.length) {
    rules = []
    for (const name of names as unknown[]) {
      const found = typeof name === 'string' ? locate(name, ctx) : undefined
      if (!found) return noSuchRule(name)
      if (!rules.some((r) => r.rule === found.rule)) rules.push(found)
    }
  } else {
    rules = allRules(ctx)
  }
  const size = Math.min(
    (limit as number) || STATUS_PAGE_SIZE,
    ctx.scenario.ruleStatusPageSize ?? Number.POSITIVE_INFINITY
  )
  const paged = pageOf(rules, body.NextToken, size)
  if (!paged) return jsonError(400, 'InvalidNextTokenException', 'Invalid NextToken')
  return ok({
    ConfigRulesEvaluationStatus: paged.page.map((found) => statusOf(found, ctx)),
    ...(paged.next ? { NextToken: paged.next } : {})
  })
}

function statusOf(found: Located, ctx: OperationContext): Record<string, unknown> {
  const { rule, base } = found
  const evaluations = evaluationsOf(found, ctx)
  const id = `config-rule-${hash(rule.name)}`
  const seconds = (e: EmulatedEvaluation | undefined) =>
    e === undefined ? undefined : (base + e.atMs) / 1000
  const lastOk = seconds(evaluations.filter((e) => !e.error).at(-1))
  const lastFailure = evaluations.filter((e) => e.error).at(-1)
  const lastFailed = seconds(lastFailure)
  const lambda = rule.kind === 'custom-lambda'
  const fields: Record<string, number | string | boolean | undefined> = {
    ConfigRuleName: rule.name,
    ConfigRuleArn: `arn:aws:config:${ctx.region}:${ACCOUNT}:config-rule/${id}`,
    ConfigRuleId: id,
    FirstActivatedTime: (base + (rule.activatedAtMs ?? DEFAULT_ACTIVATED_MS)) / 1000,
    LastSuccessfulInvocationTime: lastOk,
    LastFailedInvocationTime: lastFailed,
    ...(lambda
      ? {}
      : {
          FirstEvaluationStarted: evaluations.length > 0,
          LastSuccessfulEvaluationTime: lastOk,
          LastFailedEvaluationTime: lastFailed
        }),
    LastErrorCode: lastFailure?.error?.code,
    LastErrorMessage: lastFailure?.error?.message
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
}

/**
 * StartConfigRulesEvaluation: 1–25 names; LimitExceededException while an evaluation of one
 * of them runs or was started less than a minute ago (emulator time).
 */
export const startConfigRulesEvaluation: JsonOperation = (body, ctx) => {
  const names = body.ConfigRuleNames
  if (!Array.isArray(names) || names.length < 1 || names.length > MAX_START_NAMES) {
    return validation(
      `Value at 'configRuleNames' failed to satisfy constraint: Member must have length ${Array.isArray(names) && names.length > MAX_START_NAMES ? `less than or equal to ${MAX_START_NAMES}` : 'greater than or equal to 1'}`
    )
  }
  const found: Located[] = []
  for (const name of names as unknown[]) {
    const rule = typeof name === 'string' ? locate(name, ctx) : undefined
    if (!rule) return noSuchRule(name)
    found.push(rule)
  }
  const now = nowOf(ctx)
  let starts = started.get(ctx.scenario)
  if (!starts) started.set(ctx.scenario, (starts = new Map<string, number[]>()))
  for (const { rule } of found) {
    const start = starts.get(key(ctx, rule.name))?.at(-1)
    if (start === undefined) continue
    const running = now < start + onDemandOf(rule).durationMs
    if (running || now - start < START_INTERVAL_MS) {
      return jsonError(
        400,
        'LimitExceededException',
        `An evaluation of ${rule.name} is in progress or was started less than a minute ago.`
      )
    }
  }
  for (const { rule } of found) {
    const k = key(ctx, rule.name)
    starts.set(k, [...(starts.get(k) ?? []), now])
  }
  return ok({})
}

/** Emulator time as epoch ms: the scaled clock since the emulator started. */
function nowOf(ctx: OperationContext): number {
  return ctx.startedAt + ctx.elapsedMs
}

function key(ctx: OperationContext, rule: string): string {
  return `${ctx.region}/${rule}`
}

export function existingPack(name: string, ctx: OperationContext): EmulatedPack | undefined {
  return ctx.scenario.packs.find(
    (pack) =>
      pack.name === name &&
      (!pack.region || pack.region === ctx.region) &&
      stepAt(pack.timeline, Number.MAX_SAFE_INTEGER, ctx.elapsedMs).state !== 'ABSENT'
  )
}

/** Every activated rule of the region's existing packs. */
function allRules(ctx: OperationContext): Located[] {
  return ctx.scenario.packs.flatMap((pack) => {
    if (existingPack(pack.name, ctx) !== pack) return []
    const base = packRequestedAt(pack, ctx.startedAt)
    return rulesOf(pack)
      .filter((rule) => base + (rule.activatedAtMs ?? DEFAULT_ACTIVATED_MS) <= nowOf(ctx))
      .map((rule) => ({ pack, rule, base }))
  })
}

function locate(name: string, ctx: OperationContext): Located | undefined {
  return allRules(ctx).find((found) => found.rule.name === name)
}

function noSuchRule(name: unknown) {
  return jsonError(
    400,
    'NoSuchConfigRuleException',
    `The ConfigRule '${show(name)}' provided in the request is invalid. Please check the configRule name.`
  )
}

function hash(text: string): string {
  let h = 2166136261
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6)
}

/** A request value as an error message quotes it. */
export function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export function validation(detail: string) {
  return jsonError(400, 'ValidationException', `1 validation error detected: ${detail}`)
}
