import type { ComplianceStatus, PackCompliance } from '../compliance/compliance-result.js'
import { ruleErrorText } from '../compliance/annotations.js'
import { rulesWith, type RuleEntry } from '../compliance/evaluation-compliance.js'
import { formatDuration } from '../packs/pack-text.js'
import type { ConsoleLinks } from '../report/console-links.js'
import { escapeHtml } from './html.js'

/** Rule names listed in the summary before the rest are counted. */
export const RULES_SHOWN = 10
/** Non-compliant resources of a rule listed in the summary before the rest are counted. */
export const RESOURCES_SHOWN = 10

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
export function rulesHtml(c: PackCompliance, links: ConsoleLinks): string {
  const parts: string[] = []
  const rules = c.nonCompliantRules
  if (rules.length) {
    const byName = new Map((c.rules ?? []).map((r) => [r.name, r]))
    const items = rules
      .slice(0, RULES_SHOWN)
      .map((rule) => `<li>${escapeHtml(rule)}${resourcesHtml(byName.get(rule), links)}</li>`)
    if (rules.length > RULES_SHOWN) items.push(`<li>${rules.length - RULES_SHOWN} more</li>`)
    parts.push(`Non-compliant rules:<ul>${items.join('')}</ul>`)
  }
  const failed = rulesWith(c, 'EVALUATION_FAILED')
  if (failed.length) {
    parts.push(
      `Rules that failed to evaluate:${listHtml(failed, (r) => `${escapeHtml(r.name)}: ${escapeHtml(ruleErrorText(r))}`)}`
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

function resourcesHtml(rule: RuleEntry | undefined, links: ConsoleLinks): string {
  // New findings first: a baseline's known ones matter less.
  const resources = [...(rule?.nonCompliantResources ?? [])].sort(
    (a, b) => Number(a.baseline === 'known') - Number(b.baseline === 'known')
  )
  if (!resources.length) return ''
  const items = resources.slice(0, RESOURCES_SHOWN).map((r) => {
    const name = escapeHtml(`${r.resourceType} ${r.resourceId}`)
    const shown = `<a href="${escapeHtml(links.resource(r.resourceType, r.resourceId))}">${name}</a>`
    const known =
      r.baseline === 'known'
        ? ` <sub>known${r.reason ? `: ${escapeHtml(r.reason)}` : ''}</sub>`
        : ''
    return `<li>${shown}${r.annotation ? `: ${escapeHtml(r.annotation)}` : ''}${known}</li>`
  })
  const more = resources.length - Math.min(resources.length, RESOURCES_SHOWN)
  if (more || rule?.resourcesTruncated) {
    items.push(
      `<li>${more ? `${more} more` : ''}${rule?.resourcesTruncated ? ' (and more not read)' : ''}</li>`
    )
  }
  return `<ul>${items.join('')}</ul>`
}
