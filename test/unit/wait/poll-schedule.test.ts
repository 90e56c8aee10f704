import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../../src/shared/backoff.js'
import { AGE_DIVISOR, JITTER_FRACTION } from '../../../src/shared/pacing.js'
import {
  QUIET_AGE_CAP_MS,
  nextPollDelay,
  quietAgeMs,
  requestedAtOf,
  type ScheduleInput
} from '../../../src/wait/poll-schedule.js'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const S = 1000
const MIN = 10 * S
const MAX = 60 * S
const fixed = (value: number) => () => value

/** A round that answered, no change in it, with one pending pack of `ageMs`. */
function input(overrides: Partial<ScheduleInput> & { ages?: (number | undefined)[] }) {
  const { ages = [0], ...rest } = overrides
  return {
    now: NOW,
    pendingRequestedAt: ages.map((age) => (age === undefined ? undefined : NOW - age)),
    roundsSinceChange: 1,
    failedRounds: 0,
    minDelayMs: MIN,
    maxDelayMs: MAX,
    random: fixed(0),
    ...rest
  }
}

describe('nextPollDelay: the quiet period', () => {
  it('waits until a fresh deployment is 40 s old', () => {
    expect(nextPollDelay(input({ ages: [0] }))).toEqual({ delayMs: 40 * S, reason: 'quiet' })
    expect(nextPollDelay(input({ ages: [12 * S] })).delayMs).toBe(28 * S)
  })

  it('keeps min-delay between polls when the quiet age is nearly reached', () => {
    expect(nextPollDelay(input({ ages: [35 * S] }))).toEqual({ delayMs: MIN, reason: 'quiet' })
  })

  it('is four min-delays of age, never more than 40 s', () => {
    expect(quietAgeMs(1 * S)).toBe(4 * S)
    expect(quietAgeMs(5 * S)).toBe(20 * S)
    expect(quietAgeMs(10 * S)).toBe(QUIET_AGE_CAP_MS)
    expect(quietAgeMs(30 * S)).toBe(QUIET_AGE_CAP_MS)
    expect(nextPollDelay(input({ ages: [0], minDelayMs: 1 * S })).delayMs).toBe(4 * S)
  })

  it('is cut short by max-delay, which bounds every pause', () => {
    expect(nextPollDelay(input({ ages: [0], maxDelayMs: 30 * S })).delayMs).toBe(30 * S)
  })

  it('treats a request time ahead of the clock as a deployment of age 0', () => {
    const ahead = { pendingRequestedAt: [NOW + 2 * S] }
    expect(nextPollDelay({ ...input({}), ...ahead })).toEqual({ delayMs: 40 * S, reason: 'quiet' })
  })

  it('is not shortened by another pack changing state', () => {
    const changed = nextPollDelay(input({ ages: [5 * S, 10 * 60 * S], roundsSinceChange: 0 }))
    expect(changed).toEqual({ delayMs: 35 * S, reason: 'quiet' })
  })
})

describe('nextPollDelay: the grid near the likely completion', () => {
  it('polls every min-delay once the deployment is past its quiet age', () => {
    for (const age of [40 * S, 61 * S, 5 * 60 * S, 20 * 60 * S]) {
      expect(nextPollDelay(input({ ages: [age] })), `age ${age}`).toEqual({
        delayMs: MIN,
        reason: 'grid'
      })
    }
  })

  it('adds at most a tenth of min-delay of jitter', () => {
    const top = nextPollDelay(input({ ages: [90 * S], random: fixed(0.999_999) })).delayMs
    expect(top).toBe(Math.round(MIN + 0.999_999 * JITTER_FRACTION * MIN))
    expect(top).toBeLessThanOrEqual(MIN * (1 + JITTER_FRACTION))
    expect(nextPollDelay(input({ ages: [90 * S], random: fixed(0.5) })).delayMs).toBe(10_500)
  })
})

