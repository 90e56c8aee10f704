import { describeFinding, entryLabel } from '../baseline/index.js'
import type { BaselineResult } from '../compliance/baseline-gate.js'
import { escapeHtml } from './html.js'

/** Findings listed in each part of the baseline's section before the rest are counted. */
export const FINDINGS_SHOWN = 20

/**
 * The baseline's part of the job summary: how many findings are new, known and fixed; the new
 * ones listed first, the known ones (with their reasons) and the fixed entries folded.
 */
export function baselineSection(result: BaselineResult): string {
  const findings = result.judgement.findings
  const fresh = findings.filter((j) => j.status === 'new')
  const known = findings.flatMap((j) => (j.status === 'known' ? [j] : []))
  const fixed = result.judgement.fixed
  const counts = `${fresh.length} new, ${known.length} known, ${fixed.length} fixed`
  const parts = [
    `<p>${fresh.length ? '🛑' : '✅'} Baseline <code>${escapeHtml(result.path)}</code>: ${counts}</p>`
  ]
  if (fresh.length)
    parts.push(`<p>New findings:</p>${list(fresh.map((j) => describeFinding(j.finding)))}`)
  if (known.length)
    parts.push(
      folded(
        `${known.length} known finding(s)`,
        known.map(
          (j) => `${describeFinding(j.finding)}${j.entry.reason ? `: ${j.entry.reason}` : ''}`
        )
      )
    )
  if (fixed.length)
    parts.push(
      folded(
        `${fixed.length} baseline entr${fixed.length === 1 ? 'y matches' : 'ies match'} nothing any more (fixed: the file can drop ${fixed.length === 1 ? 'it' : 'them'})`,
        fixed.map(entryLabel)
      )
    )
  return `${parts.join('\n')}\n`
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, FINDINGS_SHOWN).map((item) => `<li>${escapeHtml(item)}</li>`)
  if (items.length > FINDINGS_SHOWN) shown.push(`<li>${items.length - FINDINGS_SHOWN} more</li>`)
  return `<ul>${shown.join('')}</ul>`
}

function folded(summary: string, items: readonly string[]): string {
  return `<details><summary>${escapeHtml(summary)}</summary>${list(items)}</details>`
}
