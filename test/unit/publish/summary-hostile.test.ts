import { describe, expect, it } from 'vitest'
import { commercialLinks, packStatus } from '../../support/builders.js'
import type { FailureExplanation } from '../../../src/wait/explain-failures.js'
import type { PackStatus } from '../../../src/packs/pack-state.js'
import { escapeHtml, renderSummary, type FinalReport } from '../../../src/publish/summary.js'
import { decide } from '../../../src/verdict/verdict.js'
import type { WaitEnd } from '../../../src/wait/wait-for-packs.js'
import { htmlProblems, visibleText } from '../../support/html-check.js'

/** Text from a hostile or broken endpoint: HTML, a closed table, markdown after a blank line. */
const HOSTILE =
  '<script>alert(1)</script></td></tr></table> | a | b |\n\n# Heading\n[click](https://evil.example)'
const NAME = 'evil|<b>pack</b>\n\n</table>'

const T0 = Date.parse('2026-11-20T10:00:00Z')
const STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1'
const END: WaitEnd = { kind: 'settled' }

const failed = (name: string): PackStatus =>
  packStatus(name, 'CREATE_FAILED', {
    reason: HOSTILE,
    stackArn: STACK,
    requestedAt: new Date(T0),
    errorCode: HOSTILE
  })

function render(
  scope: FinalReport['scope'],
  packs: PackStatus[],
  explanations: Map<string, FailureExplanation>,
  extra: Partial<FinalReport> = {}
): string {
  const verdict = decide(packs, END, { missingPack: 'fail', failOnFailure: true })
  const report: FinalReport = {
    scope,
    regions: [
      {
        region: 'us-east-1',
        links: commercialLinks('us-east-1'),
        packs,
        verdict,
        end: END,
        explanations,
        compliance: new Map(
          packs.map((p) => [
            p.name,
            { name: p.name, compliance: 'NON_COMPLIANT', nonCompliantRules: [HOSTILE, 'ok-rule'] }
          ])
        )
      }
    ],
    verdict,
    end: END,
    elapsedMs: 60_000,
    now: T0 + 120_000,
    headline: `Failed: ${HOSTILE}`,
    problems: [`Could not read compliance: ${HOSTILE}`],
    ...extra
  }
  return renderSummary(report)
}

describe('the job summary with hostile text from AWS', () => {
  it('stays well-formed, one table row per pack and explanation, with the text escaped and shown', () => {
    const explanations = new Map<string, FailureExplanation>([
      [
        NAME,
        {
          kind: 'explained',
          resources: [
            {
              logicalId: 'Rule|A',
              type: 'AWS::Config::ConfigRule',
              status: 'CREATE_FAILED',
              reason: HOSTILE
            }
          ]
        }
      ],
      ['beta', { kind: 'unavailable', why: HOSTILE }]
    ])
    const html = render('account', [failed(NAME), failed('beta')], explanations)
    expect(htmlProblems(html)).toEqual([])
    expect(html).not.toContain('<script>')
    expect(html).not.toMatch(/^#/m)
    // Header, then per pack its row, its explanation and its non-compliant rules.
    expect(html.match(/<tr>/g)).toHaveLength(7)
    const text = visibleText(html)
    expect(text).toContain(HOSTILE)
    expect(text).toContain(NAME)
  })

  it('keeps an organization pack’s member accounts table well-formed too', () => {
    const explanations = new Map<string, FailureExplanation>([
      [
        NAME,
        {
          kind: 'accounts',
          accounts: [
            {
              accountId: '111111111111',
              status: 'CREATE_FAILED',
              errorCode: HOSTILE,
              message: HOSTILE
            }
          ]
        }
      ]
    ])
    const html = render('organization', [failed(NAME)], explanations)
    expect(htmlProblems(html)).toEqual([])
    expect(html).not.toContain('<script>')
    expect(visibleText(html)).toContain(`111111111111CREATE_FAILED${HOSTILE}${HOSTILE}`)
  })

  it('the checker itself sees the breakage an unescaped reason would cause', () => {
    expect(htmlProblems(`<table><tr><td>${HOSTILE}</td></tr></table>`)).not.toEqual([])
    expect(htmlProblems(`<table><tr><td>${escapeHtml(HOSTILE)}</td></tr></table>`)).toEqual([])
  })
})

describe('escapeHtml', () => {
  it('turns line breaks into <br>: a blank line would end the HTML block in markdown', () => {
    expect(escapeHtml('a\n\nb\r\nc\rd')).toBe('a<br><br>b<br>c<br>d')
  })
})
