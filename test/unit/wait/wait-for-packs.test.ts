import { describe, expect, it } from 'vitest'
import { systemClock, type Clock } from '../../../src/shared/clock.js'
import { MAX_NAMES_PER_CALL } from '../../../src/aws/account-status-source.js'
import type { RequestBound, StatusSource } from '../../../src/wait/status-source.js'
import type { PackStatus, ReportedPack } from '../../../src/packs/pack-state.js'
import { waitForPacks, type WaitPlan } from '../../../src/wait/wait-for-packs.js'
import {
  awsErrors,
  fakeStatusSource,
  recordingLog,
  sdkError,
  virtualClock
} from '../../support/doubles.js'

/** A plan and the run's deadline, as these tests vary them together. */
type TestPlan = WaitPlan & { readonly deadline: number }

const START = Date.parse('2024-05-01T10:00:00Z')
const REQUESTED = new Date(START - 60_000)
const MIN = 5_000
const MAX = 30_000

interface Call {
  readonly op: 'listAll' | 'describe'
  /** The names asked for; undefined for listAll. */
  readonly names: string[] | undefined
  /** Clock time the call started. */
  readonly at: number
  /** Index of the poll round (0-based), counted from the clock's sleeps. */
  readonly round: number
}

type Responder = (call: Call, signal: AbortSignal) => ReportedPack[] | Promise<ReportedPack[]>

/** A scripted StatusSource that records every call, and bounds each one as the real source does. */
class FakeSource implements StatusSource {
  readonly calls: Call[] = []
  readonly batchSize = 20
  readonly iamAction = 'config:DescribeConformancePackStatus'
  readonly deletedState = 'DELETE_COMPLETE' as const
  readonly classify = awsErrors.classify
  readonly expiredDuringWait = awsErrors.expiredDuringWait

  constructor(
    private readonly clock: Clock,
    private readonly respond: Responder,
    private readonly roundOf: () => number
  ) {}

  listAll(bound: RequestBound): Promise<ReportedPack[]> {
    return this.call('listAll', undefined, bound)
  }

  describe(names: readonly string[], bound: RequestBound): Promise<ReportedPack[]> {
    return this.call('describe', [...names], bound)
  }

  private call(
    op: Call['op'],
    names: string[] | undefined,
    bound: RequestBound
  ): Promise<ReportedPack[]> {
    const signal = bound()
    const call: Call = { op, names, at: this.clock.now(), round: this.roundOf() }
    this.calls.push(call)
    return Promise.resolve().then(() => this.respond(call, signal))
  }

  roundsCalled(): Call[][] {
    const rounds: Call[][] = []
    for (const call of this.calls) (rounds[call.round] ??= []).push(call)
    return rounds
  }
}

function report(name: string, state: string): ReportedPack {
  switch (state) {
    case 'CREATE_COMPLETE':
      return { name, state, requestedAt: REQUESTED, completedAt: new Date(START + 90_000) }
    case 'CREATE_FAILED':
      return { name, state, requestedAt: REQUESTED, reason: `${name} broke` }
    default:
      return { name, state, requestedAt: REQUESTED }
  }
}

/**
 * Answers each call from a table of states for its round: the packs asked for (all of them
 * for listAll) whose state is given. A name missing from the table is left out of the answer.
 */
function byRound(states: (round: number) => Record<string, string>): Responder {
  return (call) => {
    const table = states(call.round)
    const names = call.names ?? Object.keys(table)
    return names.filter((n) => table[n] !== undefined).map((n) => report(n, table[n]))
  }
}

const throttling = (): Error => sdkError('ThrottlingException', 'Rate exceeded', 400)
const accessDenied = (): Error =>
  sdkError('AccessDeniedException', 'not authorized to perform this action', 400)

function setup(respond: Responder, plan: Partial<TestPlan> = {}, random: () => number = () => 1) {
  const clock = virtualClock(START)
  const source = new FakeSource(clock, respond, () => clock.sleeps.length)
  const log = recordingLog()
  const lines = log.lines
  const controller = new AbortController()
  const fullPlan: TestPlan = {
    names: ['alpha'],
    deadline: START + 600_000,
    minDelayMs: MIN,
    maxDelayMs: MAX,
    missingPack: 'fail',
    ...plan
  }
  const { deadline, ...waitPlan } = fullPlan
  const run = () =>
    waitForPacks(waitPlan, { source, clock, deadline, log, signal: controller.signal, random })
  return { clock, source, lines, controller, plan: fullPlan, run }
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)
const states = (packs: readonly PackStatus[]): Record<string, string> =>
  Object.fromEntries(packs.map((p) => [p.name, p.state]))

