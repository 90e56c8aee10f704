import type { PackCompliance } from '../compliance/compliance-result.js'
import { INSUFFICIENT_DATA_MEANING } from '../compliance/annotations.js'
import type { FailureExplanation } from '../wait/explain-failures.js'
import type { Scope } from '../inputs.js'
import { formatDuration } from '../packs/pack-text.js'
import type { PackStatus } from '../packs/pack-state.js'
import { headline } from '../report/headline.js'
import { escapeHtml, heading, table } from './html.js'
import { packTable } from './summary-table.js'
import { utcDate } from './cells.js'
import { SUMMARY_LIMIT_BYTES, shownPacks, type RowBudget } from './summary-limits.js'
import { renderTimeline } from './timeline.js'
import type { StackProgress } from '../wait/stack-progress.js'
import type { PackLists, Result, Verdict } from '../verdict/verdict.js'
import type { WaitEnd } from '../wait/wait-for-packs.js'

export { escapeHtml } from './html.js'
import type { ConsoleLinks } from '../report/console-links.js'
import type { BaselineResult } from '../compliance/baseline-gate.js'
import { baselineSection } from './baseline-summary.js'

/** One region's part of the summary. */
export interface RegionReport {
  readonly region: string
  /** The console's pages in the region's partition. */
  readonly links: ConsoleLinks
  readonly packs: readonly PackStatus[]
  readonly verdict: Verdict
  readonly end: WaitEnd
  /** Failed packs' failed resources or member accounts. */
  readonly explanations?: ReadonlyMap<string, FailureExplanation>
  /** The packs' compliance, when it was read. */
  readonly compliance?: ReadonlyMap<string, PackCompliance>
}

/** The summary of a finished run. */
export interface FinalReport {
  readonly inProgress?: false
  readonly scope: Scope
  readonly regions: readonly RegionReport[]
  /** Over all regions (names are `region/name` when several). */
  readonly verdict: Verdict
  readonly end: WaitEnd
  readonly elapsedMs: number
  /** When the summary is rendered (epoch ms): the end of durations still running. */
  readonly now: number
  /** The step's line, when something other than the pack states decided it (compliance). */
  readonly headline?: string
  /** Compliance reads that did not finish. */
  readonly problems?: readonly string[]
  /** What the compliance baseline made of the findings, when one was given. */
  readonly baseline?: BaselineResult
}

/** A check run's view while the wait goes on: the packs as last seen, no result yet. */
export interface ProgressReport {
  readonly inProgress: true
  readonly scope: Scope
  readonly regions: readonly {
    readonly region: string
    readonly links: ConsoleLinks
    readonly packs: readonly PackStatus[]
    /** How far the packs' stacks have got, where they could be read. */
    readonly stackProgress?: ReadonlyMap<string, StackProgress>
  }[]
  /** Over all regions (names are `region/name` when several). */
  readonly lists: PackLists
  readonly elapsedMs: number
  readonly now: number
}

export type SummaryReport = FinalReport | ProgressReport

const RESULT_MARK: Record<Result, string> = {
  success: '✅',
  failure: '❌',
  timeout: '⏱️',
  cancelled: '🚫',
  noncompliant: '🛑'
}

/**
 * The job summary's HTML. One region: a heading and the table. Several: the overall result,
 * then each region with its own result line. While the wait goes on (the check run's view):
 * the packs as last seen, with no result.
 */
