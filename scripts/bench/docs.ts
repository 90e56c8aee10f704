import type { BundleInfo } from './bundle.js'
import { phaseShiftS, type RunSample } from './compare.js'
import type { ProfileBreakdown } from './profile.js'
import {
  comparisonTable,
  bundleLine,
  compositionTable,
  missReasons,
  profileTable,
  ratioTable,
  roundDetail,
  scaleTable,
  startupTable,
  targetTable
} from './report.js'
import type { ScaleResult } from './scale.js'
import {
  ACTION,
  FIXED_POLLER,
  SCALE_RUN,
  SDK_WAITER,
  STARTUP_SAMPLES,
  type BenchScenario
} from './scenarios.js'
import type { StartupResult } from './startup.js'
import { oneRequestMs, type TargetCheck } from './summarize.js'
import { BAND_QUANTILES, BAND_TRIALS } from './evaluation-e2e-report.js'

export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly memoryGiB: number
  readonly os: string
  readonly loadAverage: readonly number[]
  readonly nodes: readonly string[]
  readonly commit: string
}

export interface BenchReport {
  readonly command: string
  readonly date: string
  readonly machine: Machine
  readonly timeScale: number
  readonly repetitions: number
  readonly scenarios: readonly BenchScenario[]
  readonly samples: readonly RunSample[]
  readonly scaleResults: readonly ScaleResult[]
  readonly startup: readonly StartupResult[]
  readonly startupSkipped?: string
  readonly profiles: readonly ProfileBreakdown[]
  readonly bundle: BundleInfo
  readonly targets: readonly TargetCheck[]
  /** The simulated schedule comparison, as scripts/bench/simulation.ts prints it. */
  readonly simulation: string
  /** The evaluation wait's section, as scripts/bench/evaluation.ts prints it. */
  readonly evaluation: string
  /** The evaluation wait's end-to-end runs, as scripts/bench/evaluation-e2e-report.ts prints them. */
  readonly evaluationE2E?: {
    readonly text: string
    readonly runs: number
    readonly series: number
    readonly scale: number
  }
  readonly wallS: number
  readonly loadAverageAtEnd: readonly number[]
}

