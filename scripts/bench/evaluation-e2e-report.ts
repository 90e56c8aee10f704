/**
 * The evaluation wait's end-to-end runs (evaluation-e2e.ts) set against the simulation of the
 * same cells (evaluation.ts): per series and cell, the figures, the simulation's, and whether
 * they agree within the noise that 12 runs carry.
 */
import { actionPause, simulateReads, type Stats } from './evaluation.js'
import {
  EVAL_E2E_CELLS,
  EVAL_E2E_SERIES,
  evaluationTimeS,
  runEvaluationE2E,
  type EvalE2ECell,
  type EvalE2ESample
} from './evaluation-e2e.js'
import { table } from './report.js'
import { quantile } from './simulate-report.js'
import { seededRandom } from './simulate.js'
import { median, type TargetCheck } from './summarize.js'

/** Simulated series per band; the band runs from the 0.5th to the 99.5th percentile. */
export const BAND_TRIALS = 4000
export const BAND_QUANTILES = [0.005, 0.995] as const
const BAND_SEED = 20_261_206

export interface SeriesStats {
  readonly runs: number
  readonly meanReads: number
  readonly minReads: number
  readonly maxReads: number
  /** Simulated seconds, to the read that saw the evaluation. */
  readonly readMedianS: number
  readonly readP90S: number
  /** Simulated seconds, to the step's end. */
  readonly endMedianS: number
  readonly endP90S: number
  /** Real ms from the read that saw the evaluation to the step's end. */
  readonly tailMedianMs: number
}

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b)

/** Mean reads; median (middle two averaged) and p90 (nearest rank) of the detections. */
export function seriesStats(samples: readonly EvalE2ESample[]): SeriesStats {
  if (!samples.length) throw new Error('no runs to sum up')
  const reads = samples.map((s) => s.reads)
  return {
    runs: samples.length,
    meanReads: reads.reduce((a, b) => a + b, 0) / reads.length,
    minReads: Math.min(...reads),
    maxReads: Math.max(...reads),
    readMedianS: median(samples.map((s) => s.readDetectionS)),
    readP90S: quantile(sorted(samples.map((s) => s.readDetectionS)), 0.9),
    endMedianS: median(samples.map((s) => s.endDetectionS)),
    endP90S: quantile(sorted(samples.map((s) => s.endDetectionS)), 0.9),
    tailMedianMs: median(samples.map((s) => s.tailMs))
  }
}

export interface Band {
  readonly reads: readonly [number, number]
  readonly medianS: readonly [number, number]
}

/**
 * How far a series' mean reads and median detection move by chance alone: `trials` series of
 * the simulation over the same evaluation times (seconds) as the series, with fresh jitter,
 * and the range between BAND_QUANTILES of each figure. `roundsMs` (simulated): the time rounds
 * took, one drawn at random added to every pause; the simulation otherwise leaves it out.
 */
export function noiseBand(
  timesS: readonly number[],
  options: { readonly trials?: number; readonly roundsMs?: readonly number[] } = {}
): Band {
  const { trials = BAND_TRIALS, roundsMs = [0] } = options
  const random = seededRandom(BAND_SEED)
  const pause = actionPause(random)
  const round = (): number => roundsMs[Math.floor(random() * roundsMs.length)] ?? 0
  const reads: number[] = []
  const medians: number[] = []
  for (let t = 0; t < trials; t++) {
    const runs = timesS.map((s) => simulateReads([s * 1000], (v) => pause(v) + round()))
    reads.push(runs.reduce((n, r) => n + r.reads, 0) / runs.length)
    medians.push(median(runs.map((r) => r.detectionMs / 1000)))
  }
  const range = (values: number[]): [number, number] => {
    const s = sorted(values)
    return [quantile(s, BAND_QUANTILES[0]), quantile(s, BAND_QUANTILES[1])]
  }
  return { reads: range(reads), medianS: range(medians) }
}

