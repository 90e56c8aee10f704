import type { EmulatedPack } from './config-emulator.js'
import {
  jsonError,
  ok,
  pageOf,
  stepAt,
  type JsonOperation,
  type OperationContext
} from './operation.js'
import { scriptedRules } from './rule-evaluations.js'

/**
 * AWS Config's compliance reads for the emulator: GetConformancePackComplianceSummary and
 * DescribeConformancePackCompliance. Compliance is read once the wait has ended, so a pack's
 * timeline is taken with every atCall step passed (atMs steps still follow the clock). A pack
 * that exists but is not CREATE_COMPLETE, or has neither `compliance` nor `rules`, is
 * INSUFFICIENT_DATA; scripted `rules` give the rule list and the roll-up.
 */

type Compliance = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA'

const COMPLIANCE_TYPES: ReadonlySet<string> = new Set<Compliance>([
  'COMPLIANT',
  'NON_COMPLIANT',
  'INSUFFICIENT_DATA'
])
/** Most names a summary call accepts. */
const MAX_SUMMARY_NAMES = 5
/** Summaries a page: Limit (1–20), default 5, so that a full batch always fits one page. */
const SUMMARY_PAGE_SIZE = 5
const MAX_SUMMARY_LIMIT = 20
/** Rules a page: Limit (0–1000; 0 or none: 100), at most the scenario's complianceRulesPageSize. */
const RULES_PAGE_SIZE = 100
const MAX_RULES_LIMIT = 1000
const MAX_RULE_FILTER_NAMES = 10
const NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/

