import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DescribeConfigRuleEvaluationStatusCommand,
  GetConformancePackComplianceDetailsCommand,
  StartConfigRulesEvaluationCommand,
  type ConfigServiceClient,
  type GetConformancePackComplianceDetailsCommandInput
} from '@aws-sdk/client-config-service'
import { createConfigClient } from '../../src/aws/client.js'
import {
  readNonCompliantResources,
  readPackRules,
  readResultTimes,
  readStatuses,
  type RuleEvaluationSource
} from '../../src/compliance/rule-evaluation-reads.js'
import { createRuleEvaluationSource } from '../../src/aws/rule-evaluation-source.js'
import {
  ConfigEmulator,
  type EmulatedPack,
  type EmulatedResult,
  type EmulatedRule,
  type Scenario
} from '../emulator/config-emulator.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'

/** The pack's LastUpdateRequestedTime, fixed so that scripted times are exact on the wire. */
const REQUESTED = Date.parse('2026-11-20T10:00:00Z')
const at = (ms: number): number => REQUESTED + ms

const pack = (rules: readonly EmulatedRule[], name = 'alpha'): EmulatedPack => ({
  name,
  timeline: [{ state: 'CREATE_COMPLETE' }],
  requestedAt: REQUESTED,
  rules
})
const bucket = (id: string, annotation?: string): EmulatedResult => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance: 'NON_COMPLIANT',
  ...(annotation ? { annotation } : {})
})
const compliantBucket = (id: string): EmulatedResult => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance: 'COMPLIANT'
})
const signalFor = () => AbortSignal.timeout(5_000)

let emulator: ConfigEmulator | undefined
let client: ConfigServiceClient | undefined
beforeEach(() => {
  for (const [k, v] of Object.entries({ ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '1' }))
    vi.stubEnv(k, v)
})
afterEach(async () => {
  client?.destroy()
  client = undefined
  vi.unstubAllEnvs()
  await emulator?.stop()
  emulator = undefined
})

/** The real SDK client over HTTP to the emulator. */
async function start(scenario: Scenario): Promise<RuleEvaluationSource> {
  emulator = new ConfigEmulator(scenario)
  vi.stubEnv('AWS_ENDPOINT_URL', await emulator.start())
  client = createConfigClient('us-east-1', process.env)
  return createRuleEvaluationSource(client)
}

const bodiesOf = (operation: string): Record<string, unknown>[] =>
  (emulator?.requests ?? [])
    .filter((r) => r.target === `StarlingDoveService.${operation}`)
    .map((r) => r.body)

/** Every kind of rule the emulator scripts, in one pack. */
const KINDS: readonly EmulatedRule[] = [
  { name: 'unevaluated' },
  {
    name: 'evaluated',
    activatedAtMs: 1_000,
    evaluations: [{ atMs: 20_000, results: [compliantBucket('logs')] }]
  },
  {
    name: 'stale',
    activatedAtMs: -86_400_000,
    evaluations: [{ atMs: -3_600_000, results: [bucket('old', 'Public read')] }]
  },
  { name: 'empty', evaluations: [{ atMs: 30_000, results: [] }] },
  {
    name: 'failing',
    evaluations: [
      { atMs: 25_000, error: { code: 'InternalError', message: 'Evaluation timed out' } }
    ]
  },
  {
    name: 'lambda',
    kind: 'custom-lambda',
    evaluations: [{ atMs: 40_000, results: [bucket('b1'), bucket('b2')] }]
  }
]