describe('waitForPacks: timing', () => {
  it('polls at once, without sleeping first', async () => {
    const t = setup(byRound(() => ({ alpha: 'CREATE_COMPLETE' })))
    const result = await t.run()
    expect(t.source.calls[0]).toMatchObject({ at: START, round: 0 })
    expect(t.clock.sleeps).toEqual([])
    expect(result).toMatchObject({ end: { kind: 'settled' }, rounds: 1, startedAt: START })
    expect(states(result.packs)).toEqual({ alpha: 'CREATE_COMPLETE' })
  })

  it('polls every min-delay plus jitter while the deployment is at the age packs finish', async () => {
    const t = setup(
      byRound(() => ({ alpha: 'CREATE_IN_PROGRESS' })),
      {
        deadline: START + 600_000
      }
    )
    await t.run()
    // Requested 1 min before the start: between the quiet age (4 × min) and 120 × min.
    expect(t.clock.sleeps.slice(0, 7)).toEqual(Array(7).fill(MIN * 1.1))
  })

  it.each([0, 0.13, 0.5, 0.77, 1])('keeps every delay within [min, max] (random %d)', async (r) => {
    const t = setup(
      byRound(() => ({ alpha: 'CREATE_IN_PROGRESS' })),
      { deadline: START + 900_000 },
      () => r
    )
    await t.run()
    expect(t.clock.sleeps.length).toBeGreaterThan(5)
    for (const ms of t.clock.sleeps) {
      expect(ms).toBeGreaterThanOrEqual(MIN)
      expect(ms).toBeLessThanOrEqual(MAX)
    }
  })

  it('keeps min-delay plus jitter after a state change in the grid', async () => {
    const t = setup(
      byRound((round) => ({
        alpha: round < 4 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE',
        beta: 'CREATE_IN_PROGRESS'
      })),
      { names: ['alpha', 'beta'] }
    )
    await t.run()
    expect(t.clock.sleeps.slice(0, 7)).toEqual(Array(7).fill(MIN * 1.1))
  })

  it.each([
    [3_000, 1],
    [7_000, 0],
    [12_345, 0.5],
    [60_000, 1],
    [61_234, 0],
    [600_000, 0.42],
    [1_800_000, 1]
  ])(
    'never sleeps past a %d ms deadline and ends with deadline (random %d)',
    async (timeout, r) => {
      const t = setup(
        byRound(() => ({ alpha: 'CREATE_IN_PROGRESS' })),
        { deadline: START + timeout },
        () => r
      )
      const result = await t.run()
      expect(result.end).toEqual({ kind: 'deadline' })
      expect(sum(t.clock.sleeps)).toBeLessThanOrEqual(timeout)
      expect(result.endedAt).toBeLessThanOrEqual(START + timeout)
      for (const call of t.source.calls) expect(call.at).toBeLessThanOrEqual(START + timeout)
      expect(states(result.packs)).toEqual({ alpha: 'CREATE_IN_PROGRESS' })
      expect(result.rounds).toBe(t.source.calls.length)
    }
  )

  it.each([
    [7_000, 0],
    [12_345, 0.5],
    [61_234, 0],
    [100_000, 1]
  ])('never polls twice within minDelayMs (deadline %d, random %d)', async (timeout, r) => {
    const t = setup(
      byRound((round) => ({ alpha: round % 3 === 0 ? 'CREATE_IN_PROGRESS' : 'UNRECOGNISED' })),
      { deadline: START + timeout },
      () => r
    )
    await t.run()
    const times = t.source.calls.map((c) => c.at)
    expect(times.length).toBeGreaterThan(1)
    for (let i = 1; i < times.length; i++) {
      expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(MIN)
    }
  })
})

