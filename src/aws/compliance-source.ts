import {
  DescribeConformancePackComplianceCommand,
  GetConformancePackComplianceSummaryCommand,
  type ConfigServiceClient
} from '@aws-sdk/client-config-service'
import { abortable } from '../shared/abortable.js'
import { classifyError, isNoSuchPackError } from './errors.js'
import type { ComplianceSource } from '../compliance/read-compliance.js'

/** Most rules DescribeConformancePackCompliance returns in one page. */
export const RULES_PAGE_LIMIT = 1000

/** Compliance from AWS Config. Errors are thrown as the SDK raises them. */
export function createComplianceSource(client: ConfigServiceClient): ComplianceSource {
  return {
    async summaries(names, nextToken, signal) {
      const command = new GetConformancePackComplianceSummaryCommand({
        ConformancePackNames: [...names],
        NextToken: nextToken
      })
      const out = await abortable(client.send(command, { abortSignal: signal }), signal)
      return {
        items: (out.ConformancePackComplianceSummaryList ?? []).map((s) => ({
          name: s.ConformancePackName ?? '',
          compliance: s.ConformancePackComplianceStatus ?? ''
        })),
        nextToken: out.NextToken || undefined
      }
    },

    async nonCompliantRules(name, nextToken, signal) {
      const command = new DescribeConformancePackComplianceCommand({
        ConformancePackName: name,
        Filters: { ComplianceType: 'NON_COMPLIANT' },
        Limit: RULES_PAGE_LIMIT,
        NextToken: nextToken
      })
      const out = await abortable(client.send(command, { abortSignal: signal }), signal)
      return {
        rules: (out.ConformancePackRuleComplianceList ?? []).flatMap((r) =>
          // The filter asks for NON_COMPLIANT only; a stray other answer is not a failing rule.
          r.ConfigRuleName && (r.ComplianceType ?? 'NON_COMPLIANT') === 'NON_COMPLIANT'
            ? [r.ConfigRuleName]
            : []
        ),
        nextToken: out.NextToken || undefined
      }
    },

    classify: classifyError,
    isNoSuchPack: isNoSuchPackError
  }
}
