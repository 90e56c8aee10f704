import { describe, expect, it } from 'vitest'
import {
  evaluationTimeS,
  measureOf,
  plannedPauses,
  runEvaluationE2E,
  type EvalE2ERaw,
  type EvalE2ESample
} from '../../scripts/bench/evaluation-e2e.js'
import {
  evaluationE2ESection,
  noiseBand,
  seriesStats
} from '../../scripts/bench/evaluation-e2e-report.js'

// The harness's arithmetic, on hand-made records and on one tiny run of the built action.
// No timing is checked here: the benchmark's numbers belong in docs/benchmarks.md.

const raw = (overrides: Partial<EvalE2ERaw> = {}): EvalE2ERaw => ({
  anchorAt: 90,
  statusReadsAt: [100, 2100, 3150, 4200],
  statusReadsCounted: 4,
  plannedPausesMs: [1990, 1000, 1000],
  evaluationAt: 3000,
  endAt: 4250,
  scale: 10,
  ...overrides
})

const sample = (reads: number, readDetectionS: number, extra: Partial<EvalE2ESample> = {}) =>
  ({
    cell: '1m',
    series: 1,
    evaluationS: 60,
    raw: raw(),
    reads,
    readDetectionS,
    endDetectionS: readDetectionS + 0.5,
    tailMs: 50,
    readsAfter: 0,
    overheadsMs: [],
    ...extra
  }) satisfies EvalE2ESample

describe('a run’s figures', () => {
  it('takes the first read at or after the evaluation as the one that saw it, in scaled seconds', () => {
    expect(measureOf(raw())).toEqual({
      reads: 4,
      readDetectionS: 1.5, // (3150 - 3000) ms × 10
      endDetectionS: 12.5, // (4250 - 3000) ms × 10
      tailMs: 1100,
      readsAfter: 1,
      overheadsMs: [10, 50, 50] // each gap less the pause planned before it
    })
    expect(measureOf(raw({ evaluationAt: 3150 })).readDetectionS).toBe(0)
  })

  it('refuses a run whose records do not add up', () => {
    expect(() => measureOf(raw({ evaluationAt: 5000, endAt: 6000 }))).toThrow(/no status read/)
    expect(() => measureOf(raw({ statusReadsCounted: 5 }))).toThrow(/5 status reads counted/)
    expect(() => measureOf(raw({ plannedPausesMs: [1990] }))).toThrow(/1 planned pauses/)
    expect(() => measureOf(raw({ endAt: 3100 }))).toThrow(/ended before/)
  })

  it('reads the planned pauses from the action’s debug log, in order', () => {
    const log = [
      '::debug::evaluation round 1: 1 rule(s) unsettled; next read in 1994 ms (quiet)',
      'bench-evaluated-pack: a line of its own',
      '::debug::evaluation round 2: 1 rule(s) unsettled; next read in 1043 ms (grid)'
    ].join('\n')
    expect(plannedPauses(log)).toEqual([1994, 1043])
  })
})

describe('the evaluation times', () => {
  it('spread each series evenly over the minute ± 15 s, the series interleaved', () => {
    const times = [1, 2].flatMap((series) =>
      Array.from({ length: 12 }, (_, run) => evaluationTimeS(3, run, 12, series, 2))
    )
    const sorted = [...times].sort((a, b) => a - b)
    expect(sorted[0]).toBeCloseTo(180 - 15 + 30 / 48)
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeCloseTo(30 / 24)
    expect(evaluationTimeS(1, 0, 1, 1, 1)).toBe(60)
  })
})

describe('a series’ figures', () => {
  it('averages reads, takes the median of the middle two and the p90 by nearest rank', () => {
    const runs = [6, 7, 6, 5].map((reads, i) => sample(reads, [4, 1, 9, 2][i]))
    expect(seriesStats(runs)).toEqual({
      runs: 4,
      meanReads: 6,
      minReads: 5,
      maxReads: 7,
      readMedianS: 3,
      readP90S: 9,
      endMedianS: 3.5,
      endP90S: 9.5,
      tailMedianMs: 50
    })
  })

  it('bands the noise from the simulation; rounds that take time cost fewer reads', () => {
    const times = [60, 61, 62]
    const band = noiseBand(times, { trials: 200 })
    expect(band.reads[0]).toBeLessThanOrEqual(band.reads[1])
    expect(band.medianS[0]).toBeLessThanOrEqual(band.medianS[1])
    expect(noiseBand(times, { trials: 200 })).toEqual(band)
    const slow = noiseBand(times, { trials: 200, roundsMs: [5000] })
    expect(slow.reads[1]).toBeLessThan(band.reads[0])
  })
})

describe('one tiny run of the built action', () => {
  it('counts its status reads and times its detection from its own records', async () => {
    const cell = { id: 'tiny', title: 'tiny', minutes: 1 }
    const samples = await runEvaluationE2E({
      cells: [cell],
      runs: 1,
      series: 1,
      scale: 20,
      progress: () => undefined
    })
    expect(samples).toHaveLength(1)
    const [run] = samples
    expect(run.evaluationS).toBe(60)
    expect(run.raw.evaluationAt).toBe(run.raw.anchorAt + 3000) // 60 s ÷ 20
    expect(run.reads).toBe(run.raw.statusReadsCounted)
    expect(run.reads).toBeGreaterThanOrEqual(2)
    const record = run.raw
    expect(run).toEqual({
      cell: 'tiny',
      series: 1,
      evaluationS: 60,
      raw: record,
      ...measureOf(record)
    })
    // The wait ended on the read that saw the evaluation; every read before it came earlier.
    expect(run.readsAfter).toBe(0)
    const reads = record.statusReadsAt
    expect(reads.slice(0, -1).every((at) => at < record.evaluationAt)).toBe(true)
    expect(reads.at(-1)).toBeGreaterThanOrEqual(record.evaluationAt)
    expect(run.readDetectionS).toBe(((reads.at(-1)! - record.evaluationAt) * 20) / 1000)
    expect(run.endDetectionS).toBeGreaterThanOrEqual(run.readDetectionS)

    const section = evaluationE2ESection({
      samples,
      seriesCount: 1,
      runs: 1,
      scale: 20,
      simulated: () => undefined,
      simulationRuns: 0,
      cells: [cell],
      trials: 50
    })
    expect(section.rows).toHaveLength(1)
    expect(section.rows[0].stats.meanReads).toBe(run.reads)
    expect(section.text.split('\n').filter((l) => l.startsWith('| tiny '))).toHaveLength(1)
  }, 60_000)
})