describe('waitForPacks: what it asks for', () => {
  it(`asks in batches of at most ${MAX_NAMES_PER_CALL} names`, async () => {
    const names = Array.from({ length: 45 }, (_, i) => `pack-${i}`)
    const t = setup(
      byRound((round) =>
        Object.fromEntries(
          names.map((n, i) => [
            n,
            round === 0 && i >= 30 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE'
          ])
        )
      ),
      { names }
    )
    const result = await t.run()
    const [first, second] = t.source.roundsCalled()
    expect(first.map((c) => c.names?.length)).toEqual([20, 20, 5])
    expect(first.flatMap((c) => c.names)).toEqual(names)
    // Round 1 asks only for the 15 packs still in progress: one call.
    expect(second.map((c) => c.names)).toEqual([names.slice(30)])
    for (const call of t.source.calls) {
      expect(call.names?.length).toBeLessThanOrEqual(MAX_NAMES_PER_CALL)
    }
    expect(result.end.kind).toBe('settled')
    expect(result.packs.map((p) => p.name)).toEqual(names)
  })

  it('stops asking for a pack once it is terminal', async () => {
    const t = setup(
      byRound((round) => ({
        alpha: 'CREATE_COMPLETE',
        beta: 'CREATE_FAILED',
        gamma: round < 2 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE'
      })),
      { names: ['alpha', 'beta', 'gamma'] }
    )
    const result = await t.run()
    expect(t.source.calls.map((c) => c.names)).toEqual([
      ['alpha', 'beta', 'gamma'],
      ['gamma'],
      ['gamma']
    ])
    expect(result.end.kind).toBe('settled')
    expect(states(result.packs)).toEqual({
      alpha: 'CREATE_COMPLETE',
      beta: 'CREATE_FAILED',
      gamma: 'CREATE_COMPLETE'
    })
  })

  it('without names lists the region first, then describes only the packs in progress', async () => {
    const t = setup(
      byRound((round): Record<string, string> => ({
        one: 'CREATE_COMPLETE',
        two: round < 2 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE',
        ...(round === 0 ? { three: 'DELETE_IN_PROGRESS' } : {}),
        four: 'CREATE_FAILED'
      })),
      { names: undefined }
    )
    const result = await t.run()
    expect(t.source.calls.map((c) => [c.op, c.names])).toEqual([
      ['listAll', undefined],
      ['describe', ['two', 'three']],
      ['describe', ['two']]
    ])
    expect(t.source.calls[0].at).toBe(START)
    expect(result.end.kind).toBe('settled')
    // Service order; `three` vanished after DELETE_IN_PROGRESS: deleted.
    expect(result.packs.map((p) => [p.name, p.state])).toEqual([
      ['one', 'CREATE_COMPLETE'],
      ['two', 'CREATE_COMPLETE'],
      ['three', 'DELETE_COMPLETE'],
      ['four', 'CREATE_FAILED']
    ])
  })

  it('without names and an empty region settles after one call', async () => {
    const t = setup(() => [], { names: undefined })
    const result = await t.run()
    expect(result).toMatchObject({ end: { kind: 'settled' }, packs: [] })
    expect(t.source.calls).toHaveLength(1)
  })

  it('keeps the input order, whatever order the service answers in', async () => {
    const t = setup(() => [report('alpha', 'CREATE_COMPLETE'), report('beta', 'CREATE_COMPLETE')], {
      names: ['beta', 'alpha']
    })
    const result = await t.run()
    expect(result.packs.map((p) => p.name)).toEqual(['beta', 'alpha'])
  })

  it('ignores packs it did not ask about', async () => {
    const t = setup(() => [report('alpha', 'CREATE_COMPLETE'), report('stray', 'CREATE_FAILED')])
    const result = await t.run()
    expect(states(result.packs)).toEqual({ alpha: 'CREATE_COMPLETE' })
  })
})

