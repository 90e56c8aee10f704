/**
 * The schedule comparison by simulation (scripts/bench/simulate.ts): which waits are run, the
 * statistics of each cell, the targets, and the tables `npm run bench` prints.
 */
import {
  actionSchedule,
  backoffSchedule,
  fixedBatched,
  fixedPerPack,
  runSchedule,
  sdkWaiter,
  seededRandom,
  type Schedule,
  type SimPack
} from './simulate.js'

export const SIMULATION_RUNS = 20_000
export const SIMULATION_SEEDS = [20_261_201, 7] as const

/** One pack of a scenario: requested at `requestedAtS`, done uniformly in [doneFromS, doneToS]. */
export interface PackSpec {
  readonly requestedAtS: number
  readonly doneFromS: number
  readonly doneToS: number
}

/** A waiting situation. Times in seconds from the first poll. */
export interface SimScenario {
  readonly id: string
  readonly title: string
  readonly packs: readonly PackSpec[]
}

/** Requested at `requestedAtS` (default t = 0), done at `minutes` ± 15 s. */
const around = (minutes: number, requestedAtS = 0): PackSpec => ({
  requestedAtS,
  doneFromS: minutes * 60 - 15,
  doneToS: minutes * 60 + 15
})

export const durationScenario = (minutes: number): SimScenario => ({
  id: `${minutes}m`,
  title: `${minutes} min`,
  packs: [around(minutes)]
})

export const SIM_SCENARIOS: readonly SimScenario[] = [
  {
    id: 'early',
    title: 'done at 30-45 s',
    packs: [{ requestedAtS: 0, doneFromS: 30, doneToS: 45 }]
  },
  ...[1, 3, 8, 20].map(durationScenario),
  { id: 'mixed', title: '3 packs: 1, 3, 8 min', packs: [around(1), around(3), around(8)] },
  {
    // Ages differ: the schedule must follow the young pack without polls for the old one.
    id: 'aged',
    title: '2 packs: new, done at 1 min; 5 min old, done at 3 min',
    packs: [around(1), around(3, -300)]
  }
]

/** One run's packs, in ms; a draw outside its scenario's range stops the run. */
export function drawPacks(scenario: SimScenario, random: () => number): SimPack[] {
  return scenario.packs.map((spec) => {
    const doneS = spec.doneFromS + random() * (spec.doneToS - spec.doneFromS)
    if (!(doneS >= spec.doneFromS && doneS <= spec.doneToS))
      throw new Error(`simulation drew ${doneS} s outside ${scenario.id}'s range`)
    return { requestedAt: spec.requestedAtS * 1000, doneAt: doneS * 1000 }
  })
}

/** The action's new defaults (min-delay-seconds, max-delay-seconds). */
export const NEW_DEFAULTS = { minDelayS: 10, maxDelayS: 60 } as const
/** The defaults being replaced. */
export const OLD_DEFAULTS = { minDelayS: 5, maxDelayS: 30 } as const

export interface Contender {
  readonly id: string
  readonly label: string
  readonly schedule: Schedule
}

export const CONTENDERS: readonly Contender[] = [
  {
    id: 'new',
    label: `this action, new default (${NEW_DEFAULTS.minDelayS}-${NEW_DEFAULTS.maxDelayS} s, by age)`,
    schedule: actionSchedule(NEW_DEFAULTS.minDelayS * 1000, NEW_DEFAULTS.maxDelayS * 1000)
  },
  {
    id: 'old',
    label: `this action, old default (${OLD_DEFAULTS.minDelayS}-${OLD_DEFAULTS.maxDelayS} s backoff)`,
    schedule: backoffSchedule(OLD_DEFAULTS.minDelayS * 1000, OLD_DEFAULTS.maxDelayS * 1000)
  },
  { id: 'fixed10', label: 'fixed 10 s, per pack', schedule: fixedPerPack(10_000) },
  { id: 'fixed10b', label: 'fixed 10 s, batched', schedule: fixedBatched(10_000) },
  { id: 'fixed30', label: 'fixed 30 s, per pack', schedule: fixedPerPack(30_000) },
  { id: 'sdk', label: 'SDK waiter, generic defaults (2-120 s)', schedule: sdkWaiter(2, 120) },
  {
    id: 'sdkcfn',
    label: 'SDK waiter, CloudFormation stack (30-120 s)',
    schedule: sdkWaiter(30, 120)
  }
]

export interface CellStats {
  readonly runs: number
  readonly meanCalls: number
  /** Seconds. */
  readonly medianS: number
  readonly p90S: number
}

/** Nearest-rank quantile of sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]
}

/**
 * `runs` waits of one contender in one scenario. Each cell has its own stream, derived from
 * the seed and the cell, so adding a cell moves no other cell's figures.
 */
export function simulateCell(
  contender: Contender,
  scenario: SimScenario,
  runs: number,
  seed: number
): CellStats {
  const random = seededRandom(seed ^ hash(`${contender.id}/${scenario.id}`))
  let calls = 0
  const detection: number[] = []
  for (let i = 0; i < runs; i++) {
    const run = runSchedule(contender.schedule, drawPacks(scenario, random), random)
    calls += run.calls
    detection.push(run.detectionMs / 1000)
  }
  detection.sort((a, b) => a - b)
  return {
    runs,
    meanCalls: calls / runs,
    medianS: quantile(detection, 0.5),
    p90S: quantile(detection, 0.9)
  }
}

