import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createConfigClient } from '../../src/aws/client.js'
import { systemClock } from '../../src/shared/clock.js'
import { readCompliance, type ComplianceDeps } from '../../src/compliance/read-compliance.js'
import { createComplianceSource } from '../../src/aws/compliance-source.js'
import { ConfigEmulator, type EmulatedPack, type Scenario } from '../emulator/config-emulator.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'

type Status = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA'

const complete = (name: string, compliance?: EmulatedPack['compliance']): EmulatedPack => ({
  name,
  timeline: [{ state: 'CREATE_COMPLETE' }],
  compliance
})
const rule = (name: string, compliance: Status = 'NON_COMPLIANT') => ({ name, compliance })

let emulator: ConfigEmulator | undefined
beforeEach(() => {
  for (const [k, v] of Object.entries({ ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '1' }))
    vi.stubEnv(k, v)
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await emulator?.stop()
  emulator = undefined
})

async function start(scenario: Scenario) {
  emulator = new ConfigEmulator(scenario)
  vi.stubEnv('AWS_ENDPOINT_URL', await emulator.start())
  const client = createConfigClient('us-east-1', process.env)
  return { emulator, client, source: createComplianceSource(client) }
}

/** The real SDK client over HTTP to the emulator, read by the real loop with short pauses. */
async function readOverWire(
  scenario: Scenario,
  names: readonly string[] = scenario.packs.map((p) => p.name),
  deps: Partial<ComplianceDeps> = {}
) {
  const { emulator, client, source } = await start(scenario)
  const warnings: string[] = []
  try {
    const read = await readCompliance(names, {
      source,
      clock: systemClock,
      deadline: Date.now() + 5_000,
      signal: new AbortController().signal,
      minDelayMs: 20,
      maxDelayMs: 80,
      log: { info: () => undefined, warning: (m) => warnings.push(m), debug: () => undefined },
      ...deps
    })
    return { read, emulator, warnings }
  } finally {
    client.destroy()
  }
}

const bodiesOf = (operation: string): Record<string, unknown>[] =>
  (emulator?.requests ?? [])
    .filter((r) => r.target === `StarlingDoveService.${operation}`)
    .map((r) => r.body)

