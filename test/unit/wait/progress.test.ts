import { describe, expect, it } from 'vitest'
import { parseInputs, type InputSource } from '../../../src/inputs.js'
import type { PackStatus, ReportedPack } from '../../../src/packs/pack-state.js'
import { progressLines, progressLog } from '../../../src/wait/progress.js'
import { waitInRegion } from '../../../src/wait/region-wait.js'
import { type RegionPorts } from '../../../src/ports/region.js'
import type { StackEvent, StackEventReader } from '../../../src/ports/stack-events.js'
import type { StackProgress } from '../../../src/wait/stack-progress.js'
import { packStatus } from '../../support/builders.js'
import {
  awsErrors,
  fakeStatusSource,
  recordingLog,
  sdkError,
  virtualClock
} from '../../support/doubles.js'

const T0 = Date.parse('2026-12-01T10:00:00Z')
const STACK = (name: string): string =>
  `arn:aws:cloudformation:eu-west-1:123456789012:stack/awsconfigconforms-${name}/1`

const inProgress = (name: string, requestedAt?: number): PackStatus =>
  packStatus(name, 'CREATE_IN_PROGRESS', {
    requestedAt: requestedAt === undefined ? undefined : new Date(requestedAt)
  })
const complete = (name: string): PackStatus => packStatus(name, 'CREATE_COMPLETE')

describe('progressLines', () => {
  it('names the pending packs with how long each has taken, then each known stack count', () => {
    const packs = [
      complete('alpha'),
      inProgress('beta', T0 - 10_000),
      inProgress('gamma', T0 + 5_000)
    ]
    const stacks = new Map<string, StackProgress>([['beta', { created: 7, total: 12 }]])
    expect(progressLines(packs, 'fail', T0 + 240_000, T0, stacks)).toEqual([
      'waiting for 2 of 3 packs: beta 4m10s, gamma 3m55s',
      'beta: 7 of 12 resources created'
    ])
  })

  it('counts from the start of the wait for a pack without a request time', () => {
    expect(progressLines([inProgress('beta')], 'fail', T0 + 90_000, T0)).toEqual([
      'waiting for 1 of 1 packs: beta 1m30s'
    ])
  })

  it('says nothing when nothing is pending', () => {
    expect(progressLines([complete('alpha')], 'fail', T0, T0)).toEqual([])
  })

  it('names ten packs at most and counts the rest', () => {
    const packs = Array.from({ length: 14 }, (_, i) => inProgress(`p${i}`, T0))
    const [line] = progressLines(packs, 'fail', T0 + 60_000, T0)
    expect(line).toMatch(/^waiting for 14 of 14 packs: p0 1m00s, .*p9 1m00s, 4 more$/)
  })
})

describe('progressLog', () => {
  it('logs at most once an interval, the first after one interval', () => {
    const clock = virtualClock(T0)
    const log = recordingLog()
    const tick = progressLog({ clock, log, missingPack: 'fail', intervalMs: 60_000 })
    const packs = [inProgress('beta', T0)]
    const logged: number[] = []
    for (let t = 0; t <= 200_000; t += 10_000) {
      if (tick(packs)) logged.push(t)
      void clock.sleep(10_000)
    }
    expect(logged).toEqual([60_000, 120_000, 180_000])
    expect(log.lines.info[0]).toBe('waiting for 1 of 1 packs: beta 1m00s')
  })
})

/** A region whose packs are scripted by time, and whose stacks answer as `stack` says. */
function region(
  clock: { now(): number },
  done: Record<string, number>,
  stack: (arn: string) => Promise<StackEvent[]>
) {
  const reads: string[] = []
  let opened = 0
  const report = (name: string): ReportedPack => ({
    name,
    state: clock.now() - T0 >= done[name] ? 'CREATE_COMPLETE' : 'CREATE_IN_PROGRESS',
    stackArn: STACK(name),
    requestedAt: new Date(T0)
  })
  const source = fakeStatusSource({
    batchSize: 25,
    listAll: () => Promise.resolve(Object.keys(done).map(report)),
    describe: (names) => Promise.resolve(names.map(report))
  })
  const events: StackEventReader & { close(): void } = {
    ...awsErrors,
    read: async (arn) => {
      reads.push(`${Math.round((clock.now() - T0) / 1000)}s ${arn.split('-').at(-1)}`)
      return { events: await stack(arn) }
    },
    close: () => undefined
  }
  const ports: RegionPorts = {
    known: true,
    accountStatuses: () => source,
    organizationStatuses: () => {
      throw new Error('not in this test')
    },
    ruleEvaluations: () => {
      throw new Error('not in this test')
    },
    stackEvents: () => {
      opened += 1
      return Promise.resolve(events)
    },
    close: () => undefined
  }
  return { ports, reads, opened: () => opened }
}

