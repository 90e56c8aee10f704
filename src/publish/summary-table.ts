import { accountFailed } from '../packs/member-account.js'
import type { PackCompliance } from '../compliance/compliance-result.js'
import { complianceCell, rulesHtml } from './compliance-cells.js'
import type { ConsoleLinks } from '../report/console-links.js'
import type { FailureExplanation } from '../wait/explain-failures.js'
import { escapeHtml, type TableRow } from './html.js'
import type { Scope } from '../inputs.js'
import { deploymentDuration, formatDuration, reasonOf } from '../packs/pack-text.js'
import { describeStackProgress, type StackProgress } from '../wait/stack-progress.js'
import {
  detailOf,
  isDeleted,
  outcomeOf,
  type Outcome,
  type PackState,
  type PackStatus
} from '../packs/pack-state.js'
import { describeResource } from './report.js'
import { compactTime, marked, reasonCell, utcDate, wrappable } from './cells.js'

type SummaryTableRow = TableRow

/** Failed resources shown under a pack's row; the rest are counted. */
export const MAX_RESOURCES_SHOWN = 10
/** Member accounts shown under an organization pack's row, failed first; the rest are counted. */
export const MAX_ACCOUNTS_SHOWN = 20

const OUTCOME_MARK: Record<Outcome, string> = {
  completed: '✅',
  failed: '❌',
  'in-progress': '⏳',
  missing: '❓',
  unknown: '❔'
}

function stateMark(state: PackState): string {
  return isDeleted(state) ? '🗑️' : OUTCOME_MARK[outcomeOf(state)]
}

const HEADERS: Record<Scope, readonly string[]> = {
  account: ['Pack', 'State', 'Reason', 'Requested (UTC)', 'Completed (UTC)', 'Duration'],
  organization: ['Pack', 'State', 'Reason', 'Error code', 'Last update (UTC)']
}

/** How the table is drawn, beyond the packs themselves. */
export interface TableView {
  /** The run's UTC date (`YYYY-MM-DD`): times on it show without a date. Default: `now`'s. */
  readonly runDate?: string
  /** While waiting: how far each pack's stack has got. */
  readonly progress?: ReadonlyMap<string, StackProgress>
}

/** The table of one region's packs, with what explains each failure under its row. */
export function packTable(
  scope: Scope,
  links: ConsoleLinks,
  packs: readonly PackStatus[],
  explanations: ReadonlyMap<string, FailureExplanation>,
  now: number,
  compliance?: ReadonlyMap<string, PackCompliance>,
  view: TableView = {}
): SummaryTableRow[] {
  const runDate = view.runDate ?? utcDate(now)
  const headers = compliance ? [...HEADERS[scope], 'Compliance'] : HEADERS[scope]
  return [
    headers.map((data) => ({ data, header: true })),
    ...packs.flatMap((pack) => {
      const cells =
        scope === 'account'
          ? accountRow(pack, links, now, runDate, view.progress?.get(pack.name))
          : organizationRow(pack, runDate)
      if (compliance) cells.push(complianceCell(compliance.get(pack.name)))
      const packCompliance = compliance?.get(pack.name)
      const rules = packCompliance ? rulesHtml(packCompliance, links) : ''
      return [
        // core.summary leaves an empty cell's tag unclosed, which breaks the row in some renderers.
        cells.map((cell) => cell || '–'),
        ...explanationRow(explanations.get(pack.name), scope, headers.length),
        ...(rules ? [[{ data: rules, colspan: String(headers.length) }]] : [])
      ]
    })
  ]
}

/**
 * A pack the service knows links to its page in the AWS Config console; a failed one with a
 * stack also links the stack, where the failed resources are.
 */
function accountName(pack: PackStatus, links: ConsoleLinks): string {
  const detail = detailOf(pack)
  const known = detail !== undefined && pack.state !== 'NOT_FOUND' && !isDeleted(pack.state)
  const name = known
    ? `<a href="${escapeHtml(links.pack(pack.name))}">${wrappable(pack.name)}</a>`
    : wrappable(pack.name)
  if (!detail?.stackArn || outcomeOf(pack.state) !== 'failed') return name
  return `${name}<br><sub><a href="${escapeHtml(links.stack(detail.stackArn))}">CloudFormation stack</a></sub>`
}

