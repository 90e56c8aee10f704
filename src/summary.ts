import type { summary as coreSummary } from '@actions/core'
import { formatDuration, packDuration, reasonOf } from './log-format.js'
import { detailOf, outcomeOf, type PackState, type PackStatus } from './pack-state.js'
import type { FailureExplanation } from './explain.js'
import { describeResource, headline } from './report.js'
import type { Verdict } from './verdict.js'
import type { WaitEnd } from './wait.js'

type Summary = typeof coreSummary

export interface SummaryReport {
  readonly region: string
  readonly packs: readonly PackStatus[]
  readonly verdict: Verdict
  readonly end: WaitEnd
  readonly elapsedMs: number
  /** When the summary is rendered (epoch ms): the end of durations still running. */
  readonly now: number
  /** Failed packs' failed resources, from their stacks' events. */
  readonly explanations?: ReadonlyMap<string, FailureExplanation>
  /** The workflow run's page, when known. */
  readonly runUrl?: string
}

type SummaryTableRow = Parameters<Summary['addTable']>[0][number]

/** Failed resources shown under a pack's row; the rest are counted. */
export const MAX_RESOURCES_SHOWN = 10

const RESULT_MARK = { success: '✅', failure: '❌', timeout: '⏱️', cancelled: '🚫' } as const

const STATE_MARK: Record<PackState, string> = {
  CREATE_COMPLETE: '✅',
  DELETE_COMPLETE: '🗑️',
  CREATE_FAILED: '❌',
  DELETE_FAILED: '❌',
  CREATE_IN_PROGRESS: '⏳',
  DELETE_IN_PROGRESS: '⏳',
  NOT_FOUND: '❓',
  UNKNOWN: '❔'
}

/** Adds the job summary to `summary`'s buffer; the caller writes it. */
export function renderSummary(summary: Summary, report: SummaryReport): Summary {
  const { verdict, region, packs } = report
  summary.addHeading(
    `${RESULT_MARK[verdict.result]} AWS Config conformance packs: ${verdict.result}`,
    2
  )
  const counts = countLine(verdict, packs.length)
  summary.addRaw(
    `<p>Region <code>${region}</code> · waited ${formatDuration(report.elapsedMs)} · ${counts}</p>`,
    true
  )
  if (verdict.result !== 'success' || report.end.kind === 'error') {
    summary.addRaw(
      `<p><strong>${escapeHtml(headline(verdict, report.end, report.elapsedMs))}</strong></p>`,
      true
    )
  }
  if (packs.length === 0) {
    summary.addRaw(`<p>No conformance packs in <code>${region}</code>.</p>`, true)
  } else {
    summary.addTable([
      ['Pack', 'State', 'Reason', 'Requested', 'Completed', 'Duration'].map((data) => ({
        data,
        header: true
      })),
      ...packs.flatMap((pack) => [
        row(pack, region, report.now),
        ...explanationRow(report.explanations?.get(pack.name))
      ])
    ])
  }
  if (report.runUrl)
    summary.addRaw(`<p><a href="${escapeHtml(report.runUrl)}">Workflow run</a></p>`, true)
  return summary
}

/** A full-width row under a failed pack: the failed resources of its stack, cause first. */
function explanationRow(explanation: FailureExplanation | undefined): SummaryTableRow[] {
  if (!explanation) return []
  let html: string
  if (explanation.kind === 'unavailable') {
    html = `<em>Stack events unavailable: ${escapeHtml(explanation.why)}</em>`
  } else if (explanation.resources.length === 0) {
    html = '<em>No failed resource in the stack events of this deployment.</em>'
  } else {
    const shown = explanation.resources.slice(0, MAX_RESOURCES_SHOWN)
    const more = explanation.resources.length - shown.length
    const items = shown.map(
      (r, i) =>
        `<li>${i === 0 ? '<strong>Cause:</strong> ' : ''}${escapeHtml(describeResource(r))}</li>`
    )
    if (more > 0) items.push(`<li>${more} more</li>`)
    html = `Failed resources:<ul>${items.join('')}</ul>`
  }
  return [[{ data: html, colspan: '6' }]]
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

function row(pack: PackStatus, region: string, now: number): string[] {
  const detail = detailOf(pack)
  const stackUrl = detail?.stackArn ? cloudFormationUrl(detail.stackArn, region) : undefined
  const name = stackUrl ? `<a href="${escapeHtml(stackUrl)}">${pack.name}</a>` : pack.name
  const completed = pack.state === 'CREATE_COMPLETE' ? detail?.completedAt : undefined
  const duration = outcomeOf(pack.state) === 'missing' ? undefined : packDuration(pack, now)
  return [
    name,
    `${STATE_MARK[pack.state]} ${pack.state}`,
    escapeHtml(reasonOf(pack) ?? defaultReason(pack)),
    formatTime(detail?.requestedAt),
    formatTime(completed),
    duration === undefined ? '' : formatDuration(duration)
    // core.summary leaves an empty cell's tag unclosed, which breaks the row in some renderers.
  ].map((cell) => cell || '–')
}

function defaultReason(pack: PackStatus): string {
  switch (pack.state) {
    case 'NOT_FOUND':
      return pack.detail
        ? `Vanished while ${pack.detail.state}`
        : 'No conformance pack of this name'
    case 'DELETE_COMPLETE':
      return 'Deleted'
    case 'UNKNOWN':
      return 'No answer from AWS Config'
    default:
      return ''
  }
}

function formatTime(date: Date | undefined): string {
  return date
    ? date
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC')
    : ''
}

/**
 * The console page of a pack's stack. The console's host depends on the partition the ARN
 * names (commercial, GovCloud, China).
 */
export function cloudFormationUrl(stackArn: string, region: string): string {
  const partition = stackArn.split(':')[1]
  const host =
    partition === 'aws-us-gov'
      ? 'console.amazonaws-us-gov.com'
      : partition === 'aws-cn'
        ? 'console.amazonaws.cn'
        : `${region}.console.aws.amazon.com`
  return `https://${host}/cloudformation/home?region=${region}#/stacks/stackinfo?stackId=${encodeURIComponent(stackArn)}`
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;')
}

/** The summary of a run that stopped before any wait, for example on a bad input. */
export function renderErrorSummary(summary: Summary, message: string): Summary {
  summary.addHeading(`${RESULT_MARK.failure} AWS Config conformance packs: failure`, 2)
  return summary.addRaw(`<p><strong>${escapeHtml(message)}</strong></p>`, true)
}
