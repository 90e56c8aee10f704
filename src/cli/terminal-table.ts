import { formatDuration } from '../packs/pack-text.js'
import type { RuleEntry } from '../compliance/evaluation-compliance.js'
import { isDeleted } from '../packs/pack-state.js'
import { packLabel } from '../packs/label.js'
import {
  packOutcome,
  type PackReport,
  type RegionReport,
  type CommandReport
} from './report-model.js'
import { displayWidth, padTo, terminalLine, truncate } from './safe-text.js'
import { palette, type Paint, type Palette } from './terminal.js'

/** The width when the terminal does not say (output piped to a file or a CI log). */
export const DEFAULT_COLUMNS = 100
/** The narrowest the reason and pack columns get before the table overflows instead. */
const MIN_REASON = 10
const MIN_PACK = 12
/** Failed resources, member accounts and rules listed under the table per pack. */
export const DETAILS_SHOWN = 5

interface Cell {
  readonly text: string
  readonly paint?: Paint
}

const HEADERS = ['Region', 'Pack', 'State', 'Reason', 'Elapsed'] as const
const PACK = 1
const REASON = 3

/**
 * The final table of packs, one row per pack per region, drawn with box-drawing characters
 * to fit `columns` (the reason, then the pack name, are shortened to fit), then what explains
 * each failed pack. Text from AWS is stripped of controls and escape sequences first.
 */
export function renderPackTable(
  report: CommandReport,
  options: { readonly columns?: number; readonly color: boolean }
): string {
  const paint = palette(options.color)
  const rows = report.regions.flatMap((region) =>
    region.packs.map((pack) => packRow(region, pack, report, paint))
  )
  // No pack read in any region and the run stopped short: AWS never listed them, so there is
  // no list to show; the closing line says why.
  if (rows.length === 0)
    return report.regions.every((region) => region.problem !== undefined)
      ? ''
      : 'No conformance packs.\n'
  const withCompliance = report.regions.some((r) => r.packs.some((p) => p.compliance))
  const headers: string[] = [...HEADERS, ...(withCompliance ? ['Compliance'] : [])]
  const body = withCompliance ? rows : rows.map((row) => row.slice(0, HEADERS.length))
  const widths = fit(
    headers.map((h, i) => Math.max(h.length, ...body.map((row) => displayWidth(row[i].text)))),
    options.columns ?? DEFAULT_COLUMNS
  )
  const rule = (left: string, middle: string, right: string): string =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`
  const line = (cells: readonly Cell[]): string =>
    `│${cells
      .map((cell, i) => {
        const text = padTo(truncate(cell.text, widths[i]), widths[i])
        return ` ${cell.paint ? cell.paint(text) : text} `
      })
      .join('│')}│`
  const lines = [
    rule('┌', '┬', '┐'),
    line(headers.map((text) => ({ text, paint: paint.bold }))),
    rule('├', '┼', '┤'),
    ...body.map(line),
    rule('└', '┴', '┘'),
    ...details(report)
  ]
  return `${lines.join('\n')}\n`
}

/** Column widths that fit `columns`: the reason gives way first, then the pack name. */
export function fit(natural: readonly number[], columns: number): number[] {
  const widths = [...natural]
  const total = (): number => widths.reduce((a, b) => a + b, 0) + 3 * widths.length + 1
  let over = total() - columns
  if (over <= 0) return widths
  const give = (i: number, min: number): void => {
    const cut = Math.min(over, Math.max(0, widths[i] - min))
    widths[i] -= cut
    over -= cut
  }
  give(REASON, MIN_REASON)
  give(PACK, MIN_PACK)
  return widths
}

function packRow(
  region: RegionReport,
  pack: PackReport,
  report: CommandReport,
  paint: Palette
): Cell[] {
  const [mark, color] = markOf(region, pack, report, paint)
  const compliance = pack.compliance?.compliance
  return [
    { text: region.region },
    { text: terminalLine(pack.name) },
    { text: `${mark} ${pack.state}`, paint: color },
    { text: terminalLine(pack.reason ?? '') },
    { text: pack.durationMs === undefined ? '' : formatDuration(pack.durationMs) },
    {
      text: compliance ?? '',
      paint: compliance && COMPLIANCE_PAINT[compliance](paint)
    }
  ]
}

const COMPLIANCE_PAINT = {
  COMPLIANT: (p: Palette) => p.green,
  NON_COMPLIANT: (p: Palette) => p.red,
  INSUFFICIENT_DATA: (p: Palette) => p.yellow
} as const

function markOf(
  region: RegionReport,
  pack: PackReport,
  report: CommandReport,
  paint: Palette
): [string, Paint] {
  if (isDeleted(pack.state)) return ['-', paint.dim]
  switch (packOutcome(region.verdict, pack.name)) {
    case 'passed':
      return ['✓', paint.green]
    case 'failed':
      return ['✗', paint.red]
    case 'missing':
      return ['?', report.missingPack === 'fail' ? paint.red : paint.yellow]
    case 'pending':
      return ['…', paint.yellow]
    case 'other':
      return ['·', paint.dim]
  }
}

/** Resources named on a rule's line under the table before the rest are counted. */
const RESOURCES_ON_LINE = 3

/**
 * `rule r NON_COMPLIANT: AWS::S3::Bucket a, AWS::S3::Bucket b`; with a baseline, the new
 * resources named and the known ones counted.
 */
function ruleLine(rule: RuleEntry): string {
  const fresh = rule.nonCompliantResources.filter((r) => r.baseline !== 'known')
  const known = rule.nonCompliantResources.length - fresh.length
  const named = fresh.slice(0, RESOURCES_ON_LINE).map((r) => `${r.resourceType} ${r.resourceId}`)
  const more = fresh.length - named.length
  const parts = [
    ...(named.length ? [`${named.join(', ')}${more ? ` and ${more} more` : ''}`] : []),
    ...(known ? [`${known} known in the baseline`] : [])
  ]
  return `rule ${rule.name} NON_COMPLIANT${parts.length ? `: ${parts.join('; ')}` : ''}`
}

/** Under the table: each failed pack's resources or accounts, each non-compliant pack's rules. */
function details(report: CommandReport): string[] {
  const lines: string[] = []
  const several = report.regions.length > 1
  for (const region of report.regions) {
    for (const pack of region.packs) {
      const name = terminalLine(packLabel(region.region, pack.name, several))
      const items: string[] = [
        ...(pack.failedResources ?? []).map(
          (r) => `${r.logicalId} (${r.type}) ${r.status}${r.reason ? `: ${r.reason}` : ''}`
        ),
        ...(pack.failedAccounts ?? []).map(
          (a) =>
            `account ${a.accountId}${a.status ? ` ${a.status}` : ''}${a.errorCode ? ` (${a.errorCode})` : ''}${a.message ? `: ${a.message}` : ''}`
        ),
        ...(pack.compliance?.rules ?? [])
          .filter((rule) => rule.compliance === 'NON_COMPLIANT')
          .map(ruleLine)
      ]
      if (items.length === 0) continue
      lines.push('', `${name}:`)
      for (const item of items.slice(0, DETAILS_SHOWN)) lines.push(`  - ${terminalLine(item)}`)
      if (items.length > DETAILS_SHOWN) lines.push(`  - and ${items.length - DETAILS_SHOWN} more`)
    }
  }
  return lines
}
