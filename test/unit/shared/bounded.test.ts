import { describe, expect, it } from 'vitest'
import { runBounded } from '../../../src/shared/bounded.js'

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1))

describe('runBounded', () => {
  it('runs at most `limit` tasks at once and keeps every value in task order', async () => {
    let inFlight = 0
    let peak = 0
    const tasks = Array.from({ length: 9 }, (_, i) => async () => {
      peak = Math.max(peak, ++inFlight)
      await tick()
      inFlight--
      return i * 2
    })
    const outcomes = await runBounded(tasks, 4)
    expect(peak).toBe(4)
    expect(outcomes.map((o) => o?.kind === 'ok' && o.value)).toEqual([
      0, 2, 4, 6, 8, 10, 12, 14, 16
    ])
  })

  it('starts no task after one failed, and waits for those in flight', async () => {
    const started: number[] = []
    const tasks = Array.from({ length: 8 }, (_, i) => async () => {
      started.push(i)
      await tick()
      if (i === 0) throw new Error('throttled')
      return i
    })
    const outcomes = await runBounded(tasks, 2)
    expect(started).toEqual([0, 1])
    expect(outcomes[0]).toEqual({ kind: 'failed', error: new Error('throttled') })
    expect(outcomes[1]).toEqual({ kind: 'ok', value: 1 })
    expect(outcomes.slice(2)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined
    ])
  })
})
