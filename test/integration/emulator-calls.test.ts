import {
  ConfigServiceClient,
  DescribeConfigRuleEvaluationStatusCommand,
  DescribeConformancePackStatusCommand,
  DescribeOrganizationConformancePackStatusesCommand
} from '@aws-sdk/client-config-service'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigEmulator, type Scenario } from '../emulator/config-emulator.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'

const THROTTLED = { kind: 'error', status: 400, type: 'ThrottlingException' } as const

let emulator: ConfigEmulator | undefined
afterEach(() => emulator?.stop())

async function clients(scenario: Scenario): Promise<(region: string) => ConfigServiceClient> {
  emulator = new ConfigEmulator(scenario)
  const endpoint = await emulator.start()
  return (region) =>
    new ConfigServiceClient({
      region,
      endpoint,
      maxAttempts: 1,
      credentials: {
        accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
        secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY
      }
    })
}

/** 'ok' or the error name of one DescribeConformancePackStatus call. */
async function describe1(client: ConfigServiceClient): Promise<string> {
  try {
    await client.send(new DescribeConformancePackStatusCommand({}))
    return 'ok'
  } catch (error) {
    return (error as Error).name
  }
}

describe('the emulator over the wire', () => {
  it("numbers a region's faulted calls among that region's calls alone", async () => {
    const client = await clients({
      packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }],
      faults: [{ calls: [1, 2], region: 'eu-west-1', response: THROTTLED }]
    })
    const us = client('us-east-1')
    const eu = client('eu-west-1')
    // us-east-1 goes first and often: the fault still answers eu-west-1's first two calls.
    const answers = [
      await describe1(us),
      await describe1(us),
      await describe1(us),
      await describe1(eu),
      await describe1(us),
      await describe1(eu),
      await describe1(eu)
    ]
    expect(answers).toEqual([
      'ok',
      'ok',
      'ok',
      'ThrottlingException',
      'ok',
      'ThrottlingException',
      'ok'
    ])
  })

  it('without a region, numbers the calls of every region together', async () => {
    const client = await clients({
      packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }],
      faults: [{ calls: [2], response: THROTTLED }]
    })
    const answers = [
      await describe1(client('us-east-1')),
      await describe1(client('eu-west-1')),
      await describe1(client('us-east-1'))
    ]
    expect(answers).toEqual(['ok', 'ThrottlingException', 'ok'])
  })

  it('counts the calls of every operation', async () => {
    const client = await clients({
      packs: [],
      organization: {
        packs: [{ name: 'org-pack', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }]
      }
    })
    const us = client('us-east-1')
    await us.send(new DescribeOrganizationConformancePackStatusesCommand({}))
    await us.send(new DescribeOrganizationConformancePackStatusesCommand({}))
    await describe1(us)
    expect(emulator!.callCounts()).toEqual({
      DescribeOrganizationConformancePackStatuses: 2,
      DescribeConformancePackStatus: 1
    })
  })

  it('answers with times as a clock ahead of (or behind) the runner’s stamps them', async () => {
    const requestedAt = Date.now() - 60_000
    const times = async (offset: number) => {
      const client = (
        await clients({
          packs: [
            {
              name: 'alpha',
              timeline: [{ state: 'CREATE_COMPLETE', completedAt: requestedAt + 30_000 }],
              requestedAt,
              rules: [{ name: 'r', evaluations: [{ atMs: 40_000, results: [] }] }]
            }
          ],
          awsClockOffsetMs: offset
        })
      )('eu-west-1')
      const pack = await client.send(new DescribeConformancePackStatusCommand({}))
      const rule = await client.send(
        new DescribeConfigRuleEvaluationStatusCommand({ ConfigRuleNames: ['r'] })
      )
      await emulator?.stop()
      const detail = pack.ConformancePackStatusDetails?.[0]
      const status = rule.ConfigRulesEvaluationStatus?.[0]
      return [
        detail?.LastUpdateRequestedTime,
        detail?.LastUpdateCompletedTime,
        status?.FirstActivatedTime,
        status?.LastSuccessfulEvaluationTime
      ].map((t) => t?.getTime())
    }
    const base = [requestedAt, requestedAt + 30_000, requestedAt + 2_000, requestedAt + 40_000]
    expect(await times(0)).toEqual(base)
    expect(await times(20_000)).toEqual(base.map((t) => t + 20_000))
    expect(await times(-5_000)).toEqual(base.map((t) => t - 5_000))
  })
})
