import { describe, expect, it } from 'vitest'
import { commercialLinks, packStatus } from '../../support/builders.js'
import type { PackCompliance } from '../../../src/compliance/compliance-result.js'
import { INSUFFICIENT_DATA_MEANING } from '../../../src/compliance/annotations.js'
import type { FailureExplanation } from '../../../src/wait/explain-failures.js'
import type { Scope } from '../../../src/inputs.js'
import type { MemberAccountStatus } from '../../../src/packs/member-account.js'
import { escapeHtml, renderSummary, type FinalReport } from '../../../src/publish/summary.js'
import {
  decideRegions,
  type RegionOutcome,
  type VerdictPolicy
} from '../../../src/verdict/verdict.js'
import type { WaitEnd } from '../../../src/wait/wait-for-packs.js'

const T0 = Date.parse('2024-05-01T10:00:00Z')
const STRICT: VerdictPolicy = { missingPack: 'fail', failOnFailure: true }
const SETTLED: WaitEnd = { kind: 'settled' }

interface RegionInput extends RegionOutcome {
  readonly explanations?: ReadonlyMap<string, FailureExplanation>
  readonly compliance?: ReadonlyMap<string, PackCompliance>
}

function render(
  regions: RegionInput[],
  options: { scope?: Scope; inProgress?: boolean } & Partial<
    Omit<FinalReport, 'regions' | 'inProgress'>
  > = {}
): string {
  const verdicts = decideRegions(regions, STRICT)
  if (options.inProgress)
    return renderSummary({
      inProgress: true,
      scope: options.scope ?? 'account',
      regions: regions.map((r) => ({ ...r, links: commercialLinks(r.region) })),
      lists: verdicts.overall,
      elapsedMs: 90_000,
      now: T0 + 600_000
    })
  const report: FinalReport = {
    scope: 'account',
    regions: regions.map((r, i) => ({
      region: r.region,
      links: commercialLinks(r.region),
      packs: r.packs,
      end: r.end,
      verdict: verdicts.regions[i],
      explanations: r.explanations,
      compliance: r.compliance
    })),
    verdict: verdicts.overall,
    end: verdicts.end,
    elapsedMs: 90_000,
    now: T0 + 600_000,
    ...options,
    inProgress: false
  }
  return renderSummary(report)
}

const headings = (html: string, level: number): string[] =>
  [...html.matchAll(new RegExp(`<h${level}>(.*?)</h${level}>`, 'g'))].map((m) => m[1])

/** The header cells of the outermost tables (member-account tables are nested in a cell). */
const packTableHeaders = (html: string): string[][] =>
  [...html.matchAll(/(?:^|\n)<table><tr>((?:<th>.*?<\/th>)+)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<th>(.*?)<\/th>/g)].map((c) => c[1])
  )

const compliance = (...packs: PackCompliance[]): ReadonlyMap<string, PackCompliance> =>
  new Map(packs.map((p) => [p.name, p]))

