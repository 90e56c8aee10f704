/**
 * End-to-end runs of the evaluation wait: the built action (dist/index.js, spawned as the
 * runner does) against the project's emulator, time scaled, with a pack already deployed whose
 * one rule is evaluated a set time after the step's first request. The emulator counts the
 * status reads (DescribeConfigRuleEvaluationStatus) and records when each arrived.
 */
import { runAction } from '../../test/support/run-action.js'
import { EVALUATED_PACK, EvaluationEmulator, STATUS_OPERATION } from './evaluation-emulator.js'
import { ACTION } from './scenarios.js'

/** Simulated ms per real ms, unless `--eval-scale` says otherwise. */
export const EVAL_E2E_TIME_SCALE = 10
/** Runs per cell in a series, unless `--eval-runs` says otherwise. */
export const EVAL_E2E_RUNS = 12
/** Series run one after the other: their spread shows how stable the figures are. */
export const EVAL_E2E_SERIES = 2
/** Each cell's evaluation times spread over its minute ± this many seconds, as simulated. */
export const EVAL_SPREAD_S = 15

export interface EvalE2ECell {
  /** The id of the simulated cell (scripts/bench/evaluation.ts) it is compared with. */
  readonly id: string
  readonly title: string
  readonly minutes: number
}

export const EVAL_E2E_CELLS: readonly EvalE2ECell[] = [1, 3, 6].map((minutes) => ({
  id: `${minutes}m`,
  title: `${minutes} min`,
  minutes
}))

/**
 * Simulated seconds after the step's first request at which run `run` (0-based) of series
 * `series` (1-based) has its rule evaluated: stratified over the cell's minute ± 15 s, one time
 * in each of `runs` equal slices, the series interleaved within the slices, so that a series'
 * times sample the simulation's uniform draw evenly and no two runs share a time.
 */
export function evaluationTimeS(
  minutes: number,
  run: number,
  runs: number,
  series: number,
  seriesCount: number
): number {
  const u = (run + (series - 0.5) / seriesCount) / runs
  return minutes * 60 + (2 * u - 1) * EVAL_SPREAD_S
}

/** What one run leaves behind, in real ms since its emulator started. */
export interface EvalE2ERaw {
  /** The run's first request, from which its evaluation is timed. */
  readonly anchorAt: number
  /** Arrival of each status read, oldest first. */
  readonly statusReadsAt: readonly number[]
  /** The status reads the emulator counted: as many as it recorded. */
  readonly statusReadsCounted: number
  /** The pause the action planned after each round but the last, as its debug log says. */
  readonly plannedPausesMs: readonly number[]
  /** When the rule's evaluation became visible. */
  readonly evaluationAt: number
  /** When the action had exited. */
  readonly endAt: number
  /** Simulated ms per real ms. */
  readonly scale: number
}

export interface EvalE2EMeasure {
  /** Status reads the emulator counted. */
  readonly reads: number
  /** Simulated s from the evaluation to the read that saw it: what the simulation measures. */
  readonly readDetectionS: number
  /** Simulated s from the evaluation to the step's end (every real ms × the scale). */
  readonly endDetectionS: number
  /** Real ms from the read that saw the evaluation to the step's end. */
  readonly tailMs: number
  /** Status reads after the one that saw the evaluation (0: the wait ended on it). */
  readonly readsAfter: number
  /**
   * Real ms by which each read arrived later than the pause planned before it ended: the
   * round's own time (the answer, its handling) and the timer's lateness. The simulation's
   * reads take none.
   */
  readonly overheadsMs: readonly number[]
}

/** The pauses in the action's debug log (src/compliance/evaluation-wait.ts), in order. */
export function plannedPauses(stdout: string): number[] {
  return [...stdout.matchAll(/^::debug::evaluation round \d+:.*next read in (\d+) ms/gm)].map((m) =>
    Number(m[1])
  )
}

/**
 * A run's figures. The read that saw the evaluation is the first to arrive at or after it:
 * the emulator answers a read with what is visible when it arrives (no latency is added).
 */
