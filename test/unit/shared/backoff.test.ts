import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../../src/shared/backoff.js'

const MIN = 5_000
const MAX = 30_000
const fixed = (value: number) => () => value

describe('backoffDelay', () => {
  it('gives exactly min at attempt 0, whatever the random draw', () => {
    for (const r of [0, 0.25, 0.5, 0.999, 1]) {
      expect(backoffDelay(0, MIN, MAX, fixed(r))).toBe(MIN)
    }
  })

  it('doubles from min with random fixed at 1, capped at max', () => {
    const delays = [0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, MIN, MAX, fixed(1)))
    expect(delays).toEqual([5_000, 10_000, 20_000, 30_000, 30_000, 30_000])
  })

  it('stays within [min, max] for any attempt and draw', () => {
    for (let attempt = 0; attempt <= 40; attempt++) {
      for (const r of [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999_999, 1]) {
        const delay = backoffDelay(attempt, MIN, MAX, fixed(r))
        expect(delay, `attempt ${attempt}, random ${r}`).toBeGreaterThanOrEqual(MIN)
        expect(delay, `attempt ${attempt}, random ${r}`).toBeLessThanOrEqual(MAX)
      }
    }
  })

  it('never shrinks as the attempt grows (same draw)', () => {
    for (const r of [0, 0.5, 1]) {
      let previous = 0
      for (let attempt = 0; attempt <= 10; attempt++) {
        const delay = backoffDelay(attempt, 1_000, 60_000, fixed(r))
        expect(delay).toBeGreaterThanOrEqual(previous)
        previous = delay
      }
    }
  })

  it('jitters: random 0 and 1 give different delays from attempt 2 on', () => {
    for (const attempt of [2, 3, 5, 10]) {
      const low = backoffDelay(attempt, MIN, MAX, fixed(0))
      const high = backoffDelay(attempt, MIN, MAX, fixed(1))
      expect(low, `attempt ${attempt}`).toBeLessThan(high)
    }
    // Equal jitter: the draw picks a point in the upper half of the step.
    expect(backoffDelay(2, MIN, MAX, fixed(0))).toBe(10_000)
    expect(backoffDelay(2, MIN, MAX, fixed(0.5))).toBe(15_000)
  })

  it('does not overflow for a huge attempt', () => {
    const delay = backoffDelay(1000, MIN, MAX, fixed(1))
    expect(delay).toBe(MAX)
    expect(Number.isFinite(backoffDelay(1000, MIN, MAX, fixed(0)))).toBe(true)
    expect(backoffDelay(1000, MIN, MAX, fixed(0))).toBeLessThanOrEqual(MAX)
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, MIN, MAX, fixed(1))).toBe(MAX)
  })

  it('returns whole milliseconds', () => {
    for (const r of [0.123, 0.456, 0.789]) {
      expect(Number.isInteger(backoffDelay(3, 1_001, 9_999, fixed(r)))).toBe(true)
    }
  })

  it('uses Math.random by default and stays in range', () => {
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(3, MIN, MAX)
      expect(delay).toBeGreaterThanOrEqual(MIN)
      expect(delay).toBeLessThanOrEqual(MAX)
    }
  })
})