export interface E2ERow {
  readonly cell: EvalE2ECell
  readonly series: number
  readonly stats: SeriesStats
  readonly band: Band
  readonly readsAgree: boolean
  readonly medianAgrees: boolean
  /** Real ms: the mean of the series' overheads (every cell), a round's own time. */
  readonly roundMs: number
  /** The band once every round takes a time drawn from the series' overheads (scaled). */
  readonly roundBand: Band
  readonly agreesWithRounds: boolean
}

const within = (x: number, [lo, hi]: readonly [number, number]): boolean => x >= lo && x <= hi

/** One row per cell and series, with the noise band of that series' evaluation times. */
export function e2eRows(
  samples: readonly EvalE2ESample[],
  cells: readonly EvalE2ECell[],
  seriesCount: number,
  trials = BAND_TRIALS
): E2ERow[] {
  return cells.flatMap((cell) =>
    Array.from({ length: seriesCount }, (_, i) => i + 1).flatMap((series) => {
      const own = samples.filter((s) => s.cell === cell.id && s.series === series)
      if (!own.length) return []
      const runs = own.length
      const times = Array.from({ length: runs }, (_, run) =>
        evaluationTimeS(cell.minutes, run, runs, series, seriesCount)
      )
      const stats = seriesStats(own)
      const band = noiseBand(times, { trials })
      const overheads = samples.filter((s) => s.series === series).flatMap((s) => s.overheadsMs)
      const roundMs = overheads.length ? overheads.reduce((a, b) => a + b, 0) / overheads.length : 0
      const scale = own[0].raw.scale
      const roundBand = noiseBand(times, { trials, roundsMs: overheads.map((ms) => ms * scale) })
      return [
        {
          cell,
          series,
          stats,
          band,
          readsAgree: within(stats.meanReads, band.reads),
          medianAgrees: within(stats.readMedianS, band.medianS),
          roundMs,
          roundBand,
          agreesWithRounds:
            within(stats.meanReads, roundBand.reads) && within(stats.readMedianS, roundBand.medianS)
        }
      ]
    })
  )
}

const f1 = (x: number): string => x.toFixed(1)
const f2 = (x: number): string => x.toFixed(2)

export interface E2ESection {
  readonly text: string
  /** Every series of every cell within the noise on reads and median detection. */
  readonly agrees: boolean
  readonly rows: readonly E2ERow[]
}

const range1 = ([lo, hi]: readonly [number, number]): string => `${f1(lo)}-${f1(hi)} s`
const range2 = ([lo, hi]: readonly [number, number]): string => `${f2(lo)}-${f2(hi)}`

function verdict(r: E2ERow): string {
  const off = [
    r.readsAgree ? '' : 'mean reads outside the noise',
    r.medianAgrees ? '' : 'median detection outside the noise'
  ].filter(Boolean)
  if (!off.length) return 'yes'
  return `**no**: ${off.join(', ')}; ${r.agreesWithRounds ? 'within it once rounds take their measured time' : 'also once rounds take their measured time'}`
}

