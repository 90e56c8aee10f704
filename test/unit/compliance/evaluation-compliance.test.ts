import { describe, expect, it } from 'vitest'
import { complianceCell, rulesHtml } from '../../../src/publish/compliance-cells.js'
import { commercialLinks } from '../../support/builders.js'
import { complianceAnnotations } from '../../../src/compliance/annotations.js'
import { complianceOfEvaluation, rollUp } from '../../../src/compliance/evaluation-compliance.js'
import type { PackEvaluation } from '../../../src/compliance/evaluation-wait.js'
import { gate } from '../../../src/compliance/gate.js'
import type { PackCompliance } from '../../../src/compliance/compliance-result.js'
import { judgePack, type RuleEvaluationStatus } from '../../../src/compliance/rule-judgement.js'
import type { Verdict } from '../../../src/verdict/verdict.js'
import { liveCheck, progressView } from '../../../src/publish/live-check.js'
import type { CheckRunReporter } from '../../../src/publish/live-check.js'
import { virtualClock } from '../../support/doubles.js'

const REQUESTED = Date.parse('2026-11-20T10:00:00Z')
const created = (name: string, extra: Partial<RuleEvaluationStatus>): RuleEvaluationStatus => ({
  name,
  firstActivatedAt: REQUESTED + 1_000,
  ...extra
})
const at = (ms: number) => REQUESTED + ms

/** A pack with one rule of every verdict. */
function evaluated(): PackEvaluation {
  const judgement = judgePack({
    requestedAt: REQUESTED,
    rules: [
      { name: 'ok', compliance: 'COMPLIANT' },
      { name: 'bad', compliance: 'NON_COMPLIANT' },
      { name: 'empty', compliance: 'INSUFFICIENT_DATA' },
      { name: 'broken', compliance: 'INSUFFICIENT_DATA' },
      { name: 'waiting', compliance: 'INSUFFICIENT_DATA' }
    ],
    statuses: new Map(
      [
        created('ok', { lastSuccessfulEvaluationAt: at(2_000) }),
        created('bad', { lastSuccessfulEvaluationAt: at(3_000) }),
        created('empty', { lastSuccessfulEvaluationAt: at(2_500) }),
        created('broken', {
          lastFailedEvaluationAt: at(2_000),
          lastErrorCode: 'AccessDenied',
          lastErrorMessage: 'no <read>'
        }),
        created('waiting', { firstEvaluationStarted: false })
      ].map((s) => [s.name, s])
    )
  })
  const resources = [
    { resourceType: 'AWS::S3::Bucket', resourceId: 'logs', annotation: 'Public | read' },
    { resourceType: 'AWS::S3::Bucket', resourceId: '<b>x</b>' }
  ]
  return {
    name: 'alpha',
    judgement,
    resources: new Map([['bad', { kind: 'capped', resources }]]),
    durationMs: 65_000
  }
}

const SUCCESS: Verdict = {
  result: 'success',
  failStep: false,
  completed: ['alpha'],
  failed: [],
  pending: [],
  missing: []
}

function packOf(
  read = complianceOfEvaluation({ kind: 'done', packs: [evaluated()] })
): PackCompliance {
  if (read.kind !== 'done') throw new Error(read.kind)
  return { ...read.packs[0], region: 'eu-west-1' }
}

