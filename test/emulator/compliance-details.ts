import { packRequestedAt, rulesOf } from './account-packs.js'
import { jsonError, ok, pageOf, type JsonOperation } from './operation.js'
import { evaluationsOf, existingPack, show, validation } from './rule-evaluations.js'

/**
 * GetConformancePackComplianceDetails for the emulator: the results of the latest successful
 * evaluation of each scripted rule (rule-evaluations.ts), NOT_APPLICABLE ones included.
 */

const MAX_RULE_FILTER_NAMES = 10
const MAX_RESOURCE_IDS = 5
const DETAILS_PAGE_SIZE = 100
const DETAIL_TYPES = new Set<string>(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'])

/** GetConformancePackComplianceDetails: one pack's results, filtered, ≤ 100 a page. */
export const getConformancePackComplianceDetails: JsonOperation = (body, ctx) => {
  const packName = body.ConformancePackName
  if (typeof packName !== 'string' || !packName) {
    return validation(
      "Value null at 'conformancePackName' failed to satisfy constraint: Member must not be null"
    )
  }
  const filters = (body.Filters ?? {}) as Record<string, unknown>
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
  if (type !== undefined && (typeof type !== 'string' || !DETAIL_TYPES.has(type))) {
    return jsonError(
      400,
      'InvalidParameterValueException',
      `ComplianceType ${JSON.stringify(type)} is not supported: use COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE.`
    )
  }
  const ids = filters.ResourceIds
  if (ids !== undefined && (!Array.isArray(ids) || ids.length > MAX_RESOURCE_IDS)) {
    return validation(
      `Value at 'filters.resourceIds' failed to satisfy constraint: Member must have length less than or equal to ${MAX_RESOURCE_IDS}`
    )
  }
  if (Array.isArray(ids) && ids.length && typeof filters.ResourceType !== 'string') {
    return jsonError(
      400,
      'InvalidParameterValueException',
      'ResourceIds can be given only together with ResourceType.'
    )
  }
  const limit = body.Limit ?? 0
  if (!Number.isInteger(limit) || (limit as number) < 0 || (limit as number) > DETAILS_PAGE_SIZE) {
    return jsonError(400, 'InvalidLimitException', `Limit ${show(limit)} is out of range`)
  }
  const pack = existingPack(packName, ctx)
  if (!pack) {
    return jsonError(
      400,
      'NoSuchConformancePackException',
      `Conformance pack ${packName} does not exist.`
    )
  }
  const base = packRequestedAt(pack, ctx.startedAt)
  let rules = rulesOf(pack)
  if (Array.isArray(ruleNames) && ruleNames.length) {
    const unknown = (ruleNames as unknown[]).find((n) => !rules.some((r) => r.name === n))
    if (unknown !== undefined) {
      return jsonError(
        400,
        'NoSuchConfigRuleInConformancePackException',
        `Config rule ${show(unknown)} does not exist in conformance pack ${packName}.`
      )
    }
    rules = rules.filter((r) => ruleNames.includes(r.name))
  }
  const results = rules.flatMap((rule) => {
    const evaluations = evaluationsOf({ pack, rule, base }, ctx)
    const latest = evaluations.filter((e) => !e.error).at(-1)
    return (latest?.results ?? []).map((result) => ({ rule, result, at: base + latest!.atMs }))
  })
  const selected = results.filter(
    ({ result }) =>
      (type === undefined || result.compliance === type) &&
      (typeof filters.ResourceType !== 'string' || result.resourceType === filters.ResourceType) &&
      (!Array.isArray(ids) || !ids.length || ids.includes(result.resourceId))
  )
  const size = Math.min(
    (limit as number) || DETAILS_PAGE_SIZE,
    ctx.scenario.complianceDetailsPageSize ?? Number.POSITIVE_INFINITY
  )
  const paged = pageOf(selected, body.NextToken, size)
  if (!paged) return jsonError(400, 'InvalidNextTokenException', 'Invalid NextToken')
  return ok({
    ConformancePackName: pack.name,
    ConformancePackRuleEvaluationResults: paged.page.map(({ rule, result, at }) => ({
      ComplianceType: result.compliance,
      EvaluationResultIdentifier: {
        EvaluationResultQualifier: {
          ConfigRuleName: rule.name,
          ResourceType: result.resourceType,
          ResourceId: result.resourceId,
          EvaluationMode: 'DETECTIVE'
        },
        OrderingTimestamp: at / 1000
      },
      ConfigRuleInvokedTime: at / 1000,
      // Recorded a moment after the rule ran.
      ResultRecordedTime: (at + 500) / 1000,
      ...(result.annotation ? { Annotation: result.annotation } : {})
    })),
    ...(paged.next ? { NextToken: paged.next } : {})
  })
}
