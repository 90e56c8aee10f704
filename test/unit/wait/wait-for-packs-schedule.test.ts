import { describe, expect, it } from 'vitest'
import type { RequestBound, StatusSource } from '../../../src/wait/status-source.js'
import type { ReportedPack } from '../../../src/packs/pack-state.js'
import { waitForPacks, type WaitPlan } from '../../../src/wait/wait-for-packs.js'
import { PagingError } from '../../../src/shared/paging.js'
import { fakeStatusSource, recordingLog, sdkError, virtualClock } from '../../support/doubles.js'

/** The poll loop driven by the age schedule, in virtual time. */

const START = Date.parse('2026-12-01T08:00:00Z')
const MIN = 5_000
const MAX = 30_000
// random() = 1: every scheduled pause carries the full jitter of 10 % of min-delay.
const JITTER = MIN / 10
const QUIET_AGE = 4 * MIN

/** Answers call n (1-based) from a script: the packs it returns, or an error it throws. */
function source(answer: (call: number, at: number) => ReportedPack[] | Error) {
  const calls: number[] = []
  const clock = virtualClock(START)
  const fake = fakeStatusSource({
    describe(_names: readonly string[], bound: RequestBound) {
      bound()
      calls.push(clock.now())
      const out = answer(calls.length, clock.now())
      return out instanceof Error ? Promise.reject(out) : Promise.resolve(out)
    }
  })
  return { fake, calls, clock }
}

const at = (ms: number): Date => new Date(ms)
const pack = (name: string, state: string, requestedAt?: Date): ReportedPack => ({
  name,
  state,
  ...(requestedAt && { requestedAt })
})

async function run(
  src: ReturnType<typeof source>,
  plan: Partial<WaitPlan> = {},
  deadline = START + 3_600_000
) {
  const log = recordingLog()
  const result = await waitForPacks(
    { names: ['alpha'], minDelayMs: MIN, maxDelayMs: MAX, missingPack: 'fail', ...plan },
    {
      source: src.fake,
      clock: src.clock,
      log,
      deadline,
      signal: new AbortController().signal,
      random: () => 1
    }
  )
  return { result, sleeps: src.clock.sleeps, log }
}