describe('renderSummary over several regions', () => {
  const regions: RegionInput[] = [
    { region: 'us-east-1', packs: [packStatus('alpha', 'CREATE_COMPLETE')], end: SETTLED },
    {
      region: 'eu-west-1',
      packs: [packStatus('beta', 'CREATE_FAILED', { reason: 'rule broke' })],
      end: SETTLED
    },
    {
      region: 'ap-south-1',
      packs: [packStatus('gamma', 'CREATE_IN_PROGRESS')],
      end: { kind: 'deadline' }
    }
  ]

  it('has one h2 with the overall result, and lists the regions', () => {
    const html = render(regions)
    expect(headings(html, 2)).toEqual(['❌ AWS Config conformance packs: failure'])
    expect(html).toContain(
      '3 regions: <code>us-east-1</code>, <code>eu-west-1</code>, <code>ap-south-1</code>'
    )
    expect(html).toContain('3 packs: 1 completed, 1 failed, 1 pending')
  })

  it('gives each region an h3 with its own mark and result, in input order', () => {
    expect(headings(render(regions), 3)).toEqual([
      '✅ us-east-1: success',
      '❌ eu-west-1: failure',
      '⏱️ ap-south-1: timeout'
    ])
  })

  it('puts the overall headline (region/name) before the regions, each region its own (plain names)', () => {
    const html = render(regions)
    const overall =
      '<p><strong>1 conformance pack(s) failed: eu-west-1/beta; 1 still pending: ap-south-1/gamma</strong></p>'
    expect(html).toContain(overall)
    expect(html.indexOf(overall)).toBeLessThan(html.indexOf('<h3>'))
    expect(html).toContain('<p>1 conformance pack(s) failed: beta</p>')
    expect(html).toContain('<p>Timed out after 1m30s waiting for 1 conformance pack(s): gamma</p>')
  })

  it("puts each region's own table under its heading, in order", () => {
    const html = render(regions)
    const sections = html.split('<h3>').slice(1)
    expect(sections).toHaveLength(3)
    const packsIn = (section: string): string[] =>
      [...section.matchAll(/<tr><td>(?:<a [^>]*>)?(\w+)(?:<\/a>)?<\/td>/g)].map((m) => m[1])
    expect(sections.map(packsIn)).toEqual([['alpha'], ['beta'], ['gamma']])
    expect(sections.every((s) => (s.match(/<table>/g) ?? []).length === 1)).toBe(true)
  })

  it('says so for a region without packs', () => {
    const html = render([
      { region: 'us-east-1', packs: [packStatus('alpha', 'CREATE_COMPLETE')], end: SETTLED },
      { region: 'eu-west-1', packs: [], end: SETTLED }
    ])
    expect(html).toContain(
      '<p>⚠️ No conformance pack was found in <code>eu-west-1</code>: nothing was checked there.</p>'
    )
    expect(html.match(/<table>/g)).toHaveLength(1)
  })

  it('has no h3 with a single region', () => {
    const html = render([regions[1]])
    expect(headings(html, 3)).toEqual([])
    expect(html).toContain('Region <code>eu-west-1</code>')
  })
})

describe('renderSummary in the organization scope', () => {
  const updatedAt = new Date('2024-05-01T10:04:05Z')
  const orgFailed = packStatus('org-pack', 'CREATE_FAILED', {
    reason: 'Failed in member accounts',
    errorCode: 'OrgFailure',
    updatedAt
  })
  const account = (i: number, status: string): MemberAccountStatus => ({
    accountId: String(100000000000 + i),
    status,
    errorCode: status.endsWith('_FAILED') ? 'E' : undefined
  })
  const withAccounts = (list: MemberAccountStatus[]): RegionInput[] => [
    {
      region: 'us-east-1',
      packs: [orgFailed],
      end: SETTLED,
      explanations: new Map([['org-pack', { kind: 'accounts', accounts: list }]])
    }
  ]

  it('says organization conformance packs in the heading', () => {
    const html = render(withAccounts([]), { scope: 'organization' })
    expect(headings(html, 2)).toEqual(['❌ AWS Config organization conformance packs: failure'])
  })

  it('has the organization columns and a row with error code and last update', () => {
    const html = render(withAccounts([]), { scope: 'organization' })
    expect(packTableHeaders(html)).toEqual([
      ['Pack', 'State', 'Reason', 'Error code', 'Last update (UTC)']
    ])
    expect(html).toContain(
      '<tr><td>org-pack</td><td>❌&nbsp;CREATE_FAILED</td><td>Failed in member accounts</td><td>OrgFailure</td><td>10:04:05</td></tr>'
    )
    expect(html).toContain('<em>No member account reported.</em>')
  })

  it('shows the member accounts under a failed pack: at most 20 rows, then how many more', () => {
    const list = [
      ...Array.from({ length: 7 }, (_, i) => account(i, 'CREATE_FAILED')),
      ...Array.from({ length: 23 }, (_, i) => account(50 + i, 'CREATE_SUCCESSFUL'))
    ]
    const html = render(withAccounts(list), { scope: 'organization' })
    expect(html).toContain('<td colspan="5">Member accounts (7 failed of 30):<table>')
    const nested = /Member accounts \(7 failed of 30\):<table>(.*?)<\/table>/.exec(html)?.[1] ?? ''
    const rows = [...nested.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1])
    // One header row, 20 account rows, one "more" row.
    expect(rows).toHaveLength(22)
    expect(rows[0]).toBe('<th>Account</th><th>Status</th><th>Error code</th><th>Message</th>')
    expect(rows[1]).toBe('<td>100000000000</td><td>CREATE_FAILED</td><td>E</td><td>–</td>')
    expect(rows[20]).toContain(list[19].accountId)
    expect(rows[21]).toBe('<td colspan="4">10 more</td>')
    expect(html).not.toContain(list[20].accountId)
  })

  it('shows exactly 20 accounts with no "more" row', () => {
    const list = Array.from({ length: 20 }, (_, i) => account(i, 'UPDATE_FAILED'))
    const html = render(withAccounts(list), { scope: 'organization' })
    expect(html).toContain('Member accounts (20 failed of 20)')
    expect(html).toContain(list[19].accountId)
    expect(html).not.toMatch(/\d+ more/)
  })

  it('says why the member accounts could not be read', () => {
    const html = render(
      [
        {
          region: 'us-east-1',
          packs: [orgFailed],
          end: SETTLED,
          explanations: new Map([['org-pack', { kind: 'unavailable', why: 'Access <denied>' }]])
        }
      ],
      { scope: 'organization' }
    )
    expect(html).toContain('<em>Member account statuses unavailable: Access &lt;denied&gt;</em>')
  })
})

