import {
  DescribeConfigRuleEvaluationStatusCommand,
  DescribeConformancePackComplianceCommand,
  GetConformancePackComplianceDetailsCommand,
  StartConfigRulesEvaluationCommand,
  type ConfigServiceClient
} from '@aws-sdk/client-config-service'
import { abortable } from './abortable.js'
import type {
  PackRule,
  RuleComplianceType,
  RuleEvaluationStatus
} from '../compliance/rule-judgement.js'

/** Most names DescribeConfigRuleEvaluationStatus and StartConfigRulesEvaluation accept. */
export const MAX_STATUS_NAMES = 25
export const MAX_START_NAMES = 25
/** Most rule names GetConformancePackComplianceDetails filters by. */
export const MAX_DETAIL_RULE_NAMES = 10
const RULES_PAGE_LIMIT = 1000
const STATUS_PAGE_LIMIT = 50
const DETAILS_PAGE_LIMIT = 100

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
  packRules(
    pack: string,
    nextToken: string | undefined,
    signal: AbortSignal
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

export function createRuleEvaluationSource(client: ConfigServiceClient): RuleEvaluationSource {
  return {
    async packRules(pack, nextToken, signal) {
      const command = new DescribeConformancePackComplianceCommand({
        ConformancePackName: pack,
        Limit: RULES_PAGE_LIMIT,
        NextToken: nextToken
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
