import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createConfigClient } from '../../src/aws/client.js'
import { systemClock } from '../../src/shared/clock.js'
import { createStatusSource } from '../../src/aws/account-status-source.js'
import { explainFailures } from '../../src/wait/explain-failures.js'
import { silentLog } from '../../src/shared/log.js'
import { found } from '../../src/packs/pack-state.js'
import { createStackEventReader } from '../../src/aws/stack-events-source.js'
import { ConfigEmulator, type EmulatedStack, type Scenario } from '../emulator/config-emulator.js'
import { failedDeployment } from '../emulator/stack-histories.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'

const CAUSE = {
  logicalId: 'AccessKeysRotated',
  reason: 'Rule access-keys-rotated already exists in this account'
}

let emulator: ConfigEmulator
beforeEach(() => {
  for (const [k, v] of Object.entries({ ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '1' }))
    vi.stubEnv(k, v)
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await emulator.stop()
})

/** A failed pack read from Config, then explained from CloudFormation: both over HTTP. */
async function explainPack(stack: EmulatedStack, extra: Partial<Scenario> = {}) {
  emulator = new ConfigEmulator({
    packs: [
      {
        name: 'beta',
        timeline: [{ state: 'CREATE_FAILED', reason: 'Conformance pack creation failed' }],
        stack
      }
    ],
    ...extra
  })
  vi.stubEnv('AWS_ENDPOINT_URL', await emulator.start())
  const client = createConfigClient('us-east-1', process.env)
  const [reported] = await createStatusSource(client).describe(['beta'], () =>
    AbortSignal.timeout(5_000)
  )
  client.destroy()
  const reader = createStackEventReader(process.env)
  try {
    const explanations = await explainFailures([found(reported)], {
      events: reader,
      clock: systemClock,
      deadline: Date.now() + 5_000,
      signal: new AbortController().signal,
      log: silentLog
    })
    return explanations.get('beta')
  } finally {
    reader.close()
  }
}

describe('explaining a failed pack over the wire (real CloudFormation client → emulator, awsQuery)', () => {
  it('finds the root cause first, then the cascade, and none of the earlier deployment', async () => {
    const explanation = await explainPack({ events: failedDeployment(CAUSE) })
    expect(explanation).toEqual({
      kind: 'explained',
      resources: [
        {
          logicalId: 'AccessKeysRotated',
          type: 'AWS::Config::ConfigRule',
          status: 'CREATE_FAILED',
          reason: CAUSE.reason
        },
        {
          logicalId: 'IamPasswordPolicy',
          type: 'AWS::Config::ConfigRule',
          status: 'CREATE_FAILED',
          reason: 'Resource creation cancelled'
        },
        {
          logicalId: 'RootAccountMfa',
          type: 'AWS::Config::ConfigRule',
          status: 'CREATE_FAILED',
          reason: 'Resource creation cancelled'
        }
      ]
    })
    const call = emulator.requests.find((r) => r.target === 'CloudFormation.DescribeStackEvents')
    expect(call?.body.StackName).toMatch(
      /^arn:aws:cloudformation:us-east-1:123456789012:stack\/awsconfigconforms-beta-/
    )
    expect(call?.region).toBe('us-east-1')
  })

  it('pages through the events, stopping at the earlier deployment', async () => {
    const explanation = await explainPack(
      { events: failedDeployment(CAUSE) },
      { stackEventsPageSize: 3 }
    )
    expect(
      explanation?.kind === 'explained' && explanation.resources.map((r) => r.logicalId)
    ).toEqual(['AccessKeysRotated', 'IamPasswordPolicy', 'RootAccountMfa'])
    // 12 events, 3 a page, newest first: the third page reaches the earlier deployment.
    expect(emulator.stackEventCalls).toBe(3)
  })

  it('reports a stack the role may not read, naming cloudformation:DescribeStackEvents', async () => {
    const explanation = await explainPack({ fault: 'access-denied' })
    expect(explanation?.kind).toBe('unavailable')
    expect(explanation?.kind === 'unavailable' && explanation.why).toMatch(
      /^Access denied to cloudformation:DescribeStackEvents \(AccessDenied\)\. AWS said: ".*"\. Grant the role the IAM action cloudformation:DescribeStackEvents\.$/
    )
  })

  it('reports a deleted stack', async () => {
    expect(await explainPack({ fault: 'deleted' })).toEqual({
      kind: 'unavailable',
      why: 'the stack no longer exists'
    })
  })
})
