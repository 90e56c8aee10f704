import { describe, expect, it } from 'vitest'
import { commercialLinks, packStatus } from '../../support/builders.js'
import type { PackStatus } from '../../../src/packs/pack-state.js'
import {
  escapeHtml,
  renderErrorSummary,
  renderSummary,
  type RegionReport,
  type FinalReport
} from '../../../src/publish/summary.js'
import { decide, type VerdictPolicy } from '../../../src/verdict/verdict.js'
import type { WaitEnd } from '../../../src/wait/wait-for-packs.js'

const REGION = 'us-east-1'
const T0 = Date.parse('2024-05-01T10:00:00Z')
const STACK_ARN =
  'arn:aws:cloudformation:us-east-1:123456789012:stack/awsconfigconforms-alpha/0a1b2c3d-1111-2222-3333-444455556666'
const STRICT: VerdictPolicy = { missingPack: 'fail', failOnFailure: true }

const ALPHA = {
  stackArn: STACK_ARN,
  requestedAt: new Date(T0),
  completedAt: new Date(T0 + 192_000)
}
const complete = packStatus('alpha', 'CREATE_COMPLETE', ALPHA)

function render(
  packs: PackStatus[],
  end: WaitEnd = { kind: 'settled' },
  extra: Partial<FinalReport> & { explanations?: RegionReport['explanations'] } = {},
  policy: VerdictPolicy = STRICT
): string {
  const { explanations, ...rest } = extra
  const verdict = decide(packs, end, policy)
  const report: FinalReport = {
    scope: 'account',
    regions: [
      { region: REGION, links: commercialLinks(REGION), packs, verdict, end, explanations }
    ],
    verdict,
    end,
    elapsedMs: 192_000,
    now: T0 + 600_000,
    ...rest
  }
  return renderSummary(report)
}

