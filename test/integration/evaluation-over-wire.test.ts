import { describe, expect, it } from 'vitest'
import { StartConfigRulesEvaluationCommand } from '@aws-sdk/client-config-service'
import { createConfigClient } from '../../src/aws/client.js'
import { createRuleEvaluationSource } from '../../src/aws/rule-evaluation-source.js'
import { createStackEventReader } from '../../src/aws/stack-events-source.js'
import { waitForEvaluation } from '../../src/compliance/evaluation-wait.js'
import { stackArn } from '../emulator/account-packs.js'
import { systemClock } from '../../src/shared/clock.js'
import {
  type EmulatedPack,
  type EmulatedResult,
  type EmulatedRule,
  type EmulatedStack,
  type FaultRule,
  type Scenario
} from '../emulator/config-emulator.js'
import { recordingLog } from '../support/doubles.js'
import { emulatorSession } from '../support/emulator-session.js'

/**
 * The evaluation wait over the wire: the real Config and CloudFormation clients speaking HTTP
 * to the emulator, whose rules are evaluated on its clock (ms from the pack's request).
 */

const bucket = (id: string, annotation?: string): EmulatedResult => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance: 'NON_COMPLIANT',
  ...(annotation ? { annotation } : {})
})
const ok = (id: string): EmulatedResult => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance: 'COMPLIANT'
})
/** Rules of a redeploy: created a day before the deployment. */
const DAY = 86_400_000

const session = emulatorSession()

/** The deployment was requested 3 s before the emulator started; `later(ms)`: ms from now. */
const REQUEST_LEAD_MS = 3_000
/** After a rule's default creation (2 s after the request), before the emulator started. */
const EARLY = 2_500
const later = (ms: number) => REQUEST_LEAD_MS + ms

async function evaluate(
  rules: readonly EmulatedRule[],
  options: {
    start?: boolean
    timeoutMs?: number
    stack?: EmulatedStack
    faults?: FaultRule[]
    scenario?: Partial<Scenario>
    before?: (url: string) => Promise<void>
  } = {}
) {
  const requestedAt = Date.now() - REQUEST_LEAD_MS
  const pack: EmulatedPack = {
    name: 'alpha',
    timeline: [{ state: 'CREATE_COMPLETE' }],
    requestedAt,
    rules,
    ...(options.stack ? { stack: options.stack } : {})
  }
  await session.start({ packs: [pack], faults: options.faults, ...options.scenario })
  const url = process.env.AWS_ENDPOINT_URL ?? ''
  await options.before?.(url)
  const client = createConfigClient('us-east-1', process.env)
  const log = recordingLog()
  try {
    const read = await waitForEvaluation(
      [{ name: 'alpha', requestedAt, stackArn: stackArn('alpha', 'us-east-1') }],
      {
        port: createRuleEvaluationSource(client),
        stackEvents: () => Promise.resolve(createStackEventReader(process.env)),
        startEvaluation: options.start ?? false,
        clock: systemClock,
        deadline: Date.now() + (options.timeoutMs ?? 5_000),
        signal: new AbortController().signal,
        log,
        minDelayMs: 20,
        maxDelayMs: 50
      }
    )
    const judged = read.packs[0]?.judgement.rules ?? []
    return { read, log, verdicts: Object.fromEntries(judged.map((r) => [r.name, r.verdict])) }
  } finally {
    client.destroy()
  }
}

const calls = (operation: string) =>
  (session.current?.requests ?? []).filter((r) => r.target.endsWith(`.${operation}`))

