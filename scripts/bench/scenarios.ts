/**
 * What the benchmark runs: the pack timelines, the polling settings of the action and of the
 * two baselines (all in simulated seconds), and the 1,000-pack runs.
 */
import { DEFAULTS } from '../../src/inputs.js'

/** Simulated ms per real ms in the comparison runs, unless `--scale` says otherwise. */
export const DEFAULT_TIME_SCALE = 60

/** Repetitions of each comparison scenario, unless `--reps` says otherwise. */
export const DEFAULT_REPETITIONS = 5

/** The action's defaults (action.yml), in simulated seconds. */
export const ACTION = {
  minDelayS: Number(DEFAULTS['min-delay-seconds']),
  maxDelayS: Number(DEFAULTS['max-delay-seconds']),
  timeoutS: Number(DEFAULTS['timeout-seconds'])
} as const

/** A hand-written loop, or one waiter per pack: one call per pending pack every 10 s. */
export const FIXED_POLLER = { intervalS: 10 } as const

/** The generic waiter of the AWS SDK for JavaScript v3, with its defaults. */
export const SDK_WAITER = { minDelayS: 2, maxDelayS: 120 } as const

export interface TimedPack {
  readonly name: string
  /** Simulated seconds after the first request at which the pack reaches CREATE_COMPLETE. */
  readonly doneAtS: number
}

export interface BenchScenario {
  readonly id: string
  readonly title: string
  readonly packs: readonly TimedPack[]
}

export const SCENARIOS: readonly BenchScenario[] = [
  {
    id: '1m',
    title: '1 pack, done at 1 min',
    packs: [{ name: 'iam-baseline', doneAtS: 60 }]
  },
  {
    id: '3m',
    title: '1 pack, done at 3 min',
    packs: [{ name: 's3-security', doneAtS: 180 }]
  },
  {
    id: '8m',
    title: '1 pack, done at 8 min',
    packs: [{ name: 'operational-best-practices', doneAtS: 480 }]
  },
  {
    id: '20m',
    title: '1 pack, done at 20 min',
    packs: [{ name: 'cis-benchmark', doneAtS: 1200 }]
  },
  {
    id: '3packs',
    title: '3 packs, done at 1, 3 and 8 min',
    packs: [
      { name: 'iam-baseline', doneAtS: 60 },
      { name: 's3-security', doneAtS: 180 },
      { name: 'operational-best-practices', doneAtS: 480 }
    ]
  }
]

/** `--quick`: the smallest scenario, once. */
export const QUICK_SCENARIOS: readonly BenchScenario[] = [SCENARIOS[0]]

/**
 * The 1,000-pack runs use real time (time scale 1), so the 20 ms answer latency and the time
 * per round are real. Only the delays are shorter than the action's defaults (1-2 s instead of
 * 10-60 s) and the packs finish early (1-8 s): that changes how many rounds there are, not what
 * a round costs.
 */
export const SCALE_RUN = {
  latencyMs: 20,
  minDelayS: 1,
  maxDelayS: 2,
  timeoutS: 120,
  firstDoneS: 1,
  lastDoneS: 8
} as const

export interface ScaleCase {
  readonly title: string
  readonly packs: number
  /** true: names given as input; false: no names, the action lists the region. */
  readonly named: boolean
}

export const SCALE_CASES: readonly ScaleCase[] = [
  { title: '1 pack, named (reference)', packs: 1, named: true },
  { title: '1,000 packs, named', packs: 1000, named: true },
  { title: '1,000 packs, listed (no names)', packs: 1000, named: false }
]

/** Packs finishing evenly spread between `firstDoneS` and `lastDoneS`. */
export function scalePacks(count: number): TimedPack[] {
  const span = SCALE_RUN.lastDoneS - SCALE_RUN.firstDoneS
  return Array.from({ length: count }, (_, i) => ({
    name: `pack-${String(i + 1).padStart(4, '0')}`,
    doneAtS: SCALE_RUN.firstDoneS + (count > 1 ? (span * i) / (count - 1) : 0)
  }))
}

/** Start-up samples per Node version (each: one bare `node -e 0`, one action run). */
export const STARTUP_SAMPLES = 10