describe('the evaluation as the gate and the publishers read it', () => {
  it('lists every rule with its verdict, time, error and resources', () => {
    const pack = packOf()
    expect(pack.compliance).toBe('NON_COMPLIANT')
    expect(pack.nonCompliantRules).toEqual(['bad'])
    expect(pack.rules).toEqual([
      {
        name: 'ok',
        compliance: 'COMPLIANT',
        evaluatedAt: '2026-11-20T10:00:02.000Z',
        nonCompliantResources: []
      },
      {
        name: 'bad',
        compliance: 'NON_COMPLIANT',
        evaluatedAt: '2026-11-20T10:00:03.000Z',
        nonCompliantResources: evaluated().resources.get('bad')?.resources,
        resourcesTruncated: true
      },
      {
        name: 'empty',
        compliance: 'NOT_APPLICABLE',
        evaluatedAt: '2026-11-20T10:00:02.500Z',
        nonCompliantResources: []
      },
      {
        name: 'broken',
        compliance: 'EVALUATION_FAILED',
        evaluatedAt: '2026-11-20T10:00:02.000Z',
        error: { code: 'AccessDenied', message: 'no <read>' },
        nonCompliantResources: []
      },
      { name: 'waiting', compliance: 'NOT_EVALUATED', nonCompliantResources: [] }
    ])
    expect(pack.evaluation).toEqual({
      compliant: 1,
      nonCompliant: 1,
      nothingInScope: 1,
      failed: 1,
      unevaluated: 1,
      durationMs: 65_000
    })
  })

  it('rolls a pack up from its rules', () => {
    const counts = { compliant: 0, nonCompliant: 0, nothingInScope: 0, failed: 0, unevaluated: 0 }
    expect(rollUp({ ...counts, compliant: 2, nonCompliant: 1 })).toBe('NON_COMPLIANT')
    expect(rollUp({ ...counts, compliant: 1, nothingInScope: 3, unevaluated: 1 })).toBe('COMPLIANT')
    expect(rollUp({ ...counts, nothingInScope: 3 })).toBe('INSUFFICIENT_DATA')
  })

  it('require: a rule that failed to evaluate fails the gate with result failure, naming its error', () => {
    const failedOnly = evaluated()
    const judgement = judgePack({
      requestedAt: REQUESTED,
      rules: [{ name: 'broken', compliance: 'INSUFFICIENT_DATA' }],
      statuses: new Map([
        [
          'broken',
          created('broken', {
            lastFailedEvaluationAt: at(2_000),
            lastErrorCode: 'E',
            lastErrorMessage: 'm'
          })
        ]
      ])
    })
    const read = complianceOfEvaluation({ kind: 'done', packs: [{ ...failedOnly, judgement }] })
    const result = gate(SUCCESS, [{ region: 'eu-west-1', read }], 'require')
    expect(result.verdict).toMatchObject({ result: 'failure', failStep: true })
    expect(result.headline).toBe('1 rule(s) failed to evaluate: alpha/broken (E: m)')
    const report = gate(SUCCESS, [{ region: 'eu-west-1', read }], 'report')
    expect(report.verdict).toEqual(SUCCESS)
    expect(report.annotations).toEqual([
      {
        level: 'warning',
        title: 'Conformance pack alpha: rule evaluation failed',
        message: 'alpha: 1 rule(s) failed to evaluate: broken (E: m)'
      }
    ])
  })

  it('require: non-compliant rules decide the result, the failed ones are named too', () => {
    const read = complianceOfEvaluation({ kind: 'done', packs: [evaluated()] })
    const result = gate(SUCCESS, [{ region: 'eu-west-1', read }], 'require')
    expect(result.verdict).toMatchObject({ result: 'noncompliant', noncompliant: ['alpha'] })
    expect(result.headline).toBe(
      '1 conformance pack(s) deployed but NON_COMPLIANT: alpha (bad); 1 rule(s) failed to evaluate: alpha/broken (AccessDenied: no <read>)'
    )
    expect(result.annotations[0].message).toBe(
      'alpha is NON_COMPLIANT: 1 rule(s) not compliant: bad (AWS::S3::Bucket logs, AWS::S3::Bucket <b>x</b>)'
    )
  })

  it('keeps the packs judged so far at the deadline', () => {
    const read = complianceOfEvaluation({ kind: 'timeout', packs: [evaluated()], message: 'late' })
    expect(read).toMatchObject({ kind: 'timeout', message: 'late', packs: [{ name: 'alpha' }] })
    const result = gate(SUCCESS, [{ region: 'eu-west-1', read }], 'require')
    expect(result.verdict.result).toBe('timeout')
    expect(result.entries[0].rules?.at(-1)?.compliance).toBe('NOT_EVALUATED')
  })
})

