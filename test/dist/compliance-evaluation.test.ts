import { describe, expect, it } from 'vitest'
import type { EmulatedPack, EmulatedResult, EmulatedRule } from '../emulator/config-emulator.js'
import { FAST, json, runWith } from './dist-harness.js'

/** The built action's compliance gate waiting for the rules' evaluation. */

/** The deployment was requested 3 s before the run; rules are created 2 s after the request. */
const LEAD_MS = 3_000
const EARLY = 2_500
const later = (ms: number) => LEAD_MS + ms

const bucket = (id: string, annotation: string): EmulatedResult => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance: 'NON_COMPLIANT',
  annotation
})
const ok: EmulatedResult = {
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'fine',
  compliance: 'COMPLIANT'
}

const pack = (rules: EmulatedRule[]): EmulatedPack => ({
  name: 'alpha',
  timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 2 }],
  requestedAt: Date.now() - LEAD_MS,
  rules
})
const INPUTS = { 'conformance-pack-names': 'alpha', ...FAST }
type Entry = {
  compliance: string
  rules: { name: string; compliance: string; error?: unknown; nonCompliantResources: unknown[] }[]
}
const entry = (text: string | undefined) => (json(text) as Entry[])[0]
const statusCalls = (run: Awaited<ReturnType<typeof runWith>>) =>
  run.emulator.requests.filter((r) => r.target.endsWith('.DescribeConfigRuleEvaluationStatus'))

