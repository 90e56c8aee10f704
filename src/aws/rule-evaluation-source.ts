import {
  DescribeConfigRuleEvaluationStatusCommand,
  DescribeConformancePackComplianceCommand,
  GetConformancePackComplianceDetailsCommand,
  StartConfigRulesEvaluationCommand,
  type ConfigServiceClient
} from '@aws-sdk/client-config-service'
import { abortable } from '../shared/abortable.js'
import { classifyError, isNoSuchPackError } from './errors.js'
import type { RuleEvaluationPort } from '../compliance/evaluation-requests.js'
import {
  MAX_DETAIL_RULE_NAMES,
  MAX_START_NAMES,
  MAX_STATUS_NAMES,
  type Page
} from '../compliance/rule-evaluation-reads.js'
import type { RuleComplianceType } from '../compliance/rule-judgement.js'

const RULES_PAGE_LIMIT = 1000
const STATUS_PAGE_LIMIT = 50
const DETAILS_PAGE_LIMIT = 100

/**
 * Config's rule-evaluation reads, one request a call. Errors are thrown as the SDK raises
 * them (LimitExceededException on a start is the outcome `already-running`). Longer than 60
 * lines on purpose: an adapter object, one short method per AWS call, sharing one client.
 */
export function createRuleEvaluationSource(client: ConfigServiceClient): RuleEvaluationPort {
  return {
    classify: classifyError,
    isNoSuchPack: isNoSuchPackError,
    isNoSuchRule: (error) =>
      (error as { name?: string } | undefined)?.name === 'NoSuchConfigRuleException',

    async packRules(pack, nextToken, signal, rules) {
      if (rules) batchGuard(rules, MAX_DETAIL_RULE_NAMES, 'DescribeConformancePackCompliance')
      const command = new DescribeConformancePackComplianceCommand({
        ConformancePackName: pack,
        Limit: RULES_PAGE_LIMIT,
        NextToken: nextToken,
        ...(rules ? { Filters: { ConfigRuleNames: [...rules] } } : {})
      })
      const out = await abortable(client.send(command, { abortSignal: signal }), signal)
      return page(
        (out.ConformancePackRuleComplianceList ?? []).flatMap((r) =>
          r.ConfigRuleName
            ? [{ name: r.ConfigRuleName, compliance: complianceOf(r.ComplianceType) }]
            : []
        ),
        out.NextToken
      )
    },

    async statuses(rules, nextToken, signal) {
      // No names asks for every rule of the account: never what is meant here.
      batchGuard(rules, MAX_STATUS_NAMES, 'DescribeConfigRuleEvaluationStatus')
      const command = new DescribeConfigRuleEvaluationStatusCommand({
        ConfigRuleNames: [...rules],
        Limit: STATUS_PAGE_LIMIT,
        NextToken: nextToken
      })
      const out = await abortable(client.send(command, { abortSignal: signal }), signal)
      return page(
        (out.ConfigRulesEvaluationStatus ?? []).flatMap((s) =>
          s.ConfigRuleName
            ? [
                defined({
                  name: s.ConfigRuleName,
                  firstActivatedAt: s.FirstActivatedTime?.getTime(),
                  firstEvaluationStarted: s.FirstEvaluationStarted,
                  lastSuccessfulInvocationAt: s.LastSuccessfulInvocationTime?.getTime(),
                  lastFailedInvocationAt: s.LastFailedInvocationTime?.getTime(),
                  lastSuccessfulEvaluationAt: s.LastSuccessfulEvaluationTime?.getTime(),
                  lastFailedEvaluationAt: s.LastFailedEvaluationTime?.getTime(),
                  lastErrorCode: s.LastErrorCode || undefined,
                  lastErrorMessage: s.LastErrorMessage || undefined
                })
              ]
            : []
        ),
        out.NextToken
      )
    },

    async results(pack, filter, nextToken, signal) {
      batchGuard(filter.rules, MAX_DETAIL_RULE_NAMES, 'GetConformancePackComplianceDetails')
      const command = new GetConformancePackComplianceDetailsCommand({
        ConformancePackName: pack,
        Filters: {
          ConfigRuleNames: [...filter.rules],
          ...(filter.compliance ? { ComplianceType: filter.compliance } : {})
        },
        Limit: DETAILS_PAGE_LIMIT,
        NextToken: nextToken
      })
      const out = await abortable(client.send(command, { abortSignal: signal }), signal)
      return page(
        (out.ConformancePackRuleEvaluationResults ?? []).flatMap((r) => {
          const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier
          if (!q?.ConfigRuleName) return []
          return [
            defined({
              rule: q.ConfigRuleName,
              compliance: r.ComplianceType ?? '',
              resourceType: q.ResourceType ?? '',
              resourceId: q.ResourceId ?? '',
              invokedAt: r.ConfigRuleInvokedTime?.getTime(),
              recordedAt: r.ResultRecordedTime?.getTime(),
              annotation: r.Annotation || undefined
            })
          ]
        }),
        out.NextToken
      )
    },

    async startEvaluation(rules, signal) {
      batchGuard(rules, MAX_START_NAMES, 'StartConfigRulesEvaluation')
      const command = new StartConfigRulesEvaluationCommand({ ConfigRuleNames: [...rules] })
      try {
        await abortable(client.send(command, { abortSignal: signal }), signal)
        return { kind: 'started' }
      } catch (error) {
        if ((error as { name?: string }).name !== 'LimitExceededException') throw error
        return { kind: 'already-running', message: (error as Error).message }
      }
    }
  }
}

function batchGuard(names: readonly string[], max: number, operation: string): void {
  if (names.length < 1 || names.length > max) {
    throw new RangeError(`${operation} takes 1 to ${max} rule names, not ${names.length}`)
  }
}

function page<T>(items: T[], nextToken: string | undefined): Page<T> {
  return nextToken ? { items, nextToken } : { items }
}

function complianceOf(type: string | undefined): RuleComplianceType {
  return type === 'COMPLIANT' || type === 'NON_COMPLIANT' ? type : 'INSUFFICIENT_DATA'
}

/** Drops undefined fields, so results compare and serialise as AWS sent them. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
