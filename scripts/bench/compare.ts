import { runAction } from '../../test/support/run-action.js'
import { fixedPoller, sdkWaiter, type BaselineRun } from './baselines.js'
import { groupRounds, roundsAsDesigned } from './rounds.js'
import { ACTION, FIXED_POLLER, SDK_WAITER, type BenchScenario } from './scenarios.js'
import { TimedEmulator } from './timed-emulator.js'

export type Approach = 'action' | 'fixed' | 'sdk'

export const APPROACHES: readonly Approach[] = ['action', 'fixed', 'sdk']

export const APPROACH_LABELS: Record<Approach, string> = {
  action: `this action (age schedule, ${ACTION.minDelayS}-${ACTION.maxDelayS} s, batched)`,
  fixed: 'fixed poller (per pack, every 10 s)',
  sdk: 'SDK waiter (per pack, 2-120 s)'
}

/** One run of one approach on one scenario. Times in seconds are simulated. */
export interface RunSample {
  readonly approach: Approach
  readonly scenario: string
  readonly calls: number
  /** From the last pack's terminal transition to the arrival of the request that saw it. */
  readonly pollLatencyS: number
  /** Real ms from that request's arrival to the exit (action) or the return (baselines). */
  readonly tailMs: number
  /** pollLatencyS plus the tail at its real duration. */
  readonly detectionS: number
  /** Transition to exit or return, every real ms multiplied by the time scale. */
  readonly detectionScaledS: number
  /** From the first request to the exit or return, the tail at its real duration. */
  readonly totalS: number
  /** The action only: every round cost ⌈pending/20⌉ calls. */
  readonly roundsOk?: boolean
  /** The baselines only: real ms per call. */
  readonly requestMs: readonly number[]
}

/** `seconds` as an input value: the action rounds it to whole ms. */
const inputSeconds = (seconds: number): string => seconds.toFixed(4)

function sample(
  approach: Approach,
  scenario: BenchScenario,
  timed: TimedEmulator,
  endAt: number,
  scale: number,
  extra: Pick<RunSample, 'roundsOk' | 'requestMs'>
): RunSample {
  const last = scenario.packs.reduce((a, b) => (b.doneAtS > a.doneAtS ? b : a))
  const doneAt = timed.doneAt(last)
  const observedAt = timed.observingRequest(last).at
  const pollLatencyS = (Math.max(0, observedAt - doneAt) * scale) / 1000
  const tailMs = endAt - observedAt
  return {
    approach,
    scenario: scenario.id,
    calls: timed.describeRequests().length,
    pollLatencyS,
    tailMs,
    detectionS: pollLatencyS + tailMs / 1000,
    detectionScaledS: ((endAt - doneAt) * scale) / 1000,
    totalS: ((observedAt - timed.anchor) * scale) / 1000 + tailMs / 1000,
    ...extra
  }
}

/** Runs dist/index.js; `anchored` resolves once it has sent its first request (or ended). */
function startAction(
  scenario: BenchScenario,
  scale: number
): { anchored: Promise<void>; done: Promise<RunSample> } {
  const timed = new TimedEmulator(scenario.packs, { timeScale: scale })
  const done = (async () => {
    const endpoint = await timed.start()
    try {
      const run = await runAction({
        inputs: {
          'conformance-pack-names': scenario.packs.map((p) => p.name).join('\n'),
          region: 'us-east-1',
          'min-delay-seconds': inputSeconds(ACTION.minDelayS / scale),
          'max-delay-seconds': inputSeconds(ACTION.maxDelayS / scale),
          'timeout-seconds': inputSeconds(ACTION.timeoutS / scale)
        },
        endpoint
      })
      const endAt = timed.now()
      if (run.code !== 0 || run.outputs.result !== 'success') {
        throw new Error(
          `the action ended with code ${run.code}, result ${run.outputs.result} on ${scenario.id}:\n${run.stdout}${run.stderr}`
        )
      }
      const minDelayMs = (ACTION.minDelayS * 1000) / scale
      const rounds = groupRounds(timed.describeRequests(), minDelayMs / 2, scenario.packs.length)
      return sample('action', scenario, timed, endAt, scale, {
        roundsOk: roundsAsDesigned(rounds),
        requestMs: []
      })
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

async function runBaseline(
  approach: 'fixed' | 'sdk',
  scenario: BenchScenario,
  scale: number
): Promise<RunSample> {
  const timed = new TimedEmulator(scenario.packs, { timeScale: scale })
  const endpoint = await timed.start()
  try {
    const options = { endpoint, names: scenario.packs.map((p) => p.name), timeScale: scale }
    const run: BaselineRun =
      approach === 'fixed'
        ? await fixedPoller({ ...options, intervalS: FIXED_POLLER.intervalS })
        : await sdkWaiter({ ...options, ...SDK_WAITER, maxWaitS: ACTION.timeoutS })
    return sample(approach, scenario, timed, timed.now(), scale, { requestMs: run.requestMs })
  } finally {
    await timed.stop()
  }
}

/**
 * Simulated seconds by which repetition `rep` of `repetitions` pushes back every finish time:
 * spread evenly over one fixed-poller interval, (rep - 1/2) / repetitions × 10 s, so that the
 * finish times do not all fall on that poller's 10 s grid (which would fix its latency by
 * accident rather than measure it). Every approach gets the same shift.
 */
export function phaseShiftS(rep: number, repetitions: number): number {
  return ((rep - 0.5) / repetitions) * FIXED_POLLER.intervalS
}

/**
 * Each repetition runs every (scenario, approach) pair at once, each against its own
 * emulator. The baselines start once every action process has sent its first request, so
 * that the processes starting up do not hold up the baselines' timers.
 */
export async function runComparison(
  scenarios: readonly BenchScenario[],
  repetitions: number,
  scale: number,
  progress: (line: string) => void
): Promise<RunSample[]> {
  const samples: RunSample[] = []
  for (let rep = 1; rep <= repetitions; rep++) {
    const started = Date.now()
    const shift = phaseShiftS(rep, repetitions)
    const shifted = scenarios.map((s) => ({
      ...s,
      packs: s.packs.map((p) => ({ ...p, doneAtS: p.doneAtS + shift }))
    }))
    const actions = shifted.map((s) => startAction(s, scale))
    await Promise.all(actions.map((a) => a.anchored))
    const baselines = shifted.flatMap((s) => [
      runBaseline('fixed', s, scale),
      runBaseline('sdk', s, scale)
    ])
    const settled = await Promise.allSettled([...actions.map((a) => a.done), ...baselines])
    const failed = settled.find((s) => s.status === 'rejected')
    if (failed) throw failed.reason
    for (const s of settled) if (s.status === 'fulfilled') samples.push(s.value)
    progress(`comparison: repetition ${rep}/${repetitions} in ${(Date.now() - started) / 1000} s`)
  }
  return samples
}