export function evaluationE2ESection(input: {
  readonly samples: readonly EvalE2ESample[]
  readonly seriesCount: number
  readonly runs: number
  readonly scale: number
  readonly simulated: (id: string) => Stats | undefined
  readonly simulationRuns: number
  readonly cells?: readonly EvalE2ECell[]
  readonly trials?: number
}): E2ESection {
  const cells = input.cells ?? EVAL_E2E_CELLS
  const rows = e2eRows(input.samples, cells, input.seriesCount, input.trials)
  const sim = (id: string): string => {
    const s = input.simulated(id)
    return s ? `${f1(s.meanReads)}, ${f1(s.medianS)} / ${f1(s.p90S)} s` : 'n/a'
  }
  const body = table(
    [
      'Evaluated after',
      'Series',
      'Status reads: mean (min-max)',
      'Detection at the read: median / p90',
      "Detection at the step's end: median / p90",
      'Exit after the read: median',
      `Simulated, ${input.simulationRuns.toLocaleString('en-US')} runs: reads, median / p90`,
      'Noise: mean reads; median detection',
      'Noise, rounds taking their measured time',
      'Agrees'
    ],
    rows.map((r) => [
      r.cell.title,
      String(r.series),
      `${f2(r.stats.meanReads)} (${r.stats.minReads}-${r.stats.maxReads})`,
      `${f1(r.stats.readMedianS)} / ${f1(r.stats.readP90S)} s`,
      `${f1(r.stats.endMedianS)} / ${f1(r.stats.endP90S)} s`,
      `${Math.round(r.stats.tailMedianMs)} ms (${f1((r.stats.tailMedianMs * input.scale) / 1000)} s scaled)`,
      sim(r.cell.id),
      `${range2(r.band.reads)}; ${range1(r.band.medianS)}`,
      `${range2(r.roundBand.reads)}; ${range1(r.roundBand.medianS)}`,
      verdict(r)
    ])
  )
  const after = input.samples.filter((s) => s.readsAfter > 0).length
  const agrees = rows.length > 0 && rows.every((r) => r.readsAgree && r.medianAgrees)
  const misses = rows.filter((r) => !r.readsAgree || !r.medianAgrees)
  const explained = misses.every((r) => r.agreesWithRounds)
  const perSeries = [...new Map(rows.map((r) => [r.series, r.roundMs])).entries()]
    .map(
      ([series, ms]) =>
        `series ${series}: ${ms.toFixed(1)} ms (${f2((ms * input.scale) / 1000)} s scaled)`
    )
    .join(', ')
  const text = [
    body,
    '',
    `A round's own time (real ms from the end of the pause the action planned to the arrival of the next read, mean over every round of the series; the noise band with rounds draws from them all): ${perSeries}.`,
    `Runs that read the statuses again after the read that saw the evaluation: ${after} of ${input.samples.length}.`,
    misses.length
      ? `Off the simulation beyond the noise: ${misses.map((r) => `${r.cell.title}, series ${r.series}`).join('; ')}. ${explained ? "Each is within the noise once every round takes its measured time: the simulation's reads take 0 ms, so over minutes its grid runs a little ahead of the action's." : 'Not all of them are explained by the time a round takes.'}`
      : 'Every series of every cell agrees with the simulation within the noise, on mean status reads and on median detection.'
  ].join('\n')
  return { text, agrees, rows }
}

/** The benchmark's target line for these runs. */
export function e2eTarget(
  section: E2ESection | undefined,
  runs: number,
  seriesCount: number
): TargetCheck {
  const target =
    'Evaluation wait end to end: the built action on Node 24 as simulated at 1, 3 and 6 min (each series’ mean status reads and median detection within the 99 % noise band of its runs)'
  if (!section) return { target, measured: 'not measured in this run', met: undefined }
  const misses = section.rows.filter((r) => !r.readsAgree || !r.medianAgrees)
  return {
    target,
    measured: `${seriesCount} series × ${runs} runs a cell; ${section.rows.length - misses.length} of ${section.rows.length} series within the noise; see "The evaluation wait, end to end"`,
    met: section.agrees,
    reason: misses.length
      ? `off the simulation beyond the noise: ${misses.map((r) => `${r.cell.title}, series ${r.series} (${verdict(r).replace('**no**: ', '')})`).join('; ')}`
      : undefined
  }
}

/** Runs every cell's series end to end and sets them against the simulation. */
export async function evaluationEndToEnd(options: {
  readonly runs: number
  readonly scale: number
  readonly simulated: (id: string) => Stats | undefined
  readonly simulationRuns: number
  readonly progress: (line: string) => void
}): Promise<E2ESection> {
  const samples = await runEvaluationE2E({
    cells: EVAL_E2E_CELLS,
    runs: options.runs,
    series: EVAL_E2E_SERIES,
    scale: options.scale,
    progress: options.progress
  })
  return evaluationE2ESection({ ...options, samples, seriesCount: EVAL_E2E_SERIES })
}