function hash(text: string): number {
  let h = 2_166_136_261
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619)
  return h >>> 0
}

/** Each contender's figures per scenario, frozen: nothing after the computation may change them. */
export type Grid = Map<string, CellStats>
const key = (contender: string, scenario: string): string => `${contender}/${scenario}`

export function simulateGrid(
  contenders: readonly Contender[],
  scenarios: readonly SimScenario[],
  runs: number,
  seed: number
): Grid {
  const grid: Grid = new Map()
  for (const c of contenders)
    for (const s of scenarios)
      grid.set(key(c.id, s.id), Object.freeze(simulateCell(c, s, runs, seed)))
  if (grid.size !== contenders.length * scenarios.length)
    throw new Error('simulated cells share a key: contender and scenario ids must be unique')
  return grid
}

/**
 * The cells whose figures differ between two grids of the same contenders, scenarios, runs
 * and seed. The simulation is deterministic, so any is a fault of the runtime or of the code
 * (state shared between cells): the benchmark refuses to print figures then.
 */
export function differingCells(a: Grid, b: Grid): string[] {
  const differ: string[] = []
  for (const [k, x] of a) {
    const y = b.get(k)
    if (!y || JSON.stringify(x) !== JSON.stringify(y)) differ.push(k)
  }
  return differ
}

export const cell = (grid: Grid, contender: string, scenario: string): CellStats => {
  const found = grid.get(key(contender, scenario))
  if (found === undefined) throw new Error(`no simulated cell ${contender}/${scenario}`)
  return found
}

const f1 = (n: number): string => n.toFixed(1)

/** Mean calls, then detection median / p90, per contender and scenario. */
export function simulationTable(
  grid: Grid,
  contenders: readonly Contender[],
  scenarios: readonly SimScenario[]
): string {
  const rows = contenders.map((c) => {
    const cells = scenarios.map((s) => {
      const stats = cell(grid, c.id, s.id)
      return `${f1(stats.meanCalls)}, ${f1(stats.medianS)} / ${f1(stats.p90S)} s`
    })
    return `| ${c.label} | ${cells.join(' | ')} |`
  })
  return [
    `| schedule | ${scenarios.map((s) => s.title).join(' | ')} |`,
    `|---|${scenarios.map(() => '---').join('|')}|`,
    ...rows
  ].join('\n')
}

export interface TargetCheck {
  readonly scenario: string
  readonly fewerCalls: boolean
  readonly medianWithin1s: boolean
  readonly p90Within2s: boolean
  readonly fasterThanOld: boolean
}

/** The goal: against a fixed 10 s poller and against the old default, per scenario. */
export function checkSimTargets(grid: Grid, scenarios: readonly SimScenario[]): TargetCheck[] {
  return scenarios.map((s) => {
    const next = cell(grid, 'new', s.id)
    const fixed = cell(grid, 'fixed10b', s.id)
    const old = cell(grid, 'old', s.id)
    return {
      scenario: s.title,
      fewerCalls: next.meanCalls < fixed.meanCalls,
      medianWithin1s: next.medianS <= fixed.medianS + 1,
      p90Within2s: next.p90S <= fixed.p90S + 2,
      fasterThanOld: next.medianS < old.medianS && next.p90S < old.p90S
    }
  })
}

const yes = (ok: boolean): string => (ok ? 'yes' : '**no**')

export function targetsTable(checks: readonly TargetCheck[]): string {
  return [
    '| scenario | fewer calls than fixed 10 s | median ≤ fixed 10 s + 1 s | p90 ≤ fixed 10 s + 2 s | median and p90 below old default |',
    '|---|---|---|---|---|',
    ...checks.map(
      (c) =>
        `| ${c.scenario} | ${yes(c.fewerCalls)} | ${yes(c.medianWithin1s)} | ${yes(c.p90Within2s)} | ${yes(c.fasterThanOld)} |`
    )
  ].join('\n')
}

/** How far each contender's median and p90 move between two seeds, worst scenario. */
export function stabilityTable(
  a: Grid,
  b: Grid,
  contenders: readonly Contender[],
  scenarios: readonly SimScenario[]
): string {
  const rows = contenders.map((c) => {
    let median = 0
    let p90 = 0
    let calls = 0
    for (const s of scenarios) {
      const x = cell(a, c.id, s.id)
      const y = cell(b, c.id, s.id)
      median = Math.max(median, Math.abs(x.medianS - y.medianS))
      p90 = Math.max(p90, Math.abs(x.p90S - y.p90S))
      calls = Math.max(calls, Math.abs(x.meanCalls - y.meanCalls))
    }
    return `| ${c.label} | ${median.toFixed(2)} s | ${p90.toFixed(2)} s | ${calls.toFixed(2)} |`
  })
  return [
    '| schedule | largest median shift | largest p90 shift | largest mean-calls shift |',
    '|---|---|---|---|',
    ...rows
  ].join('\n')
}