describe('waitForPacks: the age schedule', () => {
  it('polls at once, then not until the fresh deployment reaches the quiet age, then every min-delay', async () => {
    const src = source((call) => [
      pack('alpha', call < 5 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE', at(START))
    ])
    const { result, sleeps } = await run(src)
    expect(result.end).toEqual({ kind: 'settled' })
    expect(src.calls[0]).toBe(START)
    expect(sleeps).toEqual([QUIET_AGE + JITTER, MIN + JITTER, MIN + JITTER, MIN + JITTER])
  })

  it('a deployment already done at the first poll costs one call and no pause', async () => {
    const src = source(() => [pack('alpha', 'CREATE_COMPLETE', at(START - 5_000))])
    const { result, sleeps } = await run(src)
    expect(result.end).toEqual({ kind: 'settled' })
    expect(src.calls).toEqual([START])
    expect(sleeps).toEqual([])
  })

  it('takes a request time ahead of the clock as age 0', async () => {
    const src = source((call) => [
      pack('alpha', call < 2 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE', at(START + 7_000))
    ])
    const { sleeps } = await run(src)
    expect(sleeps).toEqual([QUIET_AGE + JITTER])
  })

  it('follows the youngest pending pack: no polls for an old one while a young one is quiet', async () => {
    const old = at(START - 3_600_000)
    const src = source((call) => [
      pack('young', call < 3 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE', at(START)),
      pack('old', call < 5 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE', old)
    ])
    const { sleeps } = await run(src, { names: ['young', 'old'] })
    expect(sleeps).toEqual([
      QUIET_AGE + JITTER, // the young pack's quiet period, though the old one would poll at max
      MIN + JITTER, // the young pack's grid
      MIN + JITTER, // young finished: a change, so min-delay once
      MAX // the hour-old pack alone: age / 120, capped at max-delay
    ])
  })

  it('in the long phase, a state change brings the next poll back to min-delay', async () => {
    // 1,000 s old: age / 120 is 8.3 s and more, above min-delay.
    const requested = at(START - 1_000_000)
    const src = source((call) => [
      pack('alpha', call < 3 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE', requested),
      pack('beta', call < 5 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE', requested)
    ])
    const { sleeps } = await run(src, { names: ['alpha', 'beta'] })
    const long = (ms: number): number =>
      Math.round((START + ms - requested.getTime()) / 120 + JITTER)
    expect(sleeps[0]).toBe(long(0))
    expect(sleeps[1]).toBe(long(sleeps[0]))
    // alpha finished in the third round.
    expect(sleeps[2]).toBe(MIN + JITTER)
    expect(sleeps[3]).toBe(long(sleeps[0] + sleeps[1] + sleeps[2]))
  })

  it('a pack of unknown age backs off exponentially from min-delay, capped at max, reset by a change', async () => {
    const src = source((call) => [
      pack('alpha', call < 4 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE'),
      pack('beta', 'CREATE_IN_PROGRESS')
    ])
    const { sleeps } = await run(src, { names: ['alpha', 'beta'] }, START + 200_000)
    // The first answer is no change; alpha's completion in the 4th round is.
    expect(sleeps.slice(0, 7)).toEqual([2 * MIN, 4 * MIN, MAX, MIN, 2 * MIN, 4 * MIN, MAX])
  })

  it('backs off on throttling, never sooner than the schedule, and returns to it once answered', async () => {
    const requested = at(START - 60_000)
    const src = source((call) =>
      call >= 2 && call <= 4
        ? sdkError('ThrottlingException', 'Rate exceeded', 400)
        : [pack('alpha', call < 6 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE', requested)]
    )
    const { result, sleeps } = await run(src)
    expect(result.end).toEqual({ kind: 'settled' })
    expect(sleeps).toEqual([MIN + JITTER, 2 * MIN, 4 * MIN, MAX, MIN + JITTER])
  })

  it('clips the quiet pause so the last poll comes before the deadline, then stops without a burst', async () => {
    const src = source(() => [pack('alpha', 'CREATE_IN_PROGRESS', at(START))])
    const { result, sleeps } = await run(src, {}, START + 15_000)
    expect(result.end).toEqual({ kind: 'deadline' })
    // The reserve before the deadline: 1 s (a tenth of the wait would be more).
    expect(sleeps).toEqual([14_000])
    expect(src.calls).toEqual([START, START + 14_000])
  })

  it('names the rule behind each pause in the debug line', async () => {
    const src = source((call) => [
      pack('alpha', call < 3 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE', at(START))
    ])
    const { log } = await run(src)
    expect(log.lines.debug).toEqual([
      `round 1: 1 pending; next poll in ${QUIET_AGE + JITTER} ms (quiet)`,
      `round 2: 1 pending; next poll in ${MIN + JITTER} ms (grid)`
    ])
  })
})

/** A source whose listing of every pack answers call n (1-based) from a script. */
function listing(answer: (call: number) => ReportedPack[] | Error) {
  const calls: number[] = []
  const clock = virtualClock(START)
  const fake = fakeStatusSource({
    listAll(bound: RequestBound) {
      bound()
      calls.push(clock.now())
      const out = answer(calls.length)
      return out instanceof Error ? Promise.reject(out) : Promise.resolve(out)
    }
  })
  return { fake, calls, clock }
}

const throttled = () => sdkError('ThrottlingException', 'Rate exceeded', 400)
const repeatedToken = () =>
  new PagingError(
    'DescribeConformancePackStatus returned a NextToken it had already returned (after 2 page(s)): stopped following it'
  )

describe('waitForPacks: backing off before any pack is known (every pack listed)', () => {
  it.each([
    ['throttled', throttled],
    ['repeating its NextToken', repeatedToken]
  ])(
    'a listing %s backs off from min-delay up to max-delay, as a named wait does',
    async (_, fault) => {
      const src = listing(() => fault())
      const { result, sleeps } = await run(src, { names: undefined }, START + 200_000)
      expect(result.end.kind).toBe('deadline')
      // random() = 1: the top of each step, 2 ×, 4 ×, then max-delay.
      expect(sleeps.slice(0, 5)).toEqual([2 * MIN, 4 * MIN, MAX, MAX, MAX])
      // 200 s at min-delay would be 40 calls.
      expect(src.calls.length).toBeLessThanOrEqual(9)

      const named = source(() => fault())
      const namedRun = await run(named, {}, START + 200_000)
      expect(namedRun.sleeps).toEqual(sleeps)
      expect(named.calls).toEqual(src.calls)
    }
  )

  it('an answer resets the backoff: the listed packs are then polled by their schedule', async () => {
    const requested = at(START - 60_000)
    const src = listing((call) =>
      call <= 3 ? repeatedToken() : [pack('alpha', 'CREATE_IN_PROGRESS', requested)]
    )
    const described: number[] = []
    const fake: StatusSource = {
      ...src.fake,
      describe() {
        described.push(src.clock.now())
        return Promise.resolve([
          pack('alpha', described.length < 2 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE', requested)
        ])
      }
    }
    const { result, sleeps } = await run({ ...src, fake }, { names: undefined })
    expect(result.end).toEqual({ kind: 'settled' })
    expect(src.calls).toHaveLength(4)
    expect(sleeps).toEqual([2 * MIN, 4 * MIN, MAX, MIN + JITTER, MIN + JITTER])
  })
})