describe('waitForPacks: packs that are not there', () => {
  it('a pack gone after DELETE_IN_PROGRESS is DELETE_COMPLETE, after CREATE_IN_PROGRESS NOT_FOUND', async () => {
    const t = setup(
      byRound((round): Record<string, string> =>
        round === 0 ? { alpha: 'DELETE_IN_PROGRESS', beta: 'CREATE_IN_PROGRESS' } : {}
      ),
      { names: ['alpha', 'beta'] }
    )
    const result = await t.run()
    expect(result.end.kind).toBe('settled')
    expect(result.packs).toEqual([
      {
        name: 'alpha',
        state: 'DELETE_COMPLETE',
        detail: { name: 'alpha', state: 'DELETE_IN_PROGRESS', requestedAt: REQUESTED }
      },
      {
        name: 'beta',
        state: 'NOT_FOUND',
        detail: { name: 'beta', state: 'CREATE_IN_PROGRESS', requestedAt: REQUESTED }
      }
    ])
  })

  it("a name never answered for is NOT_FOUND and, under 'fail', asked once", async () => {
    const t = setup(() => [], { names: ['ghost'] })
    const result = await t.run()
    expect(result.packs).toEqual([{ name: 'ghost', state: 'NOT_FOUND' }])
    expect(result.end.kind).toBe('settled')
    expect(t.source.calls).toHaveLength(1)
  })

  it("under 'wait' a missing pack keeps being asked for until it appears", async () => {
    const t = setup(
      byRound((round): Record<string, string> =>
        round < 3 ? {} : { ghost: round < 5 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE' }
      ),
      { names: ['ghost'], missingPack: 'wait' }
    )
    const result = await t.run()
    expect(t.source.calls.map((c) => c.names)).toEqual(Array.from({ length: 6 }, () => ['ghost']))
    expect(result.end.kind).toBe('settled')
    expect(states(result.packs)).toEqual({ ghost: 'CREATE_COMPLETE' })
  })

  it("under 'wait' a pack that never appears runs into the deadline", async () => {
    const t = setup(() => [], {
      names: ['ghost'],
      missingPack: 'wait',
      deadline: START + 120_000
    })
    const result = await t.run()
    expect(result.end.kind).toBe('deadline')
    expect(states(result.packs)).toEqual({ ghost: 'NOT_FOUND' })
    expect(t.source.calls.length).toBeGreaterThan(2)
  })
})

describe('waitForPacks: errors', () => {
  it('retries a transient error, warning once and logging repeats as info', async () => {
    const t = setup((call) => {
      if (call.round < 3) throw throttling()
      return [report('alpha', 'CREATE_COMPLETE')]
    })
    const result = await t.run()
    expect(result).toMatchObject({ end: { kind: 'settled' }, rounds: 4 })
    expect(states(result.packs)).toEqual({ alpha: 'CREATE_COMPLETE' })
    expect(t.lines.warning).toHaveLength(1)
    expect(t.lines.warning[0]).toContain('ThrottlingException')
    const repeats = t.lines.info.filter((m) => m.includes('ThrottlingException'))
    expect(repeats).toHaveLength(2)
    expect(repeats[0]).toContain('2 polls in a row')
    expect(repeats[1]).toContain('3 polls in a row')
    expect(t.lines.info.some((m) => m.includes('answered again after 3'))).toBe(true)
  })

  it('keeps a pack UNKNOWN while every call fails, and reports the last error at the deadline', async () => {
    const t = setup(
      () => {
        throw throttling()
      },
      { deadline: START + 60_000 }
    )
    const result = await t.run()
    expect(result.end.kind).toBe('deadline')
    expect(result.end.kind === 'deadline' && result.end.lastError).toContain('ThrottlingException')
    expect(result.packs).toEqual([{ name: 'alpha', state: 'UNKNOWN' }])
    expect(t.lines.warning).toHaveLength(1)
    expect(t.source.calls.length).toBeGreaterThan(2)
  })

  it('ends at once on a permanent error, naming the IAM action', async () => {
    const t = setup(() => {
      throw accessDenied()
    })
    const result = await t.run()
    expect(result.end.kind).toBe('error')
    expect(result.end.kind === 'error' && result.end.message).toContain(
      'config:DescribeConformancePackStatus'
    )
    expect(result.rounds).toBe(1)
    expect(t.source.calls).toHaveLength(1)
    expect(t.clock.sleeps).toEqual([])
  })

  it('a permanent error later keeps the last known states and stops the round', async () => {
    const names = Array.from({ length: 45 }, (_, i) => `pack-${i}`)
    const t = setup(
      (call) => {
        if (call.round === 1 && call.names?.[0] === 'pack-20') throw accessDenied()
        return (call.names ?? []).map((n) => report(n, 'CREATE_IN_PROGRESS'))
      },
      { names }
    )
    const result = await t.run()
    expect(result.end.kind).toBe('error')
    expect(t.source.roundsCalled()[1]).toHaveLength(2)
    expect(new Set(result.packs.map((p) => p.state))).toEqual(new Set(['CREATE_IN_PROGRESS']))
  })
})

describe('waitForPacks: cancellation and stalled requests', () => {
  it('ends as cancelled when the signal aborts during a sleep, keeping the last states', async () => {
    const t = setup(
      byRound(() => ({ alpha: 'CREATE_IN_PROGRESS', beta: 'CREATE_COMPLETE' })),
      { names: ['alpha', 'beta'] }
    )
    t.clock.onSleep = (count) => {
      if (count === 2) t.controller.abort()
    }
    const result = await t.run()
    expect(result.end).toEqual({ kind: 'cancelled' })
    expect(t.source.calls).toHaveLength(2)
    expect(states(result.packs)).toEqual({ alpha: 'CREATE_IN_PROGRESS', beta: 'CREATE_COMPLETE' })
  })

  it('ends as cancelled when the signal aborts during a call', async () => {
    const t = setup((call, signal) =>
      call.round === 0
        ? [report('alpha', 'CREATE_IN_PROGRESS')]
        : new Promise<ReportedPack[]>((_, reject) => {
            signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true })
            setTimeout(() => t.controller.abort(), 5)
          })
    )
    const result = await t.run()
    expect(result.end).toEqual({ kind: 'cancelled' })
    expect(states(result.packs)).toEqual({ alpha: 'CREATE_IN_PROGRESS' })
    expect(t.lines.warning).toEqual([])
  })

  it('cuts off a call that hangs after requestTimeoutMs and retries it as transient', async () => {
    const log = recordingLog()
    const lines = log.lines
    const calls: { startedAt: number; endedAt?: number }[] = []
    const source = fakeStatusSource({
      describe(names, bound) {
        const signal = bound()
        const call: { startedAt: number; endedAt?: number } = { startedAt: Date.now() }
        calls.push(call)
        if (calls.length > 1) return Promise.resolve(names.map((n) => report(n, 'CREATE_COMPLETE')))
        // Hangs until its bound signal aborts, like a stalled HTTP request.
        return new Promise<ReportedPack[]>((_, reject) => {
          signal.addEventListener(
            'abort',
            () => {
              call.endedAt = Date.now()
              reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }))
            },
            { once: true }
          )
        })
      }
    })
    const started = Date.now()
    const result = await waitForPacks(
      {
        names: ['alpha'],
        minDelayMs: 10,
        maxDelayMs: 20,
        missingPack: 'fail',
        requestTimeoutMs: 20
      },
      {
        source,
        clock: systemClock,
        deadline: started + 5_000,
        log,
        signal: new AbortController().signal,
        random: () => 1
      }
    )
    expect(result.end.kind).toBe('settled')
    expect(states(result.packs)).toEqual({ alpha: 'CREATE_COMPLETE' })
    expect(calls).toHaveLength(2)
    const hung = (calls[0].endedAt ?? Infinity) - calls[0].startedAt
    expect(hung).toBeGreaterThanOrEqual(15)
    expect(hung).toBeLessThan(1_000)
    expect(lines.warning).toHaveLength(1)
    expect(lines.warning[0]).toContain('request timed out')
  })

  /** Two batches: the first answers after 30 ms, the second fails with AccessDenied after 30 ms. */
  function slowPermanentError(requestTimeoutMs: number) {
    const log = recordingLog()
    const lines = log.lines
    let count = 0
    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    const source = fakeStatusSource({
      async describe(names, bound) {
        bound()
        count += 1
        if (count === 1) {
          await delay(30)
          return names.map((n) => report(n, 'CREATE_IN_PROGRESS'))
        }
        if (count === 2) await delay(30)
        throw accessDenied()
      }
    })
    const names = Array.from({ length: MAX_NAMES_PER_CALL + 1 }, (_, i) => `pack-${i}`)
    const started = Date.now()
    const run = () =>
      waitForPacks(
        {
          names,
          minDelayMs: 10,
          maxDelayMs: 20,
          missingPack: 'fail',
          requestTimeoutMs
        },
        {
          source,
          clock: systemClock,
          deadline: started + 2_000,
          log,
          signal: new AbortController().signal,
          random: () => 1
        }
      )
    return { run, lines }
  }

  it('a permanent error in a later batch ends the wait in that round', async () => {
    const t = slowPermanentError(1_000)
    const result = await t.run()
    expect(result).toMatchObject({ end: { kind: 'error' }, rounds: 1 })
    expect(t.lines.warning).toEqual([])
  })

  // Each request has its own timeout: an earlier request's timer firing must not recolour a
  // later request's error.
  it('a permanent error is not mistaken for a timeout because an earlier request of the round outlived its timeout', async () => {
    const t = slowPermanentError(40)
    const result = await t.run()
    expect(result).toMatchObject({ end: { kind: 'error' }, rounds: 1 })
    expect(t.lines.warning).toEqual([])
  })
})

describe('waitForPacks: logging', () => {
  it('logs one info line per state change, not one per poll', async () => {
    const t = setup(
      byRound((round) => ({
        alpha: round < 4 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE',
        beta: round < 2 ? 'CREATE_IN_PROGRESS' : 'CREATE_FAILED'
      })),
      { names: ['alpha', 'beta'] }
    )
    const result = await t.run()
    expect(result.rounds).toBe(5)
    expect(t.lines.info).toEqual([
      'alpha: CREATE_IN_PROGRESS (requested 1m00s ago)',
      'beta: CREATE_IN_PROGRESS (requested 1m00s ago)',
      // Two grid pauses of 5.5 s after the start, 1 min after the request.
      'beta: CREATE_IN_PROGRESS → CREATE_FAILED after 1m11s: beta broke',
      'alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after 2m30s'
    ])
    expect(t.lines.warning).toEqual([])
  })
})