/** docs/benchmarks.md: every number below comes from the run it names. */
export function benchmarksPage(r: BenchReport): string {
  const k = r.timeScale
  const sec = (simulated: number): string => `${+(simulated / k).toFixed(4)} s`
  const load = (values: readonly number[]): string => values.map((l) => l.toFixed(2)).join(', ')
  const misses = missReasons(r.targets)
  const big = r.scaleResults.filter((x) => x.case.packs >= 1000)
  const shifts = Array.from(
    { length: r.repetitions },
    (_, i) => `${+phaseShiftS(i + 1, r.repetitions).toFixed(2)} s`
  ).join(', ')
  return `# Benchmarks

How soon the action notices that a pack finished, and how many AWS Config calls it spends doing so, against a fixed 10 s poller (per pack and batched), a fixed 30 s poller, the AWS SDK's waiter and the action's old default schedule (5-30 s backoff).  The schedule is compared by simulation over its real code (10,000 runs a cell and more), and the built action is run end to end against the emulator on Node 24 as a check that it behaves as simulated. The benchmark writes this page itself: regenerate it with the command below rather than editing it.

- Command: \`${r.command}\`
- Date: ${r.date}
- Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB.toFixed(1)} GiB memory, ${r.machine.os}
- Load average (1, 5, 15 min): ${load(r.machine.loadAverage)} at the start, ${load(r.loadAverageAtEnd)} at the end
- Node: ${r.machine.nodes.join(', ')} (start-up); every other end-to-end figure (the comparison runs, their baselines, the evaluation wait's runs, the 1,000-pack runs) on ${process.version}
- Code: commit ${r.machine.commit}
- Wall time of the whole run: ${r.wallS.toFixed(0)} s

## Targets

${targetTable(r.targets)}
${misses ? `\n${misses}\n` : ''}
## Simulated schedule comparison

How it is obtained: \`scripts/bench/simulation.ts\` imports the action's schedule (\`nextPollDelay\`, src/wait/poll-schedule.ts) and the old default's (\`backoffDelay\`, src/shared/backoff.ts) and drives them in virtual time with a seeded generator; the baselines are transcribed (the SDK waiter from @smithy/core's \`createWaiter\`). A request takes 0 ms, so these are the schedules' own latencies. The main grid is computed twice with the same seed and the run stops if any cell differs.

${r.simulation}

## The evaluation wait

How it is obtained: \`scripts/bench/evaluation.ts\` drives the evaluation schedule (\`nextEvaluationPoll\`, src/compliance/evaluation-schedule.ts) in virtual time against a fixed 10 s poller, twice with different seeds, and runs the real evaluation wait (src/compliance/evaluation-wait.ts) in process against the emulator through the real AWS SDK client, the emulator counting the calls and the requests in flight.

${r.evaluation}
${evaluationE2E(r)}
## End-to-end check: detection latency and API calls

Packs finish at known times (simulated), and each approach waits for them against the project's AWS Config emulator (\`test/emulator/config-emulator.ts\`). Each scenario runs ${r.repetitions} times; every repetition runs all scenarios and approaches at once, each against its own emulator. In each repetition every finish time is pushed back by a shift spread evenly over ${FIXED_POLLER.intervalS} s (${shifts}), the same for all three approaches, so that the finish times do not all fall on the fixed poller's ${FIXED_POLLER.intervalS} s grid.

${comparisonTable(r.samples, r.scenarios)}

Ratios of the medians (above 1: the action spends fewer calls, or notices sooner):

${ratioTable(r.samples, r.scenarios)}

The approaches:

- **This action**: \`dist/index.js\` spawned with Node 24 as the runner starts it, with its default delays (\`min-delay-seconds\` ${ACTION.minDelayS}, \`max-delay-seconds\` ${ACTION.maxDelayS}: the age schedule), asking for all pending packs in one call per 20. Each pack's \`LastUpdateRequestedTime\` is the moment of the first request (simulated t = 0), as in the simulation.
- **Fixed poller**: one \`DescribeConformancePackStatus\` call per pending pack, then ${FIXED_POLLER.intervalS} s of sleep, until the pack is terminal: what a hand-written loop, or one such waiter per pack, does.
- **SDK waiter**: \`createWaiter\` from \`@smithy/core\` (what every \`waitUntil…\` of the AWS SDK for JavaScript v3 is built on) with its default delays, ${SDK_WAITER.minDelayS} s doubling with jitter up to ${SDK_WAITER.maxDelayS} s. There is one waiter per pack, each asking for its own pack, as per-resource SDK waiters do (AWS Config has no waiter of its own).
- Both baselines use the real \`@aws-sdk/client-config-service\` client, so their calls cross the same wire as the action's.

How it is measured:

- **Time scale ${k}**: one real ms stands for ${k} simulated ms. Every delay is divided by ${k}: the action gets \`min-delay-seconds\` ${sec(ACTION.minDelayS)}, \`max-delay-seconds\` ${sec(ACTION.maxDelayS)} and \`timeout-seconds\` ${sec(ACTION.timeoutS)} (it rounds them to whole ms), the fixed poller sleeps ${sec(FIXED_POLLER.intervalS)}, and the SDK waiter's delays run from ${sec(SDK_WAITER.minDelayS)} to ${sec(SDK_WAITER.maxDelayS)}. The emulator runs the pack timelines ${k}× faster. Every time in these tables is in simulated seconds.
- **What does not scale**: process start-up, HTTP round trips and the action's exit take real time. Each pack's timeline starts at the run's first request, so start-up does not eat into it; start-up is measured separately below. "Detection" counts the time from the request that saw the last pack finish to the exit (or, for the baselines, the return) at its real duration. "Detection, all ×scale" multiplies every real ms by ${k}, so a 50 ms exit counts as ${(0.05 * k).toFixed(0)} s. The time before that request is simulated, but it includes the real time of any request that was in flight when the pack finished, counted ×${k}.
- **Detection latency**: from the last pack's terminal transition to the action's exit, or to the moment the baseline returned. **API calls**: the \`DescribeConformancePackStatus\` requests the emulator received. **Total wait**: from the first request to the exit or return.
- One request on this wire takes ${oneRequestMs(r.samples).toFixed(1)} ms (median of the baselines' calls, as the caller timed them).

## 1,000 packs

These runs use the action alone, one run at a time, with ${SCALE_RUN.latencyMs} ms of latency added to every answer. They are not time-scaled, so the latency and the round times are real. To keep them short, the delays are ${SCALE_RUN.minDelayS} s to ${SCALE_RUN.maxDelayS} s and the packs finish evenly spread between ${SCALE_RUN.firstDoneS} s and ${SCALE_RUN.lastDoneS} s after the first request; that sets how many rounds there are, not what a round costs. Rounds are told apart by the sleep between them. A round's time runs from its first request to its last answer (the last request's arrival plus the ${SCALE_RUN.latencyMs} ms latency). Peak RSS is the process's peak resident set size as the kernel counts it (\`getrusage\` \`ru_maxrss\`, read at exit by a \`--require\` preload), in MB of 10^6 bytes.

${scaleTable(r.scaleResults)}

${big.map((x) => `${x.case.title}, round by round:\n\n${roundDetail(x)}`).join('\n\n')}

## Start-up

Start-up is the time from spawning \`node dist/index.js\` (valid inputs, a pack that is already complete) to its first request reaching the emulator. It is compared with the time from spawning \`node -e 0\` to its exit: ${STARTUP_SAMPLES} samples of each, alternating, medians.${r.startupSkipped ? ` ${r.startupSkipped}.` : ''}

${startupTable(r.startup)}

${bundleLine(r.bundle)}.

${compositionTable(r.bundle)}

Where the start-up goes: a V8 CPU profile of \`node dist/index.js\` run with no inputs (it loads, fails on the missing region before any AWS work, and exits), mean of ${r.profiles[0]?.runs ?? 0} runs per Node version. The profile covers only what runs once the profiler has started, under the profiler's own overhead. Compare its parts with each other, not its total with the start-up above.

${profileTable(r.profiles)}
`
}

