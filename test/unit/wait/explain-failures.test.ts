import { describe, expect, it } from 'vitest'
import { explainFailures } from '../../../src/wait/explain-failures.js'
import { type StackEvent, type StackEventPage } from '../../../src/ports/stack-events.js'
import type { PackStatus } from '../../../src/packs/pack-state.js'
import { silentLog } from '../../../src/shared/log.js'
import { packStatus } from '../../support/builders.js'
import { awsErrors, sdkError, virtualClock } from '../../support/doubles.js'

const STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/awsconfigconforms-beta/abc'
const REQUESTED = new Date('2026-11-20T10:00:00Z')

function failedPack(
  name = 'beta',
  state: 'CREATE_FAILED' | 'DELETE_FAILED' = 'CREATE_FAILED'
): PackStatus {
  return packStatus(name, state, { stackArn: STACK, requestedAt: REQUESTED })
}

const at = (minutes: number): Date => new Date(REQUESTED.getTime() + minutes * 60_000)
const event = (
  minutes: number,
  logicalId: string,
  status: string,
  reason?: string,
  type = 'AWS::Config::ConfigRule'
): StackEvent => ({
  logicalId,
  type,
  status,
  reason,
  timestamp: at(minutes),
  physicalId: `${logicalId}-id`,
  stackId: STACK
})
const stackEvent = (minutes: number, status: string): StackEvent => ({
  logicalId: 'awsconfigconforms-beta',
  type: 'AWS::CloudFormation::Stack',
  status,
  timestamp: at(minutes),
  physicalId: STACK,
  stackId: STACK
})

/** Newest first, as CloudFormation pages them. */
const HISTORY: StackEvent[] = [
  stackEvent(6, 'ROLLBACK_COMPLETE'),
  event(5, 'RuleC', 'DELETE_COMPLETE'),
  stackEvent(4, 'ROLLBACK_FAILED'),
  event(3, 'RuleB', 'CREATE_FAILED', 'Resource creation cancelled'),
  event(2, 'RuleA', 'CREATE_FAILED', 'Rule access-keys-rotated already exists'),
  event(1, 'RuleA', 'CREATE_IN_PROGRESS'),
  // An earlier deployment's failure: before the pack's last requested update.
  event(-60 * 24, 'OldRule', 'CREATE_FAILED', 'old failure'),
  event(-60 * 25, 'OldRule', 'CREATE_IN_PROGRESS')
]

function pagedReader(events: StackEvent[], pageSize: number, failures: Error[] = []) {
  const calls: (string | undefined)[] = []
  const read = (_stack: string, token: string | undefined): Promise<StackEventPage> => {
    calls.push(token)
    const failure = failures.shift()
    if (failure) return Promise.reject(failure)
    const offset = Number(token ?? 0)
    const next = offset + pageSize < events.length ? String(offset + pageSize) : undefined
    return Promise.resolve({ events: events.slice(offset, offset + pageSize), nextToken: next })
  }
  return { read, calls }
}

