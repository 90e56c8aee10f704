import type { ComplianceStatus, PackCompliance } from './read-compliance.js'
import { escapeHtml } from '../publish/html.js'

/** What INSUFFICIENT_DATA means, for the summary and the annotations. */
export const INSUFFICIENT_DATA_MEANING =
  'INSUFFICIENT_DATA means AWS Config has no evaluation results for the pack yet: its rules have not been evaluated, or no resources are in their scope.'

/** Rule names listed in the summary before the rest are counted. */
export const RULES_SHOWN = 10

const CELLS: Readonly<Record<ComplianceStatus, string>> = {
  COMPLIANT: '✅ COMPLIANT',
  NON_COMPLIANT: '❌ NON_COMPLIANT',
  INSUFFICIENT_DATA: '⚠️ INSUFFICIENT_DATA'
}

/** The compliance column of the summary table; '–' when compliance was not read. */
export function complianceCell(c: PackCompliance | undefined): string {
  return c ? CELLS[c.compliance] : '–'
}

/** The pack's failing rules as an HTML list: the first 10, then how many more. */
export function rulesHtml(c: PackCompliance): string {
  const rules = c.nonCompliantRules
  if (rules.length === 0) return ''
  const items = rules.slice(0, RULES_SHOWN).map((rule) => `<li>${escapeHtml(rule)}</li>`)
  if (rules.length > RULES_SHOWN) items.push(`<li>${rules.length - RULES_SHOWN} more</li>`)
  return `<ul>${items.join('')}</ul>`
}

export interface ComplianceAnnotation {
  readonly level: 'error' | 'warning'
  readonly title: string
  readonly message: string
}

/**
 * A line per pack that is not COMPLIANT. NON_COMPLIANT fails the step under `require` (an
 * error) and only warns under `report`; INSUFFICIENT_DATA always warns. `label` is how a pack
 * is named (with its region when several are awaited).
 */
export function complianceAnnotations(
  packs: readonly PackCompliance[],
  mode: 'report' | 'require',
  label: (name: string) => string
): ComplianceAnnotation[] {
  const notes: ComplianceAnnotation[] = []
  for (const pack of packs) {
    const shown = label(pack.name)
    if (pack.compliance === 'NON_COMPLIANT') {
      const rules = pack.nonCompliantRules
      notes.push({
        level: mode === 'require' ? 'error' : 'warning',
        title: `Conformance pack ${shown}: NON_COMPLIANT`,
        message:
          rules.length > 0
            ? `${shown} is NON_COMPLIANT: ${rules.length} rule(s) not compliant: ${rules.join(', ')}`
            : `${shown} is NON_COMPLIANT (AWS Config listed no non-compliant rule).`
      })
    } else if (pack.compliance === 'INSUFFICIENT_DATA') {
      notes.push({
        level: 'warning',
        title: `Conformance pack ${shown}: INSUFFICIENT_DATA`,
        message: `${shown} is INSUFFICIENT_DATA. ${INSUFFICIENT_DATA_MEANING}`
      })
    }
  }
  return notes
}