export function renderSummary(report: SummaryReport, shown?: RowBudget): string {
  const { regions } = report
  const runDate = utcDate(report.now - report.elapsedMs)
  const final = report.inProgress ? undefined : report
  const what =
    report.scope === 'organization'
      ? 'AWS Config organization conformance packs'
      : 'AWS Config conformance packs'
  const parts: string[] = []
  const line = (html: string): void => void parts.push(`${html}\n`)
  parts.push(
    heading(
      final
        ? `${RESULT_MARK[final.verdict.result]} ${what}: ${final.verdict.result}`
        : `⏳ ${what}: waiting`,
      2
    )
  )
  const where =
    regions.length === 1
      ? `Region <code>${regions[0].region}</code>`
      : `${regions.length} regions: ${regions.map((r) => `<code>${r.region}</code>`).join(', ')}`
  const total = regions.reduce((n, r) => n + r.packs.length, 0)
  const lists = report.inProgress ? report.lists : report.verdict
  line(`<p>${where} · waited ${formatDuration(report.elapsedMs)} · ${countLine(lists, total)}</p>`)
  if (final && (final.verdict.result !== 'success' || final.end.kind === 'error')) {
    const text = final.headline ?? headline(final.verdict, final.end, final.elapsedMs)
    line(`<p><strong>${escapeHtml(text)}</strong></p>`)
  }
  for (const problem of final?.problems ?? []) line(`<p>⚠️ ${escapeHtml(problem)}</p>`)
  if (final?.baseline) parts.push(baselineSection(final.baseline))
  const each: readonly (RegionReport | ProgressReport['regions'][number])[] = regions
  for (const region of each) parts.push(regionSection(region, report, runDate, shown))
  const insufficient = (final?.regions ?? []).some((r) =>
    [...(r.compliance?.values() ?? [])].some((c) => c.compliance === 'INSUFFICIENT_DATA')
  )
  if (insufficient) line(`<p>⚠️ ${escapeHtml(INSUFFICIENT_DATA_MEANING)}</p>`)
  // Last: the tables matter more. A blank line ends the HTML block before the fence.
  const timeline = renderTimeline(regions, report.now)
  if (timeline) parts.push(`\n${timeline}`)
  return parts.join('')
}

/** One region's part: its own result line when several are awaited, then its table. */
function regionSection(
  region: RegionReport | ProgressReport['regions'][number],
  report: SummaryReport,
  runDate: string,
  shown: RowBudget | undefined
): string {
  const parts: string[] = []
  const line = (html: string): void => void parts.push(`${html}\n`)
  const result = 'verdict' in region ? region : undefined
  if (result && report.regions.length > 1) {
    parts.push(
      heading(`${RESULT_MARK[result.verdict.result]} ${region.region}: ${result.verdict.result}`, 3)
    )
    line(`<p>${escapeHtml(headline(result.verdict, result.end, report.elapsedMs))}</p>`)
  }
  if (result?.verdict.emptyRegions?.length) {
    const mark = result.verdict.result === 'failure' ? '❌' : '⚠️'
    line(
      `<p>${mark} No conformance pack was found in <code>${escapeHtml(region.region)}</code>: nothing was checked there.</p>`
    )
  } else if (region.packs.length === 0) {
    line(`<p>No conformance packs in <code>${region.region}</code>.</p>`)
  } else {
    const { packs, left } = shownPacks(region.packs, shown)
    parts.push(
      table(
        packTable(
          report.scope,
          region.links,
          packs,
          result?.explanations ?? new Map(),
          report.now,
          result?.compliance,
          { runDate, progress: 'stackProgress' in region ? region.stackProgress : undefined }
        )
      )
    )
    if (left) line(`<p>${escapeHtml(left)}</p>`)
  }
  return parts.join('')
}

/**
 * The summary within `limitBytes` (GitHub's limit for a job summary by default): whole when it
 * fits, else with fewer rows in each region's table, failed and pending packs kept first.
 */
export function fitSummary(report: SummaryReport, limitBytes = SUMMARY_LIMIT_BYTES): string {
  const whole = renderSummary(report)
  const size = (html: string): number => Buffer.byteLength(html, 'utf8')
  let bytes = size(whole)
  if (bytes <= limitBytes) return whole
  const most = Math.max(0, ...report.regions.map((r) => r.packs.length))
  if (most === 0) return whole
  let rows = Math.floor(most * (limitBytes / bytes) * 0.95)
  for (;;) {
    const html = renderSummary(report, rows)
    bytes = size(html)
    if (bytes <= limitBytes || rows === 0) return html
    rows = Math.floor(rows * Math.min(0.9, limitBytes / bytes))
  }
}

function countLine(verdict: PackLists, total: number): string {
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
export function renderErrorSummary(message: string): string {
  return `${heading(`${RESULT_MARK.failure} AWS Config conformance packs: failure`, 2)}<p><strong>${escapeHtml(message)}</strong></p>\n`
}