describe('the summary of the evaluation', () => {
  it('counts the rules and says how long their evaluation took', () => {
    expect(complianceCell(packOf())).toBe(
      '❌ NON_COMPLIANT<br>1 compliant, 1 non-compliant, 1 with nothing in scope, 1 unevaluated, 1 failed<br>evaluated in 1m05s'
    )
  })

  it('says so when every rule was evaluated with nothing in scope, without a warning', () => {
    const pack: PackCompliance = {
      name: 'p',
      compliance: 'INSUFFICIENT_DATA',
      nonCompliantRules: [],
      rules: ['a', 'b'].map((name) => ({
        name,
        compliance: 'NOT_APPLICABLE' as const,
        nonCompliantResources: []
      })),
      evaluation: {
        compliant: 0,
        nonCompliant: 0,
        nothingInScope: 2,
        failed: 0,
        unevaluated: 0,
        durationMs: 1_000
      }
    }
    expect(complianceCell(pack)).toMatch(/^✅ nothing in scope<br>/)
    expect(complianceAnnotations([pack], 'require', (n) => n)).toEqual([])
  })

  it('lists resources with console links, escaped, then failed and unevaluated rules', () => {
    const html = rulesHtml(packOf(), commercialLinks('eu-west-1'))
    const link = commercialLinks('eu-west-1').resource('AWS::S3::Bucket', 'logs')
    expect(link).toBe(
      'https://eu-west-1.console.aws.amazon.com/config/home?region=eu-west-1#/resources/details?resourceId=logs&resourceType=AWS%3A%3AS3%3A%3ABucket'
    )
    expect(html).toContain(
      `<a href="${link.replace(/&/g, '&amp;')}">AWS::S3::Bucket logs</a>: Public &#124; read</li>`
    )
    expect(html).toContain('AWS::S3::Bucket &lt;b&gt;x&lt;/b&gt;</a></li>')
    expect(html).toContain('<li> (and more not read)</li>')
    expect(html).toContain(
      'Rules that failed to evaluate:<ul><li>broken: AccessDenied: no &lt;read&gt;</li></ul>'
    )
    expect(html).toContain('Rules not evaluated since the deployment:<ul><li>waiting</li></ul>')
  })

  it('shows the first 10 resources of a rule, then a count', () => {
    const resources = Array.from({ length: 13 }, (_, i) => ({
      resourceType: 'T',
      resourceId: `r${i}`
    }))
    const base = evaluated()
    const html = rulesHtml(
      packOf(
        complianceOfEvaluation({
          kind: 'done',
          packs: [{ ...base, resources: new Map([['bad', { kind: 'complete', resources }]]) }]
        })
      ),
      commercialLinks('eu-west-1')
    )
    expect(html).toContain('T r9</a></li><li>3 more</li></ul>')
    expect(html).not.toContain('T r10')
  })
})

describe('the live check run during the evaluation', () => {
  it('shows each pack’s counts, and updates only when a rule settled', () => {
    const updates: string[] = []
    const checks: CheckRunReporter = {
      start: () => Promise.resolve(),
      update: (_title, summary) => {
        updates.push(summary)
        return Promise.resolve()
      },
      complete: () => Promise.resolve()
    }
    const live = liveCheck(
      checks,
      { scope: 'account', regions: ['eu-west-1'], missingPack: 'fail' },
      virtualClock(0),
      0,
      commercialLinks
    )
    const onEvaluation = live.onEvaluation('eu-west-1')
    onEvaluation([evaluated()])
    onEvaluation([evaluated()])
    expect(updates).toHaveLength(1)
    expect(updates[0]).toContain(
      "### Waiting for the rules' evaluation\n\n- alpha: 1 compliant, 1 non-compliant, 1 with nothing in scope, 1 failed, 1 not evaluated yet"
    )
    const view = progressView(
      {
        scope: 'account',
        regions: [],
        startedAt: 0,
        now: 0,
        evaluation: [{ region: 'r', packs: [{ ...evaluated(), name: '<i>' }] }]
      },
      'fail'
    )
    expect(view.summary).toContain('- &lt;i&gt;: 1 compliant')
  })
})