function accountRow(
  pack: PackStatus,
  links: ConsoleLinks,
  now: number,
  runDate: string,
  progress: StackProgress | undefined
): string[] {
  const detail = detailOf(pack)
  const name = accountName(pack, links)
  const completed = pack.state === 'CREATE_COMPLETE' ? detail?.completedAt : undefined
  const duration = deploymentDuration(pack, now)
  const reason = reasonCell(reasonOf(pack) ?? defaultReason(pack))
  const stack =
    progress && outcomeOf(pack.state) === 'in-progress'
      ? escapeHtml(describeStackProgress(progress))
      : ''
  return [
    name,
    marked(stateMark(pack.state), pack.state),
    [reason, stack].filter(Boolean).join('<br>'),
    compactTime(detail?.requestedAt, runDate),
    compactTime(completed, runDate),
    duration === undefined ? '' : formatDuration(duration)
  ]
}

function organizationRow(pack: PackStatus, runDate: string): string[] {
  const detail = detailOf(pack)
  return [
    wrappable(pack.name),
    marked(stateMark(pack.state), pack.state),
    reasonCell(reasonOf(pack) ?? defaultReason(pack)),
    escapeHtml(detail?.errorCode ?? ''),
    compactTime(detail?.updatedAt, runDate)
  ]
}

/** A full-width row under a failed pack: its failed stack resources or its member accounts. */
function explanationRow(
  explanation: FailureExplanation | undefined,
  scope: Scope,
  width: number
): SummaryTableRow[] {
  if (!explanation) return []
  let html: string
  switch (explanation.kind) {
    case 'unavailable':
      html = `<em>${scope === 'account' ? 'Stack events' : 'Member account statuses'} unavailable: ${escapeHtml(explanation.why)}</em>`
      break
    case 'explained':
      html = explanation.resources.length
        ? `Failed resources:${list(
            explanation.resources.map((r) => describeResource(r)),
            MAX_RESOURCES_SHOWN,
            '<strong>Cause:</strong> '
          )}`
        : '<em>No failed resource in the stack events of this deployment.</em>'
      break
    case 'accounts':
      html = explanation.accounts.length
        ? accountsTable(explanation)
        : '<em>No member account reported.</em>'
      break
  }
  return [[{ data: html, colspan: String(width) }]]
}

function list(items: readonly string[], max: number, firstMark = ''): string {
  const shown = items
    .slice(0, max)
    .map((item, i) => `<li>${i === 0 ? firstMark : ''}${escapeHtml(item)}</li>`)
  if (items.length > max) shown.push(`<li>${items.length - max} more</li>`)
  return `<ul>${shown.join('')}</ul>`
}

function accountsTable(explanation: Extract<FailureExplanation, { kind: 'accounts' }>): string {
  const failed = explanation.accounts.filter(accountFailed).length
  const rows = explanation.accounts
    .slice(0, MAX_ACCOUNTS_SHOWN)
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.accountId)}</td><td>${escapeHtml(a.status)}</td><td>${escapeHtml(a.errorCode ?? '–')}</td><td>${escapeHtml(a.message ?? '–')}</td></tr>`
    )
  const more = explanation.accounts.length - MAX_ACCOUNTS_SHOWN
  if (more > 0) rows.push(`<tr><td colspan="4">${more} more</td></tr>`)
  return `Member accounts (${failed} failed of ${explanation.accounts.length}):<table><tr><th>Account</th><th>Status</th><th>Error code</th><th>Message</th></tr>${rows.join('')}</table>`
}

function defaultReason(pack: PackStatus): string {
  switch (pack.state) {
    case 'NOT_FOUND':
      return pack.detail
        ? `Vanished while ${pack.detail.state}`
        : 'No conformance pack of this name'
    case 'DELETE_COMPLETE':
    case 'DELETE_SUCCESSFUL':
      return 'Deleted'
    case 'UNKNOWN':
      return 'No answer from AWS Config'
    default:
      return ''
  }
}