export function measureOf(raw: EvalE2ERaw): EvalE2EMeasure {
  const index = raw.statusReadsAt.findIndex((at) => at >= raw.evaluationAt)
  if (index < 0) throw new Error('no status read arrived after the evaluation')
  const seenAt = raw.statusReadsAt[index]
  if (raw.endAt < seenAt) throw new Error('the step ended before the read that saw the evaluation')
  const reads = raw.statusReadsAt
  if (raw.statusReadsCounted !== reads.length)
    throw new Error(`${raw.statusReadsCounted} status reads counted, ${reads.length} recorded`)
  if (raw.plannedPausesMs.length !== reads.length - 1)
    throw new Error(
      `${reads.length} status reads but ${raw.plannedPausesMs.length} planned pauses in the log`
    )
  return {
    reads: raw.statusReadsAt.length,
    readDetectionS: ((seenAt - raw.evaluationAt) * raw.scale) / 1000,
    endDetectionS: ((raw.endAt - raw.evaluationAt) * raw.scale) / 1000,
    tailMs: raw.endAt - seenAt,
    readsAfter: raw.statusReadsAt.length - index - 1,
    overheadsMs: raw.plannedPausesMs.map((pause, i) => reads[i + 1] - reads[i] - pause)
  }
}

export interface EvalE2ESample extends EvalE2EMeasure {
  readonly cell: string
  readonly series: number
  readonly evaluationS: number
  readonly raw: EvalE2ERaw
}

/** `seconds` as an input value: the action rounds it to whole ms. */
const inputSeconds = (seconds: number): string => seconds.toFixed(4)

/** One run; `anchored` resolves once the action has sent its first request (or ended). */
function startRun(
  cell: EvalE2ECell,
  series: number,
  evaluationS: number,
  scale: number
): { anchored: Promise<void>; done: Promise<EvalE2ESample> } {
  const timed = new EvaluationEmulator(evaluationS, scale)
  const done = (async () => {
    const endpoint = await timed.start()
    try {
      const run = await runAction({
        inputs: {
          'conformance-pack-names': EVALUATED_PACK,
          region: 'us-east-1',
          compliance: 'report',
          'min-delay-seconds': inputSeconds(ACTION.minDelayS / scale),
          'max-delay-seconds': inputSeconds(ACTION.maxDelayS / scale),
          'timeout-seconds': inputSeconds(ACTION.timeoutS / scale)
        },
        endpoint
      })
      const endAt = timed.now()
      if (run.code !== 0 || run.outputs.result !== 'success') {
        throw new Error(
          `the action ended with code ${run.code}, result ${run.outputs.result} (${cell.title}, ${evaluationS} s):\n${run.stdout}${run.stderr}`
        )
      }
      const raw = {
        anchorAt: timed.anchorAt,
        statusReadsAt: timed.statusReadsAt(),
        statusReadsCounted: timed.emulator.callsOf(STATUS_OPERATION),
        plannedPausesMs: plannedPauses(run.stdout),
        evaluationAt: timed.evaluationAt,
        endAt,
        scale
      }
      return { cell: cell.id, series, evaluationS, raw, ...measureOf(raw) }
    } finally {
      await timed.stop()
    }
  })()
  const ended = done.then(
    () => undefined,
    () => undefined
  )
  return { anchored: Promise.race([timed.anchored, ended]), done }
}

export interface EvalE2EOptions {
  readonly cells: readonly EvalE2ECell[]
  readonly runs: number
  readonly series: number
  readonly scale: number
  readonly progress: (line: string) => void
}

/**
 * Each series runs every cell's runs at once, each against its own emulator. The processes are
 * started one at a time, the next once the last has sent its first request, the latest
 * evaluations first: start-ups (real time, CPU-bound) then overlap no run near its evaluation.
 */
export async function runEvaluationE2E(options: EvalE2EOptions): Promise<EvalE2ESample[]> {
  const samples: EvalE2ESample[] = []
  for (let series = 1; series <= options.series; series++) {
    const started = Date.now()
    const planned = options.cells
      .flatMap((cell) =>
        Array.from({ length: options.runs }, (_, run) => ({
          cell,
          evaluationS: evaluationTimeS(cell.minutes, run, options.runs, series, options.series)
        }))
      )
      .sort((a, b) => b.evaluationS - a.evaluationS)
    const runs: Promise<EvalE2ESample>[] = []
    for (const p of planned) {
      const run = startRun(p.cell, series, p.evaluationS, options.scale)
      runs.push(run.done)
      await run.anchored
    }
    const settled = await Promise.allSettled(runs)
    const failed = settled.find((s) => s.status === 'rejected')
    if (failed) throw failed.reason
    for (const s of settled) if (s.status === 'fulfilled') samples.push(s.value)
    options.progress(
      `evaluation end to end: series ${series}/${options.series}, ${runs.length} runs in ${(Date.now() - started) / 1000} s`
    )
  }
  return samples
}