describe('reading rule evaluations over the wire (real Config client → emulator)', () => {
  it("lists a pack's rules with the compliance their latest evaluation gives", async () => {
    const source = await start({ packs: [pack(KINDS)] })
    expect(await readPackRules(source, 'alpha', signalFor)).toEqual([
      { name: 'unevaluated', compliance: 'INSUFFICIENT_DATA' },
      { name: 'evaluated', compliance: 'COMPLIANT' },
      { name: 'stale', compliance: 'NON_COMPLIANT' },
      { name: 'empty', compliance: 'INSUFFICIENT_DATA' },
      { name: 'failing', compliance: 'INSUFFICIENT_DATA' },
      { name: 'lambda', compliance: 'NON_COMPLIANT' }
    ])
    expect(bodiesOf('DescribeConformancePackCompliance')).toEqual([
      { ConformancePackName: 'alpha', Limit: 1000 }
    ])
  })

  it('pages through the rules of a pack', async () => {
    const rules = Array.from({ length: 5 }, (_, i) => ({ name: `r${i}` }))
    const source = await start({ packs: [pack(rules)], complianceRulesPageSize: 2 })
    const read = await readPackRules(source, 'alpha', signalFor)
    expect(read.map((r) => r.name)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4'])
    const pages = bodiesOf('DescribeConformancePackCompliance')
    expect(pages).toHaveLength(3)
    expect(pages[1].NextToken).toEqual(expect.any(String))
  })

  it('reads each kind of rule’s evaluation status with the fields AWS reports for it', async () => {
    const source = await start({ packs: [pack(KINDS)] })
    const statuses = await readStatuses(
      source,
      KINDS.map((r) => r.name),
      signalFor
    )
    expect(Object.fromEntries(statuses)).toEqual({
      unevaluated: {
        name: 'unevaluated',
        firstActivatedAt: at(2_000),
        firstEvaluationStarted: false
      },
      evaluated: {
        name: 'evaluated',
        firstActivatedAt: at(1_000),
        firstEvaluationStarted: true,
        lastSuccessfulInvocationAt: at(20_000),
        lastSuccessfulEvaluationAt: at(20_000)
      },
      stale: {
        name: 'stale',
        firstActivatedAt: at(-86_400_000),
        firstEvaluationStarted: true,
        lastSuccessfulInvocationAt: at(-3_600_000),
        lastSuccessfulEvaluationAt: at(-3_600_000)
      },
      empty: {
        name: 'empty',
        firstActivatedAt: at(2_000),
        firstEvaluationStarted: true,
        lastSuccessfulInvocationAt: at(30_000),
        lastSuccessfulEvaluationAt: at(30_000)
      },
      failing: {
        name: 'failing',
        firstActivatedAt: at(2_000),
        firstEvaluationStarted: true,
        lastFailedInvocationAt: at(25_000),
        lastFailedEvaluationAt: at(25_000),
        lastErrorCode: 'InternalError',
        lastErrorMessage: 'Evaluation timed out'
      },
      // A custom Lambda rule's status has invocation times only.
      lambda: {
        name: 'lambda',
        firstActivatedAt: at(2_000),
        lastSuccessfulInvocationAt: at(40_000)
      }
    })
    expect(bodiesOf('DescribeConfigRuleEvaluationStatus')).toEqual([
      { ConfigRuleNames: KINDS.map((r) => r.name), Limit: 50 }
    ])
  })

  it('shows an evaluation scripted for later only once its time has come', async () => {
    const later: EmulatedRule = {
      name: 'later',
      activatedAtMs: 0,
      evaluations: [{ atMs: 600, results: [compliantBucket('x')] }]
    }
    const source = await start({ packs: [{ ...pack([later]), requestedAt: Date.now() }] })
    const first = await readStatuses(source, ['later'], signalFor)
    expect(first.get('later')).toMatchObject({ firstEvaluationStarted: false })
    expect(first.get('later')?.lastSuccessfulEvaluationAt).toBeUndefined()
    await vi.waitFor(
      async () => {
        const now = await readStatuses(source, ['later'], signalFor)
        expect(now.get('later')?.lastSuccessfulEvaluationAt).toEqual(expect.any(Number))
      },
      { timeout: 3_000, interval: 100 }
    )
  })

  it('asks for 25 rule names a call and reads every page of each batch', async () => {
    const rules = Array.from({ length: 30 }, (_, i) => ({ name: `rule-${i}` }))
    const source = await start({ packs: [pack(rules)], ruleStatusPageSize: 10 })
    const statuses = await readStatuses(
      source,
      rules.map((r) => r.name),
      signalFor
    )
    expect([...statuses.keys()]).toEqual(rules.map((r) => r.name))
    const calls = bodiesOf('DescribeConfigRuleEvaluationStatus')
    expect(calls.map((c) => (c.ConfigRuleNames as string[]).length)).toEqual([25, 25, 25, 5])
    expect(calls.map((c) => c.NextToken !== undefined)).toEqual([false, true, true, false])
  })

  it('rejects a status read naming an unknown rule with NoSuchConfigRuleException', async () => {
    const source = await start({ packs: [pack(KINDS)] })
    await expect(source.statuses(['evaluated', 'gone'], undefined, signalFor())).rejects.toThrow(
      expect.objectContaining({
        name: 'NoSuchConfigRuleException',
        message: expect.stringMatching(/'gone'/) as string
      })
    )
  })

  it('never sends a status read without names (that would list every rule of the account)', async () => {
    const source = await start({ packs: [pack(KINDS)] })
    await expect(source.statuses([], undefined, signalFor())).rejects.toThrow(RangeError)
    expect(emulator?.callsOf('DescribeConfigRuleEvaluationStatus')).toBe(0)
  })

  it('aborts a stalled status read with its own signal', async () => {
    const source = await start({
      packs: [pack(KINDS)],
      faults: [
        {
          operation: 'DescribeConfigRuleEvaluationStatus',
          calls: 'all',
          response: { kind: 'stall' }
        }
      ]
    })
    await expect(
      source.statuses(['evaluated'], undefined, AbortSignal.timeout(200))
    ).rejects.toMatchObject({
      name: 'AbortError'
    })
  })

  it("reads the results' newest times for rules whose status says nothing, 10 rules a call", async () => {
    const rules: EmulatedRule[] = [
      ...KINDS,
      {
        name: 'out-of-scope',
        kind: 'custom-lambda',
        evaluations: [
          {
            atMs: 50_000,
            results: [
              {
                resourceType: 'AWS::EC2::Volume',
                resourceId: 'vol-1',
                compliance: 'NOT_APPLICABLE'
              }
            ]
          }
        ]
      },
      ...Array.from({ length: 8 }, (_, i) => ({ name: `extra-${i}` }))
    ]
    const source = await start({ packs: [pack(rules)] })
    const names = ['lambda', 'out-of-scope', 'unevaluated', ...rules.slice(-8).map((r) => r.name)]
    const times = await readResultTimes(source, 'alpha', names, signalFor)
    expect(times.get('lambda')).toEqual({
      results: 2,
      latestInvokedAt: at(40_000),
      latestRecordedAt: at(40_500)
    })
    expect(times.get('out-of-scope')).toEqual({
      results: 1,
      latestInvokedAt: at(50_000),
      latestRecordedAt: at(50_500)
    })
    expect(times.get('unevaluated')).toEqual({ results: 0 })
    expect(bodiesOf('GetConformancePackComplianceDetails').map((b) => b.Filters)).toEqual([
      { ConfigRuleNames: names.slice(0, 10) },
      { ConfigRuleNames: names.slice(10) }
    ])
  })

  it('reads every non-compliant resource of a rule with its annotation, over every page', async () => {
    const resources = Array.from({ length: 5 }, (_, i) =>
      bucket(`bucket-${i}`, `Bucket ${i} is public`)
    )
    const rule: EmulatedRule = {
      name: 's3-public-read',
      evaluations: [{ atMs: 10_000, results: [compliantBucket('fine'), ...resources] }]
    }
    const source = await start({ packs: [pack([rule])], complianceDetailsPageSize: 2 })
    const read = await readNonCompliantResources(source, 'alpha', 's3-public-read', signalFor)
    expect(read).toEqual({
      kind: 'complete',
      resources: resources.map((r) => ({
        resourceType: 'AWS::S3::Bucket',
        resourceId: r.resourceId,
        annotation: r.annotation
      }))
    })
    const calls = bodiesOf('GetConformancePackComplianceDetails')
    expect(calls).toHaveLength(3)
    expect(calls[0]).toEqual({
      ConformancePackName: 'alpha',
      Filters: { ConfigRuleNames: ['s3-public-read'], ComplianceType: 'NON_COMPLIANT' },
      Limit: 100
    })
  })

  it('stops at the page cap and says the list is incomplete', async () => {
    const rule: EmulatedRule = {
      name: 'many',
      evaluations: [{ atMs: 10_000, results: Array.from({ length: 7 }, (_, i) => bucket(`b${i}`)) }]
    }
    const source = await start({ packs: [pack([rule])], complianceDetailsPageSize: 2 })
    const read = await readNonCompliantResources(source, 'alpha', 'many', signalFor, 2)
    expect(read.kind).toBe('capped')
    expect(read.resources.map((r) => r.resourceId)).toEqual(['b0', 'b1', 'b2', 'b3'])
    expect(emulator?.callsOf('GetConformancePackComplianceDetails')).toBe(2)
  })
})

describe('StartConfigRulesEvaluation over the wire', () => {
  const onDemand: EmulatedRule = {
    name: 'iam-password-policy',
    activatedAtMs: -86_400_000,
    evaluations: [{ atMs: -3_600_000, results: [compliantBucket('old')] }],
    onDemand: { durationMs: 10_000, results: [bucket('acct', 'Password policy too weak')] }
  }

  it('starts an evaluation that completes after its scripted delay, at most once a minute', async () => {
    // 1 ms of real time is 100 ms of emulator time: the evaluation takes 0.1 s, a minute 0.6 s.
    const source = await start({ packs: [pack([onDemand])], timeScale: 100 })
    const previous = at(-3_600_000)
    const evaluatedAt = async () =>
      (await readStatuses(source, ['iam-password-policy'], signalFor)).get('iam-password-policy')
        ?.lastSuccessfulEvaluationAt

    const first = await source.startEvaluation(['iam-password-policy'], signalFor())
    expect(first).toEqual({ kind: 'started' })
    // Running: a second start is refused, and the status still shows the previous evaluation.
    const refused = await source.startEvaluation(['iam-password-policy'], signalFor())
    expect(refused.kind).toBe('already-running')
    expect(refused.kind === 'already-running' && refused.message).toMatch(/less than a minute/)
    expect(await evaluatedAt()).toBe(previous)

    await vi.waitFor(async () => expect(await evaluatedAt()).toBeGreaterThan(previous), {
      timeout: 3_000,
      interval: 10
    })
    const rules = await readPackRules(source, 'alpha', signalFor)
    expect(rules).toEqual([{ name: 'iam-password-policy', compliance: 'NON_COMPLIANT' }])
    const resources = await readNonCompliantResources(
      source,
      'alpha',
      'iam-password-policy',
      signalFor
    )
    expect(resources.resources).toEqual([
      {
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'acct',
        annotation: 'Password policy too weak'
      }
    ])
    // Done, but started less than a minute ago: still refused.
    expect((await source.startEvaluation(['iam-password-policy'], signalFor())).kind).toBe(
      'already-running'
    )

    const firstOnDemand = await evaluatedAt()
    await vi.waitFor(
      async () =>
        expect(await source.startEvaluation(['iam-password-policy'], signalFor())).toEqual({
          kind: 'started'
        }),
      { timeout: 3_000, interval: 50 }
    )
    // The first evaluation on demand stays the latest until the second is done.
    expect(await evaluatedAt()).toBe(firstOnDemand)
    await vi.waitFor(async () => expect(await evaluatedAt()).toBeGreaterThan(firstOnDemand!), {
      timeout: 3_000,
      interval: 10
    })
  })

  it('rejects a start naming an unknown rule with NoSuchConfigRuleException', async () => {
    const source = await start({ packs: [pack([onDemand])] })
    await expect(source.startEvaluation(['nope'], signalFor())).rejects.toMatchObject({
      name: 'NoSuchConfigRuleException'
    })
  })
})

describe('the emulator validates rule evaluation requests as AWS Config does', () => {
  const rule: EmulatedRule = {
    name: 'mixed',
    evaluations: [
      {
        atMs: 1_000,
        results: [
          bucket('b1', 'Public'),
          compliantBucket('b2'),
          { resourceType: 'AWS::EC2::Volume', resourceId: 'vol-1', compliance: 'NON_COMPLIANT' }
        ]
      }
    ]
  }
  const details = (input: GetConformancePackComplianceDetailsCommandInput) =>
    client!.send(new GetConformancePackComplianceDetailsCommand(input))
  const ids = (out: { ConformancePackRuleEvaluationResults?: unknown[] }) =>
    (out.ConformancePackRuleEvaluationResults ?? []).map(
      (r) =>
        (r as { EvaluationResultIdentifier: { EvaluationResultQualifier: { ResourceId: string } } })
          .EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId
    )

  it('filters results by resource type and ids, and by compliance', async () => {
    await start({ packs: [pack([rule])] })
    expect(ids(await details({ ConformancePackName: 'alpha' }))).toEqual(['b1', 'b2', 'vol-1'])
    expect(
      ids(
        await details({
          ConformancePackName: 'alpha',
          Filters: { ResourceType: 'AWS::S3::Bucket' }
        })
      )
    ).toEqual(['b1', 'b2'])
    expect(
      ids(
        await details({
          ConformancePackName: 'alpha',
          Filters: { ResourceType: 'AWS::S3::Bucket', ResourceIds: ['b2'] }
        })
      )
    ).toEqual(['b2'])
    expect(
      ids(
        await details({
          ConformancePackName: 'alpha',
          Filters: { ComplianceType: 'NON_COMPLIANT' }
        })
      )
    ).toEqual(['b1', 'vol-1'])
  })

  it('rejects resource ids without a resource type, more than 10 rule names, an unknown rule or pack', async () => {
    await start({ packs: [pack([rule])] })
    await expect(
      details({ ConformancePackName: 'alpha', Filters: { ResourceIds: ['b1'] } })
    ).rejects.toThrow(expect.objectContaining({ name: 'InvalidParameterValueException' }))
    await expect(
      details({
        ConformancePackName: 'alpha',
        Filters: { ConfigRuleNames: Array.from({ length: 11 }, (_, i) => `r${i}`) }
      })
    ).rejects.toThrow(expect.objectContaining({ name: 'ValidationException' }))
    await expect(
      details({ ConformancePackName: 'alpha', Filters: { ConfigRuleNames: ['nope'] } })
    ).rejects.toThrow(
      expect.objectContaining({ name: 'NoSuchConfigRuleInConformancePackException' })
    )
    await expect(details({ ConformancePackName: 'beta' })).rejects.toThrow(
      expect.objectContaining({ name: 'NoSuchConformancePackException' })
    )
    await expect(details({ ConformancePackName: 'alpha', Limit: 101 })).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidLimitException' })
    )
  })

  it('rejects more than 25 names in a status read, and none or more than 25 in a start', async () => {
    await start({ packs: [pack([rule])] })
    const names = Array.from({ length: 26 }, (_, i) => `r${i}`)
    await expect(
      client!.send(new DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: names }))
    ).rejects.toThrow(expect.objectContaining({ name: 'ValidationException' }))
    await expect(
      client!.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: names }))
    ).rejects.toThrow(expect.objectContaining({ name: 'ValidationException' }))
    await expect(
      client!.send(new StartConfigRulesEvaluationCommand({ ConfigRuleNames: [] }))
    ).rejects.toThrow(expect.objectContaining({ name: 'ValidationException' }))
  })

  it('does not know a rule before it is activated', async () => {
    const source = await start({
      packs: [{ ...pack([{ name: 'soon', activatedAtMs: 60_000 }]), requestedAt: Date.now() }]
    })
    await expect(source.statuses(['soon'], undefined, signalFor())).rejects.toThrow(
      expect.objectContaining({ name: 'NoSuchConfigRuleException' })
    )
  })
})