describe('reading compliance over the wire (real Config client → emulator, awsJson1_1)', () => {
  it('reads compliant, non-compliant and insufficient packs in two summary batches', async () => {
    const { read } = await readOverWire({
      packs: [
        complete('alpha', { status: 'COMPLIANT' }),
        complete('beta', {
          status: 'NON_COMPLIANT',
          rules: [rule('root-mfa'), rule('s3-public-read', 'COMPLIANT'), rule('iam-password')]
        }),
        complete('gamma'),
        complete('delta', { status: 'INSUFFICIENT_DATA' }),
        complete('epsilon', { status: 'COMPLIANT' }),
        { ...complete('zeta', { status: 'COMPLIANT' }), timeline: [{ state: 'CREATE_FAILED' }] },
        complete('eta', { status: 'NON_COMPLIANT', rules: [rule('cloudtrail-enabled')] })
      ]
    })
    expect(read).toEqual({
      kind: 'done',
      packs: [
        { name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] },
        {
          name: 'beta',
          compliance: 'NON_COMPLIANT',
          nonCompliantRules: ['root-mfa', 'iam-password']
        },
        { name: 'gamma', compliance: 'INSUFFICIENT_DATA', nonCompliantRules: [] },
        { name: 'delta', compliance: 'INSUFFICIENT_DATA', nonCompliantRules: [] },
        { name: 'epsilon', compliance: 'COMPLIANT', nonCompliantRules: [] },
        // Not CREATE_COMPLETE: the service has no evaluations for it.
        { name: 'zeta', compliance: 'INSUFFICIENT_DATA', nonCompliantRules: [] },
        { name: 'eta', compliance: 'NON_COMPLIANT', nonCompliantRules: ['cloudtrail-enabled'] }
      ]
    })
    expect(bodiesOf('GetConformancePackComplianceSummary')).toEqual([
      { ConformancePackNames: ['alpha', 'beta', 'gamma', 'delta', 'epsilon'] },
      { ConformancePackNames: ['zeta', 'eta'] }
    ])
    expect(bodiesOf('DescribeConformancePackCompliance')).toEqual([
      { ConformancePackName: 'beta', Filters: { ComplianceType: 'NON_COMPLIANT' }, Limit: 1000 },
      { ConformancePackName: 'eta', Filters: { ComplianceType: 'NON_COMPLIANT' }, Limit: 1000 }
    ])
  })

  it('pages through the non-compliant rules', async () => {
    const failing = ['r1', 'r2', 'r3', 'r4', 'r5']
    const { read } = await readOverWire({
      packs: [
        complete('beta', {
          status: 'NON_COMPLIANT',
          rules: [
            rule('ok1', 'COMPLIANT'),
            ...failing.map((r) => rule(r)),
            rule('ok2', 'COMPLIANT')
          ]
        })
      ],
      complianceRulesPageSize: 2
    })
    expect(read).toEqual({
      kind: 'done',
      packs: [{ name: 'beta', compliance: 'NON_COMPLIANT', nonCompliantRules: failing }]
    })
    const pages = bodiesOf('DescribeConformancePackCompliance')
    expect(pages).toHaveLength(3)
    expect(pages[0].NextToken).toBeUndefined()
    expect(pages[1].NextToken).toEqual(expect.any(String))
  })

  it('retries a throttled summary call within the deadline', async () => {
    const { read, warnings } = await readOverWire({
      packs: [complete('alpha', { status: 'COMPLIANT' })],
      faults: [
        {
          operation: 'GetConformancePackComplianceSummary',
          calls: [1],
          response: {
            kind: 'error',
            status: 400,
            type: 'ThrottlingException',
            message: 'Rate exceeded'
          }
        }
      ]
    })
    expect(read).toEqual({
      kind: 'done',
      packs: [{ name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] }]
    })
    expect(emulator?.callsOf('GetConformancePackComplianceSummary')).toBe(2)
    expect(warnings).toEqual([
      expect.stringMatching(/throttled \(ThrottlingException\): Rate exceeded/)
    ])
  })

  it('retries a request that stalls, bounded by its own timeout', async () => {
    const { read } = await readOverWire(
      {
        packs: [complete('alpha', { status: 'COMPLIANT' })],
        faults: [
          {
            operation: 'GetConformancePackComplianceSummary',
            calls: [1],
            response: { kind: 'stall' }
          }
        ]
      },
      undefined,
      { requestTimeoutMs: 200 }
    )
    expect(read.kind).toBe('done')
    expect(emulator?.callsOf('GetConformancePackComplianceSummary')).toBe(2)
  })

  it('times out with the packs read so far when throttling outlasts the deadline', async () => {
    const { read } = await readOverWire(
      {
        packs: [
          complete('alpha', { status: 'COMPLIANT' }),
          complete('beta', { status: 'NON_COMPLIANT', rules: [rule('root-mfa')] })
        ],
        faults: [
          {
            operation: 'DescribeConformancePackCompliance',
            calls: 'all',
            response: { kind: 'error', status: 400, type: 'ThrottlingException' }
          }
        ]
      },
      undefined,
      { deadline: Date.now() + 3_000 }
    )
    expect(read).toMatchObject({
      kind: 'timeout',
      packs: [{ name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] }]
    })
    expect(read.kind === 'timeout' && read.message).toMatch(/1 of 2 read .*ThrottlingException/)
  })

  it('ends with an error naming config:GetConformancePackComplianceSummary when it is denied', async () => {
    const { read, emulator } = await readOverWire({
      packs: [complete('beta', { status: 'COMPLIANT' })],
      faults: [
        {
          operation: 'GetConformancePackComplianceSummary',
          calls: 'all',
          response: { kind: 'error', status: 400, type: 'AccessDeniedException', message: 'no' }
        }
      ]
    })
    expect(read.kind === 'error' && read.message).toBe(
      'GetConformancePackComplianceSummary failed: Access denied to config:GetConformancePackComplianceSummary (AccessDeniedException). AWS said: "no". Grant the role the IAM action config:GetConformancePackComplianceSummary.'
    )
    expect(emulator.callsOf('GetConformancePackComplianceSummary')).toBe(1)
  })

  it('ends with an error naming config:DescribeConformancePackCompliance when it is denied', async () => {
    const { read } = await readOverWire({
      packs: [complete('beta', { status: 'NON_COMPLIANT', rules: [rule('root-mfa')] })],
      faults: [
        {
          operation: 'DescribeConformancePackCompliance',
          calls: 'all',
          response: {
            kind: 'error',
            status: 400,
            type: 'AccessDeniedException',
            message:
              'User: arn:aws:sts::123456789012:assumed-role/ci/session is not authorized to perform: config:DescribeConformancePackCompliance'
          }
        }
      ]
    })
    expect(read.kind).toBe('error')
    expect(read.kind === 'error' && read.message).toMatch(
      /^DescribeConformancePackCompliance failed: Access denied to config:DescribeConformancePackCompliance \(AccessDeniedException\)\. AWS said: "User: .* is not authorized to perform: config:DescribeConformancePackCompliance"\. Grant the role the IAM action config:DescribeConformancePackCompliance\.$/
    )
    expect(emulator?.callsOf('DescribeConformancePackCompliance')).toBe(1)
  })

  it('leaves out a pack deleted since the wait, and reads the rest of its batch', async () => {
    const { read, warnings } = await readOverWire(
      {
        packs: [
          complete('alpha', { status: 'COMPLIANT' }),
          {
            name: 'gone',
            timeline: [{ state: 'CREATE_COMPLETE' }, { state: 'ABSENT', atCall: 2 }]
          },
          complete('gamma', { status: 'INSUFFICIENT_DATA' })
        ]
      },
      ['alpha', 'gone', 'gamma']
    )
    expect(read).toEqual({
      kind: 'done',
      packs: [
        { name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] },
        { name: 'gamma', compliance: 'INSUFFICIENT_DATA', nonCompliantRules: [] }
      ]
    })
    expect(warnings).toEqual([expect.stringContaining('gone no longer exists')])
  })
})

describe('the emulator validates compliance requests as AWS Config does', () => {
  it('rejects more than 5 names in a summary call', async () => {
    const { source, client } = await start({ packs: [complete('alpha')] })
    try {
      await expect(
        source.summaries(['a', 'b', 'c', 'd', 'e', 'f'], undefined, AbortSignal.timeout(5_000))
      ).rejects.toMatchObject({ name: 'ValidationException' })
    } finally {
      client.destroy()
    }
  })

  it('rejects a rules read for an unknown pack with NoSuchConformancePackException', async () => {
    const { source, client } = await start({ packs: [complete('alpha')] })
    try {
      await expect(
        source.nonCompliantRules('nope', undefined, AbortSignal.timeout(5_000))
      ).rejects.toMatchObject({ name: 'NoSuchConformancePackException' })
    } finally {
      client.destroy()
    }
  })
})
