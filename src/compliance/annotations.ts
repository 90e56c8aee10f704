import type { ComplianceStatus, PackCompliance } from './read-compliance.js'
import { rulesWith, type RuleEntry } from './evaluation-compliance.js'
import type { NonCompliantResource } from './rule-judgement.js'
import { escapeHtml } from '../publish/html.js'
import { formatDuration } from '../packs/pack-text.js'

/** What INSUFFICIENT_DATA means, for the summary and the annotations. */
export const INSUFFICIENT_DATA_MEANING =
  'INSUFFICIENT_DATA means AWS Config has no evaluation results for the pack yet: its rules have not been evaluated, or no resources are in their scope.'

/** Rule names listed in the summary before the rest are counted. */
export const RULES_SHOWN = 10
/** Non-compliant resources of a rule listed in the summary before the rest are counted. */
export const RESOURCES_SHOWN = 10
/** Non-compliant resources of a rule named in an annotation. */
export const RESOURCES_ANNOTATED = 3

const CELLS: Readonly<Record<ComplianceStatus, string>> = {
  COMPLIANT: '✅ COMPLIANT',
  NON_COMPLIANT: '❌ NON_COMPLIANT',
  INSUFFICIENT_DATA: '⚠️ INSUFFICIENT_DATA'
}

/**
 * The compliance column of the summary table; '–' when compliance was not read. With the
 * rules judged: how many ended how, and how long their evaluation took.
 */
export function complianceCell(c: PackCompliance | undefined): string {
  if (!c) return '–'
  const e = c.evaluation
  if (!e) return CELLS[c.compliance]
  const allOutOfScope = c.compliance === 'INSUFFICIENT_DATA' && e.nothingInScope > 0
  const head = allOutOfScope ? '✅ nothing in scope' : CELLS[c.compliance]
  const counts = [
    `${e.compliant} compliant`,
    `${e.nonCompliant} non-compliant`,
    ...(e.nothingInScope ? [`${e.nothingInScope} with nothing in scope`] : []),
    `${e.unevaluated} unevaluated`,
    `${e.failed} failed`
  ]
  return `${head}<br>${counts.join(', ')}<br>evaluated in ${formatDuration(e.durationMs)}`
}

/**
 * What goes under the pack's row: its non-compliant rules (the first 10, then how many more),
 * each with its non-compliant resources, then the rules that failed to evaluate and those not
 * evaluated yet. '' when there is nothing to say.
 */
export function rulesHtml(c: PackCompliance): string {
  const parts: string[] = []
  const rules = c.nonCompliantRules
  if (rules.length) {
    const byName = new Map((c.rules ?? []).map((r) => [r.name, r]))
    const items = rules
      .slice(0, RULES_SHOWN)
      .map((rule) => `<li>${escapeHtml(rule)}${resourcesHtml(byName.get(rule), c.region)}</li>`)
    if (rules.length > RULES_SHOWN) items.push(`<li>${rules.length - RULES_SHOWN} more</li>`)
    parts.push(`Non-compliant rules:<ul>${items.join('')}</ul>`)
  }
  const failed = rulesWith(c, 'EVALUATION_FAILED')
  if (failed.length) {
    parts.push(
      `Rules that failed to evaluate:${listHtml(failed, (r) => `${escapeHtml(r.name)}: ${escapeHtml(errorText(r))}`)}`
    )
  }
  const unevaluated = rulesWith(c, 'NOT_EVALUATED')
  if (unevaluated.length) {
    parts.push(
      `Rules not evaluated since the deployment:${listHtml(unevaluated, (r) => escapeHtml(r.name))}`
    )
  }
  return parts.join('')
}

function listHtml(rules: readonly RuleEntry[], item: (rule: RuleEntry) => string): string {
  const items = rules.slice(0, RULES_SHOWN).map((r) => `<li>${item(r)}</li>`)
  if (rules.length > RULES_SHOWN) items.push(`<li>${rules.length - RULES_SHOWN} more</li>`)
  return `<ul>${items.join('')}</ul>`
}

function resourcesHtml(rule: RuleEntry | undefined, region: string | undefined): string {
  const resources = rule?.nonCompliantResources ?? []
  if (!resources.length) return ''
  const items = resources.slice(0, RESOURCES_SHOWN).map((r) => {
    const name = escapeHtml(`${r.resourceType} ${r.resourceId}`)
    const url = region ? resourceUrl(r, region) : undefined
    const shown = url ? `<a href="${escapeHtml(url)}">${name}</a>` : name
    return `<li>${shown}${r.annotation ? `: ${escapeHtml(r.annotation)}` : ''}</li>`
  })
  const more = resources.length - Math.min(resources.length, RESOURCES_SHOWN)
  if (more || rule?.resourcesTruncated) {
    items.push(
      `<li>${more ? `${more} more` : ''}${rule?.resourcesTruncated ? ' (and more not read)' : ''}</li>`
    )
  }
  return `<ul>${items.join('')}</ul>`
}

/** The resource's page in the AWS Config console. */
export function resourceUrl(resource: NonCompliantResource, region: string): string {
  const query = new URLSearchParams({
    resourceId: resource.resourceId,
    resourceType: resource.resourceType
  })
  return `https://${region}.console.aws.amazon.com/config/home?region=${encodeURIComponent(region)}#/resources/details?${query.toString()}`
}

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
        message: `${shown}: ${failed.length} rule(s) failed to evaluate: ${failed.map((r) => `${r.name} (${errorText(r)})`).join(', ')}`
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

function errorText(rule: RuleEntry): string {
  if (!rule.error) return 'no reason given'
  return rule.error.message ? `${rule.error.code}: ${rule.error.message}` : rule.error.code
}
