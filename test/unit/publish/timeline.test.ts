import { describe, expect, it } from 'vitest'
import { commercialLinks, packStatus } from '../../support/builders.js'
import { mermaidSafe, renderTimeline, TIMELINE_MAX_PACKS } from '../../../src/publish/timeline.js'
import { renderSummary } from '../../../src/publish/summary.js'
import { decide } from '../../../src/verdict/verdict.js'
import { htmlProblems } from '../../support/html-check.js'

const T0 = Date.parse('2026-12-01T10:00:00Z')

/** A pack requested at T0 and, when `end` is given, completed `end` ms later. */
const pack = (
  name: string,
  state: 'CREATE_COMPLETE' | 'CREATE_FAILED' | 'CREATE_IN_PROGRESS',
  end?: number
) =>
  packStatus(name, state, {
    requestedAt: new Date(T0),
    completedAt: end === undefined ? undefined : new Date(T0 + end)
  })

describe('mermaidSafe', () => {
  it("turns Mermaid's syntax characters, backticks and line breaks into spaces", () => {
    expect(mermaidSafe('a:b#c;d\ne%%f`g')).toBe('a b c d e f g')
    expect(mermaidSafe('```\n::crit, 0, 1')).toBe('crit 0 1')
    expect(mermaidSafe('operational-best-practices')).toBe('operational-best-practices')
    expect(mermaidSafe(':#;')).toBe('pack')
    expect(mermaidSafe('x'.repeat(80))).toHaveLength(60)
  })
})

describe('renderTimeline', () => {
  it('draws each pack from its request to its completion, failed ones crit, pending active', () => {
    const chart = renderTimeline(
      [
        {
          region: 'eu-west-1',
          packs: [
            pack('alpha', 'CREATE_COMPLETE', 62_000),
            pack('beta', 'CREATE_FAILED'),
            pack('gamma', 'CREATE_IN_PROGRESS')
          ]
        }
      ],
      T0 + 90_000
    )
    expect(chart).toBe(
      [
        '```mermaid',
        'gantt',
        '  title Deployments',
        '  dateFormat x',
        '  axisFormat %H:%M:%S',
        `  alpha :done, ${T0}, ${T0 + 62_000}`,
        `  beta :crit, ${T0}, ${T0 + 90_000}`,
        `  gamma :active, ${T0}, ${T0 + 90_000}`,
        '```',
        ''
      ].join('\n')
    )
  })

  it('skips a single pack, and more packs than a chart can show', () => {
    const one = [{ region: 'r', packs: [pack('alpha', 'CREATE_COMPLETE', 1000)] }]
    expect(renderTimeline(one, T0)).toBeUndefined()
    const many = Array.from({ length: TIMELINE_MAX_PACKS + 1 }, (_, i) =>
      pack(`p${i}`, 'CREATE_COMPLETE', 1000)
    )
    expect(renderTimeline([{ region: 'r', packs: many }], T0)).toBeUndefined()
  })

  it('gives each region a section when there are several', () => {
    const chart = renderTimeline(
      [
        { region: 'eu-west-1', packs: [pack('alpha', 'CREATE_COMPLETE', 1000)] },
        { region: 'us-east-1', packs: [pack('alpha', 'CREATE_COMPLETE', 2000)] }
      ],
      T0
    )
    expect(chart).toContain('  section eu-west-1\n  alpha :done')
    expect(chart).toContain('  section us-east-1\n  alpha :done')
  })

  it('ends the job summary, after a blank line that ends the HTML block before it', () => {
    const packs = [pack('alpha', 'CREATE_COMPLETE', 1000), pack('b:e#t;a\nx', 'CREATE_FAILED')]
    const end = { kind: 'settled' } as const
    const verdict = decide(packs, end, { missingPack: 'fail', failOnFailure: true })
    const html = renderSummary({
      scope: 'account',
      regions: [{ region: 'eu-west-1', links: commercialLinks('eu-west-1'), packs, verdict, end }],
      verdict,
      end,
      elapsedMs: 5000,
      now: T0 + 5000
    })
    expect(html).toMatch(/<\/table>\n\n```mermaid\ngantt\n[^`]*\n```\n$/)
    expect(html).toContain('  b e t a x :crit')
    expect(htmlProblems(html)).toEqual([])
  })
})
