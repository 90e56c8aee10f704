import type { PackCompliance } from './compliance-result.js'
import { rulesWith, type RuleEntry } from './evaluation-compliance.js'

/** What INSUFFICIENT_DATA means, for the summary and the annotations. */
export const INSUFFICIENT_DATA_MEANING =
  'INSUFFICIENT_DATA means AWS Config has no evaluation results for the pack yet: its rules have not been evaluated, or no resources are in their scope.'

/** Non-compliant resources of a rule named in an annotation. */
export const RESOURCES_ANNOTATED = 3

export interface ComplianceAnnotation {
  readonly level: 'error' | 'warning'
  readonly title: string
  readonly message: string
}

/**
 * A line per pack that is not COMPLIANT, and per pack with rules that failed to evaluate.
 * NON_COMPLIANT and failed rules fail the step under `require` (an error) and only warn under
 * `report`; INSUFFICIENT_DATA warns, unless the pack's rules were judged (a pack that lists no
 * rule still warns: it checked nothing).
 * `label` is how a pack is named (with its region when several are awaited).
 */
export function complianceAnnotations(
  packs: readonly PackCompliance[],
  mode: 'report' | 'require',
  label: (name: string) => string
): ComplianceAnnotation[] {
  const notes: ComplianceAnnotation[] = []
  const level = mode === 'require' ? 'error' : 'warning'
  for (const pack of packs) {
    const shown = label(pack.name)
    if (pack.compliance === 'NON_COMPLIANT') {
      const rules = pack.nonCompliantRules
      const byName = new Map((pack.rules ?? []).map((r) => [r.name, r]))
      notes.push({
        level,
        title: `Conformance pack ${shown}: NON_COMPLIANT`,
        message:
          rules.length > 0
            ? `${shown} is NON_COMPLIANT: ${rules.length} rule(s) not compliant: ${rules.map((r) => r + resourcesText(byName.get(r))).join(', ')}`
            : `${shown} is NON_COMPLIANT (AWS Config listed no non-compliant rule).`
      })
    } else if (
      pack.compliance === 'INSUFFICIENT_DATA' &&
      // Judged rules say for themselves what they are; a pack without any checked nothing.
      !pack.rules?.length
    ) {
      notes.push({
        level: 'warning',
        title: `Conformance pack ${shown}: INSUFFICIENT_DATA`,
        message: `${shown} is INSUFFICIENT_DATA. ${INSUFFICIENT_DATA_MEANING}`
      })
    }
    const failed = rulesWith(pack, 'EVALUATION_FAILED')
    if (failed.length) {
      notes.push({
        level,
        title: `Conformance pack ${shown}: rule evaluation failed`,
        message: `${shown}: ${failed.length} rule(s) failed to evaluate: ${failed.map((r) => `${r.name} (${ruleErrorText(r)})`).join(', ')}`
      })
    }
  }
  return notes
}

/** The first few non-compliant resources of a rule, for a one-line annotation. */
function resourcesText(rule: RuleEntry | undefined): string {
  const resources = rule?.nonCompliantResources ?? []
  if (!resources.length) return ''
  const shown = resources
    .slice(0, RESOURCES_ANNOTATED)
    .map((r) => `${r.resourceType} ${r.resourceId}`)
  const more = resources.length - shown.length
  return ` (${shown.join(', ')}${more ? ` and ${more} more` : ''})`
}

/** Why a rule failed to evaluate, as AWS said it. */
export function ruleErrorText(rule: RuleEntry): string {
  if (!rule.error) return 'no reason given'
  return rule.error.message ? `${rule.error.code}: ${rule.error.message}` : rule.error.code
}