describe('explainFailures', () => {
  const deps = (
    read: ReturnType<typeof pagedReader>['read'],
    clock = virtualClock(REQUESTED.getTime() + 3_600_000)
  ) => ({
    events: { ...awsErrors, read },
    clock,
    deadline: clock.now() + 60_000,
    signal: new AbortController().signal,
    log: silentLog
  })

  it('keeps the failed resources of this deployment, the first failure first, without the stack itself', async () => {
    const reader = pagedReader(HISTORY, 100)
    const result = await explainFailures([failedPack()], deps(reader.read))
    expect(result.get('beta')).toEqual({
      kind: 'explained',
      resources: [
        {
          logicalId: 'RuleA',
          type: 'AWS::Config::ConfigRule',
          status: 'CREATE_FAILED',
          reason: 'Rule access-keys-rotated already exists'
        },
        {
          logicalId: 'RuleB',
          type: 'AWS::Config::ConfigRule',
          status: 'CREATE_FAILED',
          reason: 'Resource creation cancelled'
        }
      ]
    })
  })

  it('follows NextToken, and stops paging once it reaches events older than the requested update', async () => {
    const reader = pagedReader(HISTORY, 2)
    const result = await explainFailures([failedPack()], deps(reader.read))
    expect(result.get('beta')?.kind === 'explained' && result.get('beta')).toMatchObject({
      resources: [{ logicalId: 'RuleA' }, { logicalId: 'RuleB' }]
    })
    // Pages: [0,1] [2,3] [4,5] [6,7]: the fourth starts with the old deployment, so no fifth.
    expect(reader.calls).toEqual([undefined, '2', '4', '6'])
  })

  it('reads only failed packs with a stack, once each', async () => {
    const reader = pagedReader(HISTORY, 100)
    const complete = packStatus('ok', 'CREATE_COMPLETE', { stackArn: STACK })
    const noStack = packStatus('bare', 'CREATE_FAILED')
    const result = await explainFailures(
      [complete, noStack, failedPack('beta', 'DELETE_FAILED')],
      deps(reader.read)
    )
    expect([...result.keys()]).toEqual(['beta'])
    expect(reader.calls).toHaveLength(1)
  })

  it('reports AccessDenied as unavailable, naming the IAM action', async () => {
    const reader = pagedReader(HISTORY, 100, [sdkError('AccessDenied', 'not authorized', 403)])
    const result = await explainFailures([failedPack()], deps(reader.read))
    const explanation = result.get('beta')
    expect(explanation?.kind).toBe('unavailable')
    expect(explanation?.kind === 'unavailable' && explanation.why).toMatch(
      /cloudformation:DescribeStackEvents/
    )
    expect(reader.calls).toHaveLength(1)
  })

  it('says so when the stack no longer exists', async () => {
    const reader = pagedReader(HISTORY, 100, [
      sdkError('ValidationError', `Stack with id ${STACK} does not exist`, 400)
    ])
    const result = await explainFailures([failedPack()], deps(reader.read))
    expect(result.get('beta')).toEqual({ kind: 'unavailable', why: 'the stack no longer exists' })
  })

  it('retries throttling with a pause, then explains', async () => {
    const clock = virtualClock(REQUESTED.getTime() + 3_600_000)
    const reader = pagedReader(HISTORY, 100, [sdkError('Throttling', 'Rate exceeded', 400)])
    const result = await explainFailures([failedPack()], deps(reader.read, clock))
    expect(result.get('beta')?.kind).toBe('explained')
    expect(reader.calls).toHaveLength(2)
    expect(clock.sleeps).toEqual([1000])
  })

  it('gives up at the deadline, saying why', async () => {
    const clock = virtualClock(REQUESTED.getTime() + 3_600_000)
    const throttled = Array.from({ length: 5 }, () => sdkError('Throttling', 'Rate exceeded', 400))
    const reader = pagedReader(HISTORY, 100, throttled)
    const result = await explainFailures([failedPack()], {
      ...deps(reader.read, clock),
      deadline: clock.now() + 1_500
    })
    const explanation = result.get('beta')
    expect(explanation?.kind === 'unavailable' && explanation.why).toMatch(
      /^the deadline passed \(last error: throttled/
    )
    expect(clock.now()).toBeLessThanOrEqual(REQUESTED.getTime() + 3_600_000 + 1_500)
  })

  it('reads nothing once cancelled', async () => {
    const reader = pagedReader(HISTORY, 100)
    const controller = new AbortController()
    controller.abort()
    const result = await explainFailures([failedPack()], {
      ...deps(reader.read),
      signal: controller.signal
    })
    expect(result.size).toBe(0)
    expect(reader.calls).toHaveLength(0)
  })

  it('stops at a NextToken that comes back unchanged, retrying a few times, then says why', async () => {
    const calls: (string | undefined)[] = []
    const read = (_stack: string, token: string | undefined): Promise<StackEventPage> => {
      calls.push(token)
      return Promise.resolve({
        events: [event(3, 'RuleA', 'CREATE_FAILED', 'x')],
        nextToken: 'same'
      })
    }
    const result = await explainFailures([failedPack()], deps(read))
    expect(result.get('beta')).toEqual({
      kind: 'unavailable',
      why: 'it kept failing: PagingError: DescribeStackEvents returned a NextToken it had already returned (after 2 page(s)): stopped following it'
    })
    // The first page, then the repeated token asked for three times: never followed further.
    expect(calls).toEqual([undefined, 'same', 'same', 'same'])
  })
})