function inputs(values: Record<string, string>) {
  const source: InputSource = {
    getInput: (name) => values[name] ?? '',
    getMultilineInput: (name) => (values[name] ?? '').split('\n').filter(Boolean),
    getBooleanInput: (name) => values[name] === 'true'
  }
  return parseInputs(source, { AWS_REGION: 'eu-west-1' })
}

const event = (logicalId: string, status: string, at: number): StackEvent => ({
  logicalId,
  type: 'AWS::Config::ConfigRule',
  status,
  timestamp: new Date(at)
})

describe('progress from the wait of a region', () => {
  const plan = {
    'conformance-pack-names': 'alpha, beta',
    'min-delay-seconds': '5',
    'max-delay-seconds': '30',
    'timeout-seconds': '900'
  }

  it('logs a progress line at most once a minute, with the stack count, from the rounds', async () => {
    const clock = virtualClock(T0)
    const log = recordingLog()
    const { ports, reads } = region(clock, { alpha: 20_000, beta: 250_000 }, () =>
      Promise.resolve([
        event('R3', 'CREATE_IN_PROGRESS', T0 + 3000),
        event('R2', 'CREATE_COMPLETE', T0 + 2500),
        event('R2', 'CREATE_IN_PROGRESS', T0 + 2000),
        event('R1', 'CREATE_COMPLETE', T0 + 1500),
        event('R1', 'CREATE_IN_PROGRESS', T0 + 1000),
        event('Old', 'CREATE_COMPLETE', T0 - 1000)
      ])
    )
    const rounds: { changed: boolean; stacks?: ReadonlyMap<string, StackProgress> }[] = []
    const run = await waitInRegion('eu-west-1', inputs({ ...plan, 'explain-failures': 'true' }), {
      clock,
      deadline: T0 + 900_000,
      signal: new AbortController().signal,
      log,
      open: () => ports,
      onRound: (_packs, changed, stacks) => rounds.push({ changed, stacks })
    })
    expect(run.wait.end).toEqual({ kind: 'settled' })
    const progress = log.lines.info.filter(
      (l) => l.startsWith('waiting for') || / created$/.test(l)
    )
    // The first line comes with the first round after a minute: polls are at most 30 s apart.
    const first = /^waiting for 1 of 2 packs: beta 1m(\d\d)s$/.exec(progress[0])
    expect(Number(first?.[1])).toBeLessThanOrEqual(30)
    expect(progress).toContain('beta: 2 of 3 resources created')
    const lines = progress.filter((l) => l.startsWith('waiting for'))
    // 250 s of waiting: one line a minute at most, and one each round after a minute went by.
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.length).toBeLessThanOrEqual(4)
    // At most one stack read a minute, none in the first half minute, only of beta (alpha was done).
    const times = reads.map((r) => Number(r.split('s ')[0]))
    expect(reads.every((r) => r.endsWith('beta/1'))).toBe(true)
    expect(times[0]).toBeGreaterThanOrEqual(30)
    // Started at least a minute apart (the fake notes a read a little after it is started).
    expect(reads.length).toBeGreaterThanOrEqual(1)
    expect(reads.length).toBeLessThanOrEqual(1 + Math.floor((250 - 30) / 60))
    // The live check is told: a round after a progress line counts as changed, with the counts.
    expect(rounds.some((r) => r.stacks?.get('beta')?.created === 2)).toBe(true)
  })

  it('reads no stack when explain-failures is off, and still logs the waiting line', async () => {
    const clock = virtualClock(T0)
    const log = recordingLog()
    const r = region(clock, { alpha: 20_000, beta: 150_000 }, () => Promise.resolve([]))
    await waitInRegion('eu-west-1', inputs({ ...plan, 'explain-failures': 'false' }), {
      clock,
      deadline: T0 + 900_000,
      signal: new AbortController().signal,
      log,
      open: () => r.ports
    })
    expect(r.opened()).toBe(0)
    expect(log.lines.info.some((l) => l.startsWith('waiting for 1 of 2 packs: beta'))).toBe(true)
  })

  it('goes silent after the first access denial: one line, no more reads', async () => {
    const clock = virtualClock(T0)
    const log = recordingLog()
    const r = region(clock, { alpha: 20_000, beta: 400_000 }, () =>
      Promise.reject(
        sdkError(
          'AccessDenied',
          'not authorized to perform: cloudformation:DescribeStackEvents',
          403
        )
      )
    )
    await waitInRegion('eu-west-1', inputs({ ...plan, 'explain-failures': 'true' }), {
      clock,
      deadline: T0 + 900_000,
      signal: new AbortController().signal,
      log,
      open: () => r.ports
    })
    expect(r.reads).toHaveLength(1)
    const denials = log.lines.info.filter((l) => l.startsWith('Stack progress is not shown'))
    expect(denials).toHaveLength(1)
    expect(denials[0]).toContain('cloudformation:DescribeStackEvents')
    expect(log.lines.info.some((l) => / created$/.test(l))).toBe(false)
  })
})