describe('renderSummary with compliance', () => {
  const packs = [
    packStatus('alpha', 'CREATE_COMPLETE'),
    packStatus('beta', 'CREATE_COMPLETE'),
    packStatus('gamma', 'CREATE_COMPLETE')
  ]

  it('has no Compliance column when compliance was not read', () => {
    const html = render([{ region: 'us-east-1', packs, end: SETTLED }])
    expect(packTableHeaders(html)[0]).not.toContain('Compliance')
    expect(html).not.toContain('COMPLIANT')
  })

  it('adds a Compliance column with a cell per pack when compliance was read', () => {
    const html = render([
      {
        region: 'us-east-1',
        packs,
        end: SETTLED,
        compliance: compliance(
          { name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] },
          { name: 'beta', compliance: 'NON_COMPLIANT', nonCompliantRules: ['r1'] }
        )
      }
    ])
    expect(packTableHeaders(html)).toEqual([
      ['Pack', 'State', 'Reason', 'Requested (UTC)', 'Completed (UTC)', 'Duration', 'Compliance']
    ])
    const lastCell = (name: string): string | undefined =>
      new RegExp(`<tr><td><a [^>]*>${name}</a></td>.*?<td>([^<]*)</td></tr>`).exec(html)?.[1]
    expect(lastCell('alpha')).toBe('✅ COMPLIANT')
    expect(lastCell('beta')).toBe('❌ NON_COMPLIANT')
    // gamma's compliance was not read.
    expect(lastCell('gamma')).toBe('–')
  })

  it('adds the Compliance column only to the regions whose compliance was read', () => {
    const html = render([
      {
        region: 'us-east-1',
        packs: [packs[0]],
        end: SETTLED,
        compliance: compliance({ name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] })
      },
      { region: 'eu-west-1', packs: [packs[1]], end: SETTLED }
    ])
    expect(packTableHeaders(html).map((h) => h.includes('Compliance'))).toEqual([true, false])
  })

  it('lists at most 10 non-compliant rules under the pack, then how many more', () => {
    const rules = Array.from({ length: 13 }, (_, i) => `rule-${i + 1}`)
    const html = render([
      {
        region: 'us-east-1',
        packs,
        end: SETTLED,
        compliance: compliance(
          { name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] },
          { name: 'beta', compliance: 'NON_COMPLIANT', nonCompliantRules: rules }
        )
      }
    ])
    const expectedList = `<ul>${rules
      .slice(0, 10)
      .map((r) => `<li>${r}</li>`)
      .join('')}<li>3 more</li></ul>`
    const row = `<tr><td colspan="7">Non-compliant rules:${expectedList}</td></tr>`
    expect(html).toContain(row)
    expect(html).not.toContain('rule-11')
    // Right under beta's row, and only once.
    expect(html.indexOf(row)).toBeGreaterThan(html.indexOf('">beta</a></td>'))
    expect(html.indexOf(row)).toBeLessThan(html.indexOf('">gamma</a></td>'))
    expect(html.split('Non-compliant rules:')).toHaveLength(2)
  })

  it('explains INSUFFICIENT_DATA only when some pack is INSUFFICIENT_DATA', () => {
    const region = (c: PackCompliance['compliance']): RegionInput => ({
      region: 'us-east-1',
      packs: [packs[0]],
      end: SETTLED,
      compliance: compliance({ name: 'alpha', compliance: c, nonCompliantRules: [] })
    })
    const meaning = `<p>⚠️ ${escapeHtml(INSUFFICIENT_DATA_MEANING)}</p>`
    expect(render([region('INSUFFICIENT_DATA')])).toContain(meaning)
    expect(render([region('INSUFFICIENT_DATA')])).toContain('⚠️ INSUFFICIENT_DATA</td>')
    expect(render([region('COMPLIANT')])).not.toContain(INSUFFICIENT_DATA_MEANING)
    expect(render([{ region: 'us-east-1', packs, end: SETTLED }])).not.toContain(
      INSUFFICIENT_DATA_MEANING
    )
  })

  it('explains INSUFFICIENT_DATA once, whichever region has it', () => {
    const html = render([
      {
        region: 'us-east-1',
        packs: [packs[0]],
        end: SETTLED,
        compliance: compliance({ name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] })
      },
      {
        region: 'eu-west-1',
        packs: [packs[1]],
        end: SETTLED,
        compliance: compliance({
          name: 'beta',
          compliance: 'INSUFFICIENT_DATA',
          nonCompliantRules: []
        })
      }
    ])
    expect(html.split(INSUFFICIENT_DATA_MEANING)).toHaveLength(2)
  })
})