function evaluationE2E(r: BenchReport): string {
  const e = r.evaluationE2E
  if (!e) return ''
  const sec = (simulated: number): string => `${+(simulated / e.scale).toFixed(4)} s`
  return `
## The evaluation wait, end to end

The built action (\`dist/index.js\`, spawned by \`test/support/run-action.ts\` as the runner does, on ${process.version}) waits for the rules' evaluation of a pack already deployed, against the project's emulator, with the defaults and \`compliance\` report, and is set against the simulation of the same cells above.

How it is measured (\`scripts/bench/evaluation-e2e.ts\`, \`evaluation-emulator.ts\`, \`evaluation-e2e-report.ts\`):

- **The pack**: CREATE_COMPLETE from the first request on, its \`LastUpdateCompletedTime\` the first answer (the step's start, as the simulation's t = 0), with one managed rule created by the deployment that has no evaluation until its time, ${e.series} series of ${e.runs} runs a cell. In a series the times are spread evenly over the cell's minute ± 15 s (one in each of ${e.runs} equal slices, the series interleaved), as the simulation draws them uniformly.
- **Time scale ${e.scale}**: \`min-delay-seconds\` ${sec(ACTION.minDelayS)}, \`max-delay-seconds\` ${sec(ACTION.maxDelayS)}, \`timeout-seconds\` ${sec(ACTION.timeoutS)}; the emulator's clock runs ${e.scale}× faster and shows the evaluation at its scaled time, counted from the run's first request so that the process's start-up does not eat into it. Each series runs all its runs at once, each against its own emulator; the processes start one at a time, the latest evaluations first.
- **Status reads**: the \`DescribeConfigRuleEvaluationStatus\` calls the emulator counted. **Detection at the read**: from the evaluation to the arrival of the read that saw it (the first at or after it), ×${e.scale}: what the simulation measures. **Detection at the step's end**: from the evaluation to the action's exit, every real ms ×${e.scale}. Median (middle two averaged) and p90 (nearest rank) over the series' runs, in unscaled seconds.
- **Noise**: the same evaluation times run through the simulation ${BAND_TRIALS.toLocaleString('en-US')} times with fresh jitter; a series agrees when its mean reads and its median detection lie within the ${BAND_QUANTILES[0] * 100}th to ${BAND_QUANTILES[1] * 100}th percentile of those. The simulation's reads take 0 ms; the action's rounds take real time, measured from its debug log (the pause it planned after each round) against the arrival of the next read, and the band is computed again with a round time drawn from those of the series (scaled) added to every pause: a series outside the first band but inside the second differs from the simulation by the time its rounds took, not by its schedule.

${e.text}
`
}