describe('nextPollDelay: long deployments', () => {
  it('polls every 1/120 of the age once that is longer than min-delay', () => {
    expect(AGE_DIVISOR).toBe(120)
    expect(nextPollDelay(input({ ages: [40 * 60 * S] }))).toEqual({
      delayMs: 20 * S,
      reason: 'long'
    })
    expect(nextPollDelay(input({ ages: [90 * 60 * S] })).delayMs).toBe(45 * S)
  })

  it('never pauses longer than max-delay', () => {
    expect(nextPollDelay(input({ ages: [5 * 3600 * S], random: fixed(0.9) })).delayMs).toBe(MAX)
  })

  it('goes back to min-delay for one round after a pack changed state', () => {
    const ages = [40 * 60 * S]
    expect(nextPollDelay(input({ ages, roundsSinceChange: 0 }))).toEqual({
      delayMs: MIN,
      reason: 'changed'
    })
    expect(nextPollDelay(input({ ages, roundsSinceChange: 1 })).delayMs).toBe(20 * S)
  })
})

describe('nextPollDelay: several pending packs', () => {
  it('follows the youngest, spending no poll on an older pack while it is quiet', () => {
    for (const ages of [
      [5 * S, 10 * 60 * S],
      [10 * 60 * S, 5 * S, 3 * 60 * S]
    ]) {
      expect(nextPollDelay(input({ ages }))).toEqual({ delayMs: 35 * S, reason: 'quiet' })
    }
  })

  it('serves the old packs with the young one’s grid once it is past its quiet age', () => {
    expect(nextPollDelay(input({ ages: [2 * 60 * S, 3 * 3600 * S] }))).toEqual({
      delayMs: MIN,
      reason: 'grid'
    })
  })
})

describe('nextPollDelay: packs of unknown age', () => {
  it('backs off from min-delay by rounds since the last change', () => {
    for (const rounds of [0, 1, 2, 3, 6]) {
      const random = fixed(0.7)
      expect(
        nextPollDelay(input({ ages: [undefined], roundsSinceChange: rounds, random }))
      ).toEqual({ delayMs: backoffDelay(rounds, MIN, MAX, fixed(0.7)), reason: 'unknown-age' })
    }
    expect(nextPollDelay(input({ ages: [undefined], roundsSinceChange: 0 })).delayMs).toBe(MIN)
  })

  it('polls for an unknown pack sooner than a known one would ask', () => {
    const delay = nextPollDelay(input({ ages: [0, undefined], roundsSinceChange: 1 }))
    expect(delay).toEqual({ delayMs: backoffDelay(1, MIN, MAX, fixed(0)), reason: 'unknown-age' })
  })

  it('keeps the known schedule when it asks sooner than the backoff', () => {
    const delay = nextPollDelay(input({ ages: [90 * S, undefined], roundsSinceChange: 4 }))
    expect(delay).toEqual({ delayMs: MIN, reason: 'grid' })
  })
})