describe('compliance gate: the evaluation', () => {
  it('require: waits for a rule evaluated after the deployment, then fails naming its resources', async () => {
    const run = await runWith(
      {
        packs: [
          pack([
            { name: 'versioning', evaluations: [{ atMs: EARLY, results: [ok] }] },
            {
              name: 'public-read',
              evaluations: [
                {
                  atMs: later(3_000),
                  results: [
                    bucket('logs', 'Public read allowed'),
                    bucket('data', 'ACL grants AllUsers')
                  ]
                }
              ]
            }
          ])
        ]
      },
      { inputs: { ...INPUTS, compliance: 'require' } }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('noncompliant')
    const { rules } = entry(run.outputs.compliance)
    expect(rules.map((r) => [r.name, r.compliance])).toEqual([
      ['versioning', 'COMPLIANT'],
      ['public-read', 'NON_COMPLIANT']
    ])
    expect(rules[1].nonCompliantResources).toEqual([
      { resourceType: 'AWS::S3::Bucket', resourceId: 'logs', annotation: 'Public read allowed' },
      { resourceType: 'AWS::S3::Bucket', resourceId: 'data', annotation: 'ACL grants AllUsers' }
    ])
    expect(statusCalls(run).length).toBeGreaterThan(1)
    expect(run.stdout).toMatch(
      /^::error title=Conformance pack alpha%3A NON_COMPLIANT::alpha is NON_COMPLIANT: 1 rule\(s\) not compliant: public-read \(AWS::S3::Bucket logs, AWS::S3::Bucket data\)$/m
    )
    expect(run.summary).toContain('1 compliant, 1 non-compliant, 0 unevaluated, 0 failed')
    expect(run.summary).toContain(
      '<a href="https://eu-west-1.console.aws.amazon.com/config/home?region=eu-west-1#/resources/details?resourceId=logs&amp;resourceType=AWS%3A%3AS3%3A%3ABucket">AWS::S3::Bucket logs</a>: Public read allowed'
    )
  })

  it('require: a stale evaluation from before the deployment is not trusted: timeout naming the rule', async () => {
    const run = await runWith(
      { packs: [pack([{ name: 'stale', evaluations: [{ atMs: -60_000, results: [ok] }] }])] },
      { inputs: { ...INPUTS, compliance: 'require', 'timeout-seconds': '2' } }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timeout')
    expect(entry(run.outputs.compliance).rules).toEqual([
      { name: 'stale', compliance: 'NOT_EVALUATED', nonCompliantResources: [] }
    ])
    expect(run.stdout).toMatch(
      /^::error::compliance could not be read: .*1 rule\(s\) not evaluated since the deployment: stale$/m
    )
    expect(run.summary).toContain(
      'Rules not evaluated since the deployment:<ul><li>stale</li></ul>'
    )
  })

  it('require: at the deadline, names the first unevaluated rules and counts the rest', async () => {
    const rules = Array.from({ length: 7 }, (_, i): EmulatedRule => ({ name: `never-${i + 1}` }))
    const run = await runWith(
      { packs: [pack(rules)] },
      { inputs: { ...INPUTS, compliance: 'require', 'timeout-seconds': '2' } }
    )
    expect(run.outputs.result).toBe('timeout')
    expect(run.stdout).toMatch(
      /7 rule\(s\) not evaluated since the deployment: never-1, never-2, never-3, never-4, never-5 and 2 more$/m
    )
  })

  it('require: a rule that failed to evaluate fails the step with its error', async () => {
    const run = await runWith(
      {
        packs: [
          pack([
            { name: 'fine', evaluations: [{ atMs: EARLY, results: [ok] }] },
            {
              name: 'broken',
              evaluations: [
                {
                  atMs: EARLY,
                  error: { code: 'InsufficientPermission', message: 'cannot describe buckets' }
                }
              ]
            }
          ])
        ]
      },
      { inputs: { ...INPUTS, compliance: 'require' } }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(entry(run.outputs.compliance).rules[1]).toMatchObject({
      name: 'broken',
      compliance: 'EVALUATION_FAILED',
      error: { code: 'InsufficientPermission', message: 'cannot describe buckets' }
    })
    expect(run.stdout).toMatch(
      /^::error::1 rule\(s\) failed to evaluate: alpha\/broken \(InsufficientPermission: cannot describe buckets\)$/m
    )
  })

  it('start-evaluation: starts the unevaluated rule once and waits for its result', async () => {
    const run = await runWith(
      { packs: [pack([{ name: 'idle', onDemand: { durationMs: 600, results: [ok] } }])] },
      { inputs: { ...INPUTS, compliance: 'require', 'start-evaluation': 'true' } }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(
      run.emulator.requests
        .filter((r) => r.target.endsWith('.StartConfigRulesEvaluation'))
        .map((r) => r.body.ConfigRuleNames)
    ).toEqual([['idle']])
    expect(entry(run.outputs.compliance).rules[0].compliance).toBe('COMPLIANT')
  })

  it('without start-evaluation, never starts one', async () => {
    const run = await runWith(
      { packs: [pack([{ name: 'idle' }])] },
      { inputs: { ...INPUTS, compliance: 'report', 'timeout-seconds': '1' } }
    )
    expect(run.emulator.callsOf('StartConfigRulesEvaluation')).toBe(0)
  })

  it('report: waits the same way, warns for the non-compliant pack and passes', async () => {
    const run = await runWith(
      {
        packs: [
          pack([
            {
              name: 'public-read',
              evaluations: [{ atMs: later(500), results: [bucket('logs', 'open')] }]
            }
          ])
        ]
      },
      { inputs: { ...INPUTS, compliance: 'report' } }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(json(run.outputs['noncompliant-packs'])).toEqual(['alpha'])
    expect(run.stdout).toMatch(
      /^::warning title=Conformance pack alpha%3A NON_COMPLIANT::alpha is NON_COMPLIANT: 1 rule\(s\) not compliant: public-read \(AWS::S3::Bucket logs\)$/m
    )
    expect(run.stdout).not.toMatch(/^::error/m)
  })
})

describe('start-evaluation with AWS’s clock off the runner’s', () => {
  const starts = (run: Awaited<ReturnType<typeof runWith>>) =>
    run.emulator.requests
      .filter((r) => r.target.endsWith('.StartConfigRulesEvaluation'))
      .map((r) => r.body.ConfigRuleNames)
  const START = { ...INPUTS, compliance: 'require', 'start-evaluation': 'true' }

  it('AWS 5 s behind: the started evaluation of a new rule counts, the gate passes on it', async () => {
    const run = await runWith(
      {
        packs: [pack([{ name: 'idle', onDemand: { durationMs: 600, results: [ok] } }])],
        awsClockOffsetMs: -5_000
      },
      { inputs: START }
    )
    expect(run.outputs.result).toBe('success')
    expect(run.code).toBe(0)
    expect(starts(run)).toEqual([['idle']])
    expect(entry(run.outputs.compliance).rules[0].compliance).toBe('COMPLIANT')
  })

  it('AWS 5 s behind: the gate fails on the started evaluation’s finding, not on a timeout', async () => {
    const run = await runWith(
      {
        packs: [
          pack([
            {
              name: 'idle',
              onDemand: { durationMs: 600, results: [bucket('logs', 'Public read allowed')] }
            }
          ])
        ],
        awsClockOffsetMs: -5_000
      },
      { inputs: START }
    )
    expect(run.outputs.result).toBe('noncompliant')
    expect(run.code).toBe(1)
    expect(entry(run.outputs.compliance).rules[0]).toMatchObject({
      name: 'idle',
      compliance: 'NON_COMPLIANT'
    })
  })

  it('AWS 20 s ahead: a result from before the start does not count; the gate waits for the started one', async () => {
    // A rule of an earlier deployment (the stack unreadable), evaluated COMPLIANT 1 s after
    // the request, before the start: AWS stamps it 20 s later, after the runner's time of the
    // start. The evaluation started finds the bucket public.
    const run = await runWith(
      {
        packs: [
          pack([
            {
              name: 'public-read',
              activatedAtMs: -3_600_000,
              evaluations: [{ atMs: 1_000, results: [ok] }],
              onDemand: { durationMs: 800, results: [bucket('logs', 'Public read allowed')] }
            }
          ])
        ],
        awsClockOffsetMs: 20_000
      },
      { inputs: START }
    )
    expect(starts(run)).toEqual([['public-read']])
    expect(run.outputs.result).toBe('noncompliant')
    expect(run.code).toBe(1)
    expect(entry(run.outputs.compliance).rules[0]).toMatchObject({
      name: 'public-read',
      compliance: 'NON_COMPLIANT'
    })
  })
})