describe('the evaluation wait over the wire', () => {
  it('waits for a rule evaluated later, asking only about the rules not settled', async () => {
    const { read, verdicts } = await evaluate([
      { name: 'now', evaluations: [{ atMs: EARLY, results: [ok('a')] }] },
      { name: 'soon', evaluations: [{ atMs: later(300), results: [ok('b')] }] }
    ])
    expect(read.kind).toBe('done')
    expect(verdicts.now.kind).toBe('compliant')
    expect(verdicts.soon.kind).toBe('compliant')
    const asked = calls('DescribeConfigRuleEvaluationStatus').map((r) => r.body.ConfigRuleNames)
    expect(asked[0]).toEqual(['now', 'soon'])
    expect(asked.slice(1).every((names) => JSON.stringify(names) === '["soon"]')).toBe(true)
  })

  it('does not trust an evaluation from before the rule was created, and names it at the deadline', async () => {
    const { read, verdicts } = await evaluate(
      [
        {
          name: 'stale',
          activatedAtMs: 1_000,
          evaluations: [{ atMs: -60_000, results: [ok('a')] }]
        }
      ],
      { timeoutMs: 600 }
    )
    expect(read.kind).toBe('timeout')
    expect(verdicts.stale).toEqual({
      kind: 'unevaluated',
      after: { kind: 'created', at: expect.any(Number) as number }
    })
    expect(read.kind === 'timeout' && read.message).toMatch(
      /1 rule\(s\) not evaluated since the deployment: stale$/
    )
  })

  it('a redeploy: an unchanged rule counts with its old evaluation; a changed one needs a new one', async () => {
    const old = (name: string, extra: EmulatedEvaluationList = []): EmulatedRule => ({
      name,
      activatedAtMs: -DAY,
      evaluations: [{ atMs: -DAY + 1_000, results: [ok('a')] }, ...extra]
    })
    const { read, verdicts, log } = await evaluate(
      [old('unchanged'), old('changed', [{ atMs: later(300), results: [bucket('b')] }])],
      {
        stack: {
          events: [
            {
              offsetMs: 500,
              logicalId: 'Changed',
              physicalId: 'changed',
              type: 'AWS::Config::ConfigRule',
              status: 'UPDATE_IN_PROGRESS'
            },
            {
              offsetMs: 900,
              logicalId: 'Changed',
              physicalId: 'changed',
              type: 'AWS::Config::ConfigRule',
              status: 'UPDATE_COMPLETE'
            }
          ]
        }
      }
    )
    expect(read.kind).toBe('done')
    expect(verdicts.unchanged.kind).toBe('compliant')
    expect(verdicts.changed.kind).toBe('non-compliant')
    expect(calls('DescribeStackEvents')).toHaveLength(1)
    expect(log.lines.warning).toEqual([])
  })

  it('when the stack cannot be read, counts old evaluations and warns about in-place changes', async () => {
    const { read, log } = await evaluate(
      [
        {
          name: 'old',
          activatedAtMs: -DAY,
          evaluations: [{ atMs: -DAY + 1_000, results: [ok('a')] }]
        }
      ],
      { stack: { fault: 'access-denied' } }
    )
    expect(read.kind).toBe('done')
    expect(log.lines.warning.join('\n')).toMatch(
      /cloudformation:DescribeStackEvents.*rules changed in place by this deployment may still show results from before the change \(grant cloudformation:DescribeStackEvents, or use start-evaluation\): old$/
    )
  })

  it('tells a rule evaluated with nothing in scope from one failing to evaluate', async () => {
    const { read, verdicts } = await evaluate([
      { name: 'empty', evaluations: [{ atMs: EARLY, results: [] }] },
      {
        name: 'broken',
        evaluations: [{ atMs: EARLY, error: { code: 'AccessDenied', message: 'cannot read' } }]
      }
    ])
    expect(read.kind).toBe('done')
    expect(verdicts.empty.kind).toBe('nothing-in-scope')
    expect(verdicts.broken).toMatchObject({
      kind: 'evaluation-failed',
      error: { code: 'AccessDenied', message: 'cannot read' }
    })
  })

  it('takes a custom Lambda rule’s evaluation time from its results', async () => {
    const { read, verdicts } = await evaluate([
      {
        name: 'lambda',
        kind: 'custom-lambda',
        evaluations: [{ atMs: later(200), results: [ok('a')] }]
      }
    ])
    expect(read.kind).toBe('done')
    expect(verdicts.lambda.kind).toBe('compliant')
    // Read once, when its status shows an invocation since the rule's creation; not every round.
    expect(calls('GetConformancePackComplianceDetails')).toHaveLength(1)
    expect(calls('DescribeConfigRuleEvaluationStatus').length).toBeGreaterThan(1)
  })

  it('reads every non-compliant resource with its annotation, page by page, once', async () => {
    const resources = Array.from({ length: 5 }, (_, i) => bucket(`b${i}`, `public ${i}`))
    const { read } = await evaluate(
      [{ name: 'bad', evaluations: [{ atMs: EARLY, results: [...resources, ok('fine')] }] }],
      { scenario: { complianceDetailsPageSize: 2 } }
    )
    expect(read.packs[0].resources.get('bad')).toEqual({
      kind: 'complete',
      resources: resources.map(({ resourceType, resourceId, annotation }) => ({
        resourceType,
        resourceId,
        annotation
      }))
    })
    const filtered = calls('GetConformancePackComplianceDetails').filter(
      (r) => (r.body.Filters as { ComplianceType?: string }).ComplianceType === 'NON_COMPLIANT'
    )
    expect(filtered).toHaveLength(3)
  })

  it('asks about 30 rules in batches of 25, following the status pages', async () => {
    const rules = Array.from({ length: 30 }, (_, i): EmulatedRule => ({
      name: `r${String(i).padStart(2, '0')}`,
      evaluations: [{ atMs: EARLY, results: [ok('a')] }]
    }))
    const { read } = await evaluate(rules, { scenario: { ruleStatusPageSize: 10 } })
    expect(read.kind).toBe('done')
    const batches = calls('DescribeConfigRuleEvaluationStatus').map(
      (r) => (r.body.ConfigRuleNames as string[]).length
    )
    // Two batches read at once (25 names over three pages of 10, and 5): in any order.
    expect(batches.sort((a, b) => a - b)).toEqual([5, 25, 25, 25])
  })

  it('start-evaluation: starts a never-evaluated rule once and waits for its result', async () => {
    const { read, verdicts } = await evaluate(
      [
        { name: 'idle', onDemand: { durationMs: 300, results: [bucket('x')] } },
        { name: 'done', evaluations: [{ atMs: EARLY, results: [ok('a')] }] }
      ],
      { start: true }
    )
    expect(read.kind).toBe('done')
    expect(verdicts.idle.kind).toBe('non-compliant')
    expect(calls('StartConfigRulesEvaluation').map((r) => r.body.ConfigRuleNames)).toEqual([
      ['idle']
    ])
  })

  it('start-evaluation: an evaluation already running (the once-a-minute limit) is waited for', async () => {
    const { read, verdicts, log } = await evaluate(
      [{ name: 'idle', onDemand: { durationMs: 400, results: [ok('x')] } }],
      {
        start: true,
        before: async () => {
          const other = createConfigClient('us-east-1', process.env)
          await other.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: ['idle'] }))
          other.destroy()
        }
      }
    )
    expect(read.kind).toBe('done')
    expect(verdicts.idle.kind).toBe('compliant')
    expect(calls('StartConfigRulesEvaluation')).toHaveLength(2)
    expect(log.lines.info.join('\n')).toContain('already running; waiting for it')
  })

  it.each([
    ['DescribeConfigRuleEvaluationStatus', 'config:DescribeConfigRuleEvaluationStatus', false],
    ['GetConformancePackComplianceDetails', 'config:GetConformancePackComplianceDetails', false],
    ['StartConfigRulesEvaluation', 'config:StartConfigRulesEvaluation', true]
  ] as const)(
    'AccessDenied on %s ends with an error naming %s',
    async (operation, action, start) => {
      const { read } = await evaluate(
        [
          {
            name: 'bad',
            kind: 'custom-lambda',
            evaluations: [{ atMs: later(200), results: [bucket('x')] }]
          }
        ],
        {
          start,
          faults: [
            {
              operation,
              calls: 'all',
              response: {
                kind: 'error',
                status: 400,
                type: 'AccessDeniedException',
                message: 'denied'
              }
            }
          ]
        }
      )
      expect(read.kind).toBe('error')
      expect(read.kind === 'error' && read.message).toContain(
        `Grant the role the IAM action ${action}.`
      )
    }
  )

  it('retries a throttled status read and still settles', async () => {
    const { read } = await evaluate(
      [{ name: 'r', evaluations: [{ atMs: EARLY, results: [ok('a')] }] }],
      {
        faults: [
          {
            operation: 'DescribeConfigRuleEvaluationStatus',
            calls: [1, 2],
            response: { kind: 'error', status: 400, type: 'ThrottlingException' }
          }
        ]
      }
    )
    expect(read.kind).toBe('done')
    expect(calls('DescribeConfigRuleEvaluationStatus')).toHaveLength(3)
  })
})

type EmulatedEvaluationList = NonNullable<EmulatedRule['evaluations']>