/** GetConformancePackComplianceSummary: 1–5 names, all of them existing. */
export const getConformancePackComplianceSummary: JsonOperation = (body, ctx) => {
  const names = body.ConformancePackNames
  if (!Array.isArray(names) || names.length < 1 || names.length > MAX_SUMMARY_NAMES) {
    const count = Array.isArray(names) ? names.length : 0
    return validation(
      `Value at 'conformancePackNames' failed to satisfy constraint: Member must have length ${count < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_SUMMARY_NAMES}`}`
    )
  }
  const bad = (names as unknown[]).find((n) => !isName(n))
  if (bad !== undefined) return validation(`Invalid conformance pack name ${show(bad)}`)
  const limit = body.Limit
  if (
    limit !== undefined &&
    (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_SUMMARY_LIMIT)
  ) {
    return jsonError(400, 'InvalidLimitException', `Limit ${show(limit)} is out of range`)
  }

  const packs: EmulatedPack[] = []
  for (const name of names as string[]) {
    const pack = existing(name, ctx)
    if (!pack) return noSuchPack(name)
    if (!packs.includes(pack)) packs.push(pack)
  }
  const paged = pageOf(packs, body.NextToken, (limit as number | undefined) ?? SUMMARY_PAGE_SIZE)
  if (!paged) return jsonError(400, 'InvalidNextTokenException', 'Invalid NextToken')
  return ok({
    ConformancePackComplianceSummaryList: paged.page.map((pack) => ({
      ConformancePackName: pack.name,
      ConformancePackComplianceStatus: complianceOf(pack, ctx).status
    })),
    ...(paged.next ? { NextToken: paged.next } : {})
  })
}

/** DescribeConformancePackCompliance: one pack's rules, filtered by name and compliance. */
export const describeConformancePackCompliance: JsonOperation = (body, ctx) => {
  const name = body.ConformancePackName
  if (!isName(name)) {
    return validation(
      name === undefined
        ? "Value null at 'conformancePackName' failed to satisfy constraint: Member must not be null"
        : `Invalid conformance pack name ${show(name)}`
    )
  }
  const filters = (body.Filters ?? {}) as { ConfigRuleNames?: unknown; ComplianceType?: unknown }
  const ruleNames = filters.ConfigRuleNames
  if (
    ruleNames !== undefined &&
    (!Array.isArray(ruleNames) || ruleNames.length > MAX_RULE_FILTER_NAMES)
  ) {
    return validation(
      `Value at 'filters.configRuleNames' failed to satisfy constraint: Member must have length less than or equal to ${MAX_RULE_FILTER_NAMES}`
    )
  }
  const type = filters.ComplianceType
  if (type !== undefined && (typeof type !== 'string' || !COMPLIANCE_TYPES.has(type))) {
    return validation(
      `Value '${show(type)}' at 'filters.complianceType' failed to satisfy constraint: Member must satisfy enum value set: [COMPLIANT, NON_COMPLIANT, INSUFFICIENT_DATA]`
    )
  }
  const limit = body.Limit ?? 0
  if (!Number.isInteger(limit) || (limit as number) < 0 || (limit as number) > MAX_RULES_LIMIT) {
    return jsonError(400, 'InvalidLimitException', `Limit ${show(limit)} is out of range`)
  }

  const pack = existing(name, ctx)
  if (!pack) return noSuchPack(name)
  let rules = complianceOf(pack, ctx).rules
  if (Array.isArray(ruleNames) && ruleNames.length > 0) {
    const unknown = (ruleNames as unknown[]).find((r) => !rules.some((rule) => rule.name === r))
    if (unknown !== undefined) {
      return jsonError(
        400,
        'NoSuchConfigRuleInConformancePackException',
        `Config rule ${show(unknown)} does not exist in conformance pack ${name}.`
      )
    }
    rules = rules.filter((rule) => ruleNames.includes(rule.name))
  }
  if (type !== undefined) rules = rules.filter((rule) => rule.compliance === type)

  const size = Math.min(
    (limit as number) || RULES_PAGE_SIZE,
    ctx.scenario.complianceRulesPageSize ?? Number.POSITIVE_INFINITY
  )
  const paged = pageOf(rules, body.NextToken, size)
  if (!paged) return jsonError(400, 'InvalidNextTokenException', 'Invalid NextToken')
  return ok({
    ConformancePackName: pack.name,
    ConformancePackRuleComplianceList: paged.page.map((rule) => ({
      ConfigRuleName: rule.name,
      ComplianceType: rule.compliance,
      Controls: []
    })),
    ...(paged.next ? { NextToken: paged.next } : {})
  })
}

/** The pack of that name in the request's region, unless it does not exist now. */
function existing(name: string, ctx: OperationContext): EmulatedPack | undefined {
  return ctx.scenario.packs.find(
    (pack) =>
      pack.name === name &&
      (!pack.region || pack.region === ctx.region) &&
      stepOf(pack, ctx).state !== 'ABSENT'
  )
}

function stepOf(pack: EmulatedPack, ctx: OperationContext) {
  return stepAt(pack.timeline, Number.MAX_SAFE_INTEGER, ctx.elapsedMs)
}

function complianceOf(
  pack: EmulatedPack,
  ctx: OperationContext
): { status: Compliance; rules: readonly { name: string; compliance: Compliance }[] } {
  if (stepOf(pack, ctx).state !== 'CREATE_COMPLETE')
    return { status: 'INSUFFICIENT_DATA', rules: [] }
  if (pack.rules) {
    // AWS's roll-up: rules not evaluated yet do not count against a pack.
    const rules = scriptedRules(pack, ctx)
    const any = (c: Compliance) => rules.some((rule) => rule.compliance === c)
    const status = any('NON_COMPLIANT')
      ? 'NON_COMPLIANT'
      : any('COMPLIANT')
        ? 'COMPLIANT'
        : 'INSUFFICIENT_DATA'
    return { status, rules }
  }
  if (!pack.compliance) return { status: 'INSUFFICIENT_DATA', rules: [] }
  return { status: pack.compliance.status, rules: pack.compliance.rules ?? [] }
}

/** A request value as an error message quotes it. */
function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 256 && NAME.test(value)
}

function validation(detail: string) {
  return jsonError(400, 'ValidationException', `1 validation error detected: ${detail}`)
}

function noSuchPack(name: string) {
  return jsonError(
    400,
    'NoSuchConformancePackException',
    `Conformance pack ${name} does not exist.`
  )
}