describe('nextPollDelay: throttling and transient failures', () => {
  it('backs off exponentially with the failed rounds, up to max-delay', () => {
    const delays = [1, 2, 3, 4, 8].map(
      (failedRounds) =>
        nextPollDelay(input({ ages: [90 * S], failedRounds, random: fixed(1) })).delayMs
    )
    expect(delays).toEqual([20 * S, 40 * S, MAX, MAX, MAX])
    const once = nextPollDelay(input({ ages: [90 * S], failedRounds: 1, random: fixed(0.5) }))
    expect(once).toEqual({ delayMs: 15 * S, reason: 'throttled' })
  })

  it('never polls sooner than the schedule would have', () => {
    expect(nextPollDelay(input({ ages: [0], failedRounds: 1 }))).toEqual({
      delayMs: 40 * S,
      reason: 'quiet'
    })
  })

  it('backs off the same when no pack is known yet (a listing of every pack that fails)', () => {
    const delays = [1, 2, 3, 4, 8].map(
      (failedRounds) => nextPollDelay(input({ ages: [], failedRounds, random: fixed(1) })).delayMs
    )
    expect(delays).toEqual([20 * S, 40 * S, MAX, MAX, MAX])
    expect(nextPollDelay(input({ ages: [], failedRounds: 1, random: fixed(0.5) }))).toEqual({
      delayMs: 15 * S,
      reason: 'throttled'
    })
    // Each mode backs off alike: no pack known, packs named but never answered for.
    for (const failedRounds of [1, 2, 3, 6]) {
      for (const r of [0, 0.4, 0.999]) {
        const none = nextPollDelay(input({ ages: [], failedRounds, random: fixed(r) }))
        const named = nextPollDelay(input({ ages: [undefined], failedRounds, random: fixed(r) }))
        expect(none.delayMs).toBe(named.delayMs)
      }
    }
  })

  it('backs off when the first round failed and no pack has an age yet', () => {
    const first = nextPollDelay(input({ ages: [undefined], failedRounds: 2, random: fixed(1) }))
    expect(first).toEqual({ delayMs: 40 * S, reason: 'throttled' })
  })
})

describe('nextPollDelay: bounds', () => {
  it('stays within [min-delay, max-delay] in whole ms for any age, history and draw', () => {
    for (const age of [undefined, 0, 3 * S, 39_999, 40 * S, 600 * S, 7200 * S, 1e9]) {
      for (const roundsSinceChange of [0, 1, 5, 40]) {
        for (const failedRounds of [0, 1, 3, 40]) {
          for (const r of [0, 0.3, 0.999_999]) {
            const { delayMs } = nextPollDelay(
              input({ ages: [age], roundsSinceChange, failedRounds, random: fixed(r) })
            )
            const at = `age ${age}, rounds ${roundsSinceChange}, failed ${failedRounds}, r ${r}`
            expect(delayMs, at).toBeGreaterThanOrEqual(MIN)
            expect(delayMs, at).toBeLessThanOrEqual(MAX)
            expect(Number.isInteger(delayMs), at).toBe(true)
          }
        }
      }
    }
  })

  it('answers min-delay when no pack is known yet and the round answered', () => {
    expect(nextPollDelay(input({ ages: [] }))).toEqual({ delayMs: MIN, reason: 'none-known' })
  })
})

describe('requestedAtOf', () => {
  const requestedAt = new Date('2026-12-01T08:00:00Z')
  const updatedAt = new Date('2026-12-01T08:01:00Z')
  const detail = { name: 'p', state: 'CREATE_IN_PROGRESS' as const }

  it('is the request time of an account pack, else an organization pack’s last update', () => {
    expect(
      requestedAtOf({ name: 'p', state: 'CREATE_IN_PROGRESS', detail: { ...detail, requestedAt } })
    ).toBe(requestedAt.getTime())
    expect(
      requestedAtOf({ name: 'p', state: 'CREATE_IN_PROGRESS', detail: { ...detail, updatedAt } })
    ).toBe(updatedAt.getTime())
    expect(requestedAtOf({ name: 'p', state: 'CREATE_IN_PROGRESS', detail })).toBeUndefined()
  })

  it('is unknown for a pack never answered for, not there, or showing an earlier deployment', () => {
    expect(requestedAtOf(undefined)).toBeUndefined()
    expect(requestedAtOf({ name: 'p', state: 'UNKNOWN' })).toBeUndefined()
    expect(
      requestedAtOf({ name: 'p', state: 'NOT_FOUND', detail: { ...detail, requestedAt } })
    ).toBeUndefined()
    expect(
      requestedAtOf({
        name: 'p',
        state: 'PREVIOUS_DEPLOYMENT',
        detail: { ...detail, requestedAt },
        shownRequestedAt: requestedAt,
        awaitedAfter: updatedAt
      })
    ).toBeUndefined()
  })
})