describe('renderSummary', () => {
  it('opens with a heading naming the result, then the region and the time waited', () => {
    const html = render([complete])
    const heading = /<h2>(.*?)<\/h2>/.exec(html)?.[1]
    expect(heading).toContain('success')
    expect(html).toContain(`<code>${REGION}</code>`)
    expect(html).toContain('waited 3m12s')
    expect(html.indexOf('<h2>')).toBeLessThan(html.indexOf(REGION))
    expect(html.indexOf(REGION)).toBeLessThan(html.indexOf('<table>'))
  })

  it.each([
    ['failure', [packStatus('b', 'CREATE_FAILED')], { kind: 'settled' }],
    ['timeout', [packStatus('b', 'CREATE_IN_PROGRESS')], { kind: 'deadline' }],
    ['cancelled', [packStatus('b', 'CREATE_IN_PROGRESS')], { kind: 'cancelled' }]
  ] as [string, PackStatus[], WaitEnd][])(
    'names the %s result in the heading',
    (result, packs, end) => {
      const html = render(packs, end)
      expect(/<h2>(.*?)<\/h2>/.exec(html)?.[1]).toContain(result)
    }
  )

  it('has a table with the six column headers', () => {
    const html = render([complete])
    const headers = [...html.matchAll(/<th>(.*?)<\/th>/g)].map((m) => m[1])
    expect(headers).toEqual([
      'Pack',
      'State',
      'Reason',
      'Requested (UTC)',
      'Completed (UTC)',
      'Duration'
    ])
  })

  it('shows one row per pack with its state, times and duration', () => {
    const html = render([complete])
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1])
    expect(rows).toHaveLength(2)
    // core writes an empty cell as a bare <td> (no closing tag).
    const cells = rows[1]
      .split('<td>')
      .slice(1)
      .map((cell) => cell.replace('</td>', ''))
    expect(cells).toHaveLength(6)
    expect(cells[0]).toContain('alpha')
    expect(cells[1]).toContain('CREATE_COMPLETE')
    // On the run's own date: the time of day only.
    expect(cells[3]).toBe('10:00:00')
    expect(cells[4]).toBe('10:03:12')
    expect(cells[5]).toBe('3m12s')
  })

  it('links a pack to its page in the AWS Config console', () => {
    const html = render([complete])
    expect(html).toContain(
      '<a href="https://us-east-1.console.aws.amazon.com/config/home?region=us-east-1#/conformance-packs/details?conformancePackName=alpha">alpha</a>'
    )
    // A completed pack's stack is not where a reader needs to go.
    expect(html).not.toContain('cloudformation')
  })

  it("links a failed pack's CloudFormation stack under its name", () => {
    const html = render([packStatus('alpha', 'CREATE_FAILED', ALPHA)])
    expect(html).toContain(
      `<br><sub><a href="https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/stackinfo?stackId=${encodeURIComponent(STACK_ARN)}">CloudFormation stack</a></sub></td>`
    )
  })

  it('does not link a pack without a stack', () => {
    const html = render(
      [{ name: 'gamma', state: 'NOT_FOUND' }],
      { kind: 'settled' },
      {},
      {
        missingPack: 'ignore',
        failOnFailure: true
      }
    )
    expect(html).toContain('<td>gamma</td>')
    expect(html).not.toContain('cloudformation')
  })

  it('escapes HTML in the reason', () => {
    const html = render([
      packStatus('beta', 'CREATE_FAILED', { reason: 'bad <script>alert("x")</script> | & more' })
    ])
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#124; &amp; more')
  })

  it('escapes HTML in the headline of an error end', () => {
    const html = render([], { kind: 'error', message: 'denied <b>now</b>' })
    expect(html).toContain('denied &lt;b&gt;now&lt;/b&gt;')
    expect(html).not.toContain('<b>now</b>')
  })

  it('has no link to the workflow run: the reader is on its page', () => {
    expect(render([complete])).not.toContain('Workflow run')
  })

  it('says so when there are no packs, without a table', () => {
    const html = render([])
    expect(html).toContain(`⚠️ No conformance pack was found in <code>${REGION}</code>`)
    expect(html).not.toContain('<table>')
  })

  it('shows the headline (pending names) on a timeout', () => {
    const html = render(
      [complete, packStatus('slow', 'CREATE_IN_PROGRESS', { requestedAt: new Date(T0) })],
      { kind: 'deadline' }
    )
    expect(html).toMatch(
      /<strong>Timed out after 3m12s waiting for 1 conformance pack\(s\): slow<\/strong>/
    )
    // The pending pack's duration runs to `now`.
    expect(html).toContain('<td>10m00s</td>')
  })

  it('gives missing, deleted and unknown packs a default reason', () => {
    const html = render(
      [
        { name: 'm', state: 'NOT_FOUND' },
        {
          name: 'v',
          state: 'NOT_FOUND',
          detail: { name: 'v', state: 'CREATE_IN_PROGRESS' }
        },
        packStatus('d', 'DELETE_COMPLETE'),
        { name: 'u', state: 'UNKNOWN' }
      ],
      { kind: 'deadline' },
      {},
      { missingPack: 'ignore', failOnFailure: true }
    )
    expect(html).toContain('No conformance pack of this name')
    expect(html).toContain('Vanished while CREATE_IN_PROGRESS')
    expect(html).toContain('Deleted')
    expect(html).toContain('No answer from AWS Config')
  })
})

describe('escapeHtml', () => {
  it('escapes the characters that break HTML or a markdown table', () => {
    expect(escapeHtml(`<a href="x">&|</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&#124;&lt;/a&gt;'
    )
  })
})

describe('renderErrorSummary', () => {
  it('shows a failure heading and the escaped message', () => {
    const html = renderErrorSummary(`Input 'timeout-seconds' must be a number, got "<abc>"`)
    expect(/<h2>(.*?)<\/h2>/.exec(html)?.[1]).toContain('failure')
    expect(html).toContain(`Input 'timeout-seconds' must be a number`)
    expect(html).toContain('&quot;&lt;abc&gt;&quot;')
  })
})
