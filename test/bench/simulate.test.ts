import { describe, expect, it } from 'vitest'
import {
  CONTENDERS,
  SIM_SCENARIOS,
  differingCells,
  drawPacks,
  quantile,
  simulateCell,
  simulateGrid,
  type Contender,
  type SimScenario
} from '../../scripts/bench/simulate-report.js'
import {
  actionSchedule,
  backoffSchedule,
  fixedBatched,
  fixedPerPack,
  runSchedule,
  sdkWaiter,
  seededRandom,
  type PerPackSchedule,
  type SimPack
} from '../../scripts/bench/simulate.js'

// The simulation's mechanics on cases worked out by hand. How well any schedule does is the
// benchmark's business, not this file's.

const S = 1000
const pack = (doneAtS: number, requestedAtS = 0): SimPack => ({
  requestedAt: requestedAtS * S,
  doneAt: doneAtS * S
})
const fixed = (value: number) => () => value
const aged = SIM_SCENARIOS.find((s) => s.id === 'aged') ?? SIM_SCENARIOS[0]

function perPackDelays(schedule: ReturnType<typeof sdkWaiter>, attempts: number, r: number) {
  const next = (schedule as { next: PerPackSchedule }).next
  return Array.from({ length: attempts }, (_, i) => next(i + 1, fixed(r)) / S)
}

describe('the simulated waits', () => {
  it('a fixed 10 s poller sees a pack done at 25 s at 30 s, on its 4th call', () => {
    expect(runSchedule(fixedPerPack(10 * S), [pack(25)], fixed(0))).toEqual({
      calls: 4,
      detectionMs: 5 * S
    })
  })

  it('a request at the very moment of completion sees the pack done', () => {
    expect(runSchedule(fixedPerPack(10 * S), [pack(30)], fixed(0))).toEqual({
      calls: 4,
      detectionMs: 0
    })
    expect(runSchedule(fixedBatched(10 * S), [pack(0)], fixed(0))).toEqual({
      calls: 1,
      detectionMs: 0
    })
  })

  it('per pack, calls add up over the packs; batched, one call a round', () => {
    const packs = [pack(25), pack(47)]
    expect(runSchedule(fixedPerPack(10 * S), packs, fixed(0))).toEqual({
      calls: 4 + 6,
      detectionMs: 3 * S
    })
    expect(runSchedule(fixedBatched(10 * S), packs, fixed(0))).toEqual({
      calls: 6,
      detectionMs: 3 * S
    })
  })

  it('drives the old default as the wait loop did: 5 s, then doubling to 30 s', () => {
    // Polls at 0, 5, 15, 35, 65, 95, 125 s with the jitter at its top.
    expect(runSchedule(backoffSchedule(5 * S, 30 * S), [pack(100)], fixed(1))).toEqual({
      calls: 7,
      detectionMs: 25 * S
    })
  })

  it('resets the old default to min-delay after a pack finished', () => {
    // 0, 5, 15 (first pack seen done), 20, 30, 50, 80, 110 s.
    const packs = [pack(7), pack(100)]
    expect(runSchedule(backoffSchedule(5 * S, 30 * S), packs, fixed(1))).toEqual({
      calls: 8,
      detectionMs: 10 * S
    })
  })

  it('drives the new schedule: quiet until 40 s of age, then every 10 s', () => {
    // 0, 40, 50, 60 s with no jitter.
    expect(runSchedule(actionSchedule(10 * S, 60 * S), [pack(55)], fixed(0))).toEqual({
      calls: 4,
      detectionMs: 5 * S
    })
  })

  it('gives the new schedule each pending pack’s request time', () => {
    // A pack already 5 min old is past its quiet age: the grid starts at once.
    expect(runSchedule(actionSchedule(10 * S, 60 * S), [pack(25, -300)], fixed(0))).toEqual({
      calls: 4,
      detectionMs: 5 * S
    })
  })

  it('transcribes the SDK waiter’s delays: [min, min·2^(n-1)], then max', () => {
    expect(perPackDelays(sdkWaiter(2, 120), 8, 1)).toEqual([2, 4, 8, 16, 32, 64, 120, 120])
    expect(perPackDelays(sdkWaiter(2, 120), 8, 0)).toEqual([2, 2, 2, 2, 2, 2, 120, 120])
    expect(perPackDelays(sdkWaiter(30, 120), 5, 1)).toEqual([30, 60, 120, 120, 120])
  })
})

describe('the statistics', () => {
  it('takes nearest-rank quantiles', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(quantile(sorted, 0.5)).toBe(5)
    expect(quantile(sorted, 0.9)).toBe(9)
    expect(quantile([4], 0.9)).toBe(4)
  })

  it('draws the same numbers from the same seed, in [0, 1)', () => {
    const a = seededRandom(42)
    const b = seededRandom(42)
    const draws = Array.from({ length: 1000 }, () => a())
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Set(draws).size).toBe(1000)
  })

  it('gives the same cell from the same seed, and counts its runs', () => {
    const [contender] = CONTENDERS
    const [scenario] = SIM_SCENARIOS
    const first = simulateCell(contender, scenario, 200, 9)
    expect(simulateCell(contender, scenario, 200, 9)).toEqual(first)
    expect(first.runs).toBe(200)
  })

  it('averages calls and ranks detections over the runs', () => {
    // Always done at 25 s under a fixed 10 s poller: seen at 30 s, on the 4th call.
    const at25: SimScenario = {
      id: 'at25',
      title: 'done at 25 s',
      packs: [{ requestedAtS: 0, doneFromS: 25, doneToS: 25 }]
    }
    const fixed10: Contender = { id: 'f', label: 'fixed 10 s', schedule: fixedPerPack(10 * S) }
    expect(simulateCell(fixed10, at25, 300, 3)).toEqual({
      runs: 300,
      meanCalls: 4,
      medianS: 5,
      p90S: 5
    })
  })

  it('draws each pack within its scenario, at its request time', () => {
    const random = seededRandom(5)
    for (let i = 0; i < 1000; i++) {
      const [young, old] = drawPacks(aged, random)
      expect(young.requestedAt).toBe(0)
      expect(young.doneAt).toBeGreaterThanOrEqual(45 * S)
      expect(young.doneAt).toBeLessThanOrEqual(75 * S)
      expect(old.requestedAt).toBe(-300 * S)
      expect(old.doneAt).toBeGreaterThanOrEqual(165 * S)
      expect(old.doneAt).toBeLessThanOrEqual(195 * S)
    }
  })
})

describe('the grid of cells', () => {
  const few = CONTENDERS.slice(0, 2)
  const scenarios = SIM_SCENARIOS.slice(0, 2)

  it('is reproducible: the same seed gives the same cells, and a changed cell is named', () => {
    const a = simulateGrid(few, scenarios, 200, 1)
    const b = simulateGrid(few, scenarios, 200, 1)
    expect(differingCells(a, b)).toEqual([])
    const c = simulateGrid(few, scenarios, 200, 2)
    expect(differingCells(a, c).length).toBeGreaterThan(0)
  })

  it('freezes each cell and refuses contenders that share an id', () => {
    const grid = simulateGrid(few, scenarios, 50, 1)
    for (const stats of grid.values()) expect(Object.isFrozen(stats)).toBe(true)
    expect(() => simulateGrid([few[0], few[0]], scenarios, 50, 1)).toThrow(/share a key/)
  })
})
