import type { summary as coreSummary } from '@actions/core'
import type { PackCompliance } from '../compliance/read-compliance.js'
import { INSUFFICIENT_DATA_MEANING } from '../compliance/annotations.js'
import type { FailureExplanation } from '../wait/explain-failures.js'
import type { Scope } from '../inputs.js'
import { formatDuration } from '../packs/pack-text.js'
import type { PackStatus } from '../packs/pack-state.js'
import { headline } from './report.js'
import { escapeHtml } from './html.js'
import { packTable } from './summary-table.js'
import type { Result, Verdict } from '../verdict/verdict.js'
import type { WaitEnd } from '../wait/wait-for-packs.js'

export { escapeHtml } from './html.js'
export { cloudFormationUrl, MAX_ACCOUNTS_SHOWN, MAX_RESOURCES_SHOWN } from './summary-table.js'

type Summary = typeof coreSummary

/** One region's part of the summary. */
export interface RegionReport {
  readonly region: string
  readonly packs: readonly PackStatus[]
  readonly verdict: Verdict
  readonly end: WaitEnd
  /** Failed packs' failed resources or member accounts. */
  readonly explanations?: ReadonlyMap<string, FailureExplanation>
  /** The packs' compliance, when it was read. */
  readonly compliance?: ReadonlyMap<string, PackCompliance>
}

export interface SummaryReport {
  readonly scope: Scope
  readonly regions: readonly RegionReport[]
  /** Over all regions (names are `region/name` when several). */
  readonly verdict: Verdict
  readonly end: WaitEnd
  readonly elapsedMs: number
  /** When the summary is rendered (epoch ms): the end of durations still running. */
  readonly now: number
  /** The workflow run's page, when known. */
  readonly runUrl?: string
  /** The step's line, when something other than the pack states decided it (compliance). */
  readonly headline?: string
  /** Compliance reads that did not finish. */
  readonly problems?: readonly string[]
  /** A check run's view while the wait goes on: no result yet. */
  readonly inProgress?: boolean
}

const RESULT_MARK: Record<Result, string> = {
  success: '✅',
  failure: '❌',
  timeout: '⏱️',
  cancelled: '🚫',
  noncompliant: '🛑'
}

/**
 * Adds the job summary to `summary`'s buffer; the caller writes it. One region: a heading
 * and the table. Several: the overall result, then each region with its own result line.
 */
export function renderSummary(summary: Summary, report: SummaryReport): Summary {
  const { verdict, regions } = report
  const what =
    report.scope === 'organization'
      ? 'AWS Config organization conformance packs'
      : 'AWS Config conformance packs'
  summary.addHeading(
    report.inProgress
      ? `⏳ ${what}: waiting`
      : `${RESULT_MARK[verdict.result]} ${what}: ${verdict.result}`,
    2
  )
  const where =
    regions.length === 1
      ? `Region <code>${regions[0].region}</code>`
      : `${regions.length} regions: ${regions.map((r) => `<code>${r.region}</code>`).join(', ')}`
  const total = regions.reduce((n, r) => n + r.packs.length, 0)
  summary.addRaw(
    `<p>${where} · waited ${formatDuration(report.elapsedMs)} · ${countLine(verdict, total)}</p>`,
    true
  )
  if (!report.inProgress && (verdict.result !== 'success' || report.end.kind === 'error')) {
    const line = report.headline ?? headline(verdict, report.end, report.elapsedMs)
    summary.addRaw(`<p><strong>${escapeHtml(line)}</strong></p>`, true)
  }
  for (const problem of report.problems ?? []) {
    summary.addRaw(`<p>⚠️ ${escapeHtml(problem)}</p>`, true)
  }
  for (const region of regions) {
    if (regions.length > 1 && !report.inProgress) {
      summary.addHeading(
        `${RESULT_MARK[region.verdict.result]} ${region.region}: ${region.verdict.result}`,
        3
      )
      summary.addRaw(
        `<p>${escapeHtml(headline(region.verdict, region.end, report.elapsedMs))}</p>`,
        true
      )
    }
    if (region.verdict.emptyRegions?.length && !report.inProgress) {
      const mark = region.verdict.result === 'failure' ? '❌' : '⚠️'
      summary.addRaw(
        `<p>${mark} No conformance pack was found in <code>${escapeHtml(region.region)}</code>: nothing was checked there.</p>`,
        true
      )
    } else if (region.packs.length === 0) {
      summary.addRaw(`<p>No conformance packs in <code>${region.region}</code>.</p>`, true)
    } else {
      summary.addTable(
        packTable(
          report.scope,
          region.region,
          region.packs,
          region.explanations ?? new Map(),
          report.now,
          region.compliance
        )
      )
    }
  }
  const insufficient = regions.some((r) =>
    [...(r.compliance?.values() ?? [])].some((c) => c.compliance === 'INSUFFICIENT_DATA')
  )
  if (insufficient) summary.addRaw(`<p>⚠️ ${escapeHtml(INSUFFICIENT_DATA_MEANING)}</p>`, true)
  if (report.runUrl)
    summary.addRaw(`<p><a href="${escapeHtml(report.runUrl)}">Workflow run</a></p>`, true)
  return summary
}

function countLine(verdict: Verdict, total: number): string {
  const parts = [
    [verdict.completed.length, 'completed'],
    [verdict.failed.length, 'failed'],
    [verdict.pending.length, 'pending'],
    [verdict.missing.length, 'not found']
  ]
    .filter(([n]) => n !== 0)
    .map(([n, what]) => `${n} ${what}`)
  return `${total} pack${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`
}

/** The summary of a run that stopped before any wait, for example on a bad input. */
export function renderErrorSummary(summary: Summary, message: string): Summary {
  summary.addHeading(`${RESULT_MARK.failure} AWS Config conformance packs: failure`, 2)
  return summary.addRaw(`<p><strong>${escapeHtml(message)}</strong></p>`, true)
}