describe('renderSummary while the wait goes on', () => {
  const regions: RegionInput[] = [
    { region: 'us-east-1', packs: [packStatus('alpha', 'CREATE_IN_PROGRESS')], end: SETTLED },
    { region: 'eu-west-1', packs: [packStatus('beta', 'CREATE_FAILED')], end: SETTLED }
  ]

  it('says it is waiting, with no result, headline or region results', () => {
    const html = render(regions, { inProgress: true })
    expect(headings(html, 2)).toEqual(['⏳ AWS Config conformance packs: waiting'])
    expect(html).not.toContain('<strong>')
    expect(headings(html, 3)).toEqual([])
    expect(html).not.toContain('failure')
    // The tables are still there.
    expect(html.match(/<tr><td><a [^>]*>(alpha|beta)<\/a><\/td>/g)).toHaveLength(2)
  })

  it('says organization conformance packs while waiting in that scope', () => {
    const html = render(regions, { inProgress: true, scope: 'organization' })
    expect(headings(html, 2)).toEqual(['⏳ AWS Config organization conformance packs: waiting'])
  })
})

describe('renderSummary: headline and problems', () => {
  const region: RegionInput = {
    region: 'us-east-1',
    packs: [packStatus('alpha', 'CREATE_COMPLETE')],
    end: SETTLED
  }

  it('renders every problem, escaped', () => {
    const html = render([region], {
      problems: ['us-east-1: compliance could not be read: <timeout>', 'second problem']
    })
    expect(html).toContain('<p>⚠️ us-east-1: compliance could not be read: &lt;timeout&gt;</p>')
    expect(html).toContain('<p>⚠️ second problem</p>')
  })

  it("uses the report's headline instead of the computed one", () => {
    const verdicts = decideRegions([region], STRICT)
    const html = render([region], {
      verdict: {
        ...verdicts.overall,
        result: 'noncompliant',
        failStep: true,
        noncompliant: ['alpha']
      },
      headline: '1 conformance pack(s) deployed but NON_COMPLIANT: alpha (rule <1>)'
    })
    expect(headings(html, 2)).toEqual(['🛑 AWS Config conformance packs: noncompliant'])
    expect(html).toContain(
      '<p><strong>1 conformance pack(s) deployed but NON_COMPLIANT: alpha (rule &lt;1&gt;)</strong></p>'
    )
    expect(html.match(/<strong>/g)).toHaveLength(1)
  })

  it('has no headline paragraph on a plain success', () => {
    expect(render([region])).not.toContain('<strong>')
  })
})
