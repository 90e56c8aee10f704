import type { BundleInfo } from './bundle.js'
import type { Approach, RunSample } from './compare.js'
import type { ProfileBreakdown } from './profile.js'
import type { ScaleResult } from './scale.js'
import type { BenchScenario } from './scenarios.js'
import type { CellStats } from './simulate-report.js'
import type { StartupResult } from './startup.js'

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export interface Stats {
  readonly approach: Approach
  readonly scenario: BenchScenario
  readonly runs: readonly RunSample[]
  readonly callsMedian: number
  readonly callsMin: number
  readonly callsMax: number
  readonly detectionMedian: number
  readonly detectionWorst: number
  readonly detectionScaledMedian: number
  readonly detectionScaledWorst: number
  readonly totalMedian: number
  /** The run with the worst detection latency. */
  readonly worstRun: RunSample
}

export function statsOf(
  samples: readonly RunSample[],
  scenario: BenchScenario,
  approach: Approach
): Stats {
  const runs = samples.filter((s) => s.scenario === scenario.id && s.approach === approach)
  const calls = runs.map((r) => r.calls)
  const worstRun = runs.reduce((a, b) => (b.detectionS > a.detectionS ? b : a))
  return {
    approach,
    scenario,
    runs,
    callsMedian: median(calls),
    callsMin: Math.min(...calls),
    callsMax: Math.max(...calls),
    detectionMedian: median(runs.map((r) => r.detectionS)),
    detectionWorst: worstRun.detectionS,
    detectionScaledMedian: median(runs.map((r) => r.detectionScaledS)),
    detectionScaledWorst: Math.max(...runs.map((r) => r.detectionScaledS)),
    totalMedian: median(runs.map((r) => r.totalS)),
    worstRun
  }
}

/** Median real ms of one DescribeConformancePackStatus call, as the baselines timed it. */
export function oneRequestMs(samples: readonly RunSample[]): number {
  const all = samples.flatMap((s) => s.requestMs)
  return all.length ? median(all) : Number.NaN
}

export interface TargetCheck {
  readonly target: string
  readonly measured: string
  /** undefined: not measured in this run. */
  readonly met: boolean | undefined
  readonly reason?: string
}

export interface TargetInputs {
  readonly samples: readonly RunSample[]
  readonly scenarios: readonly BenchScenario[]
  readonly scaleResults?: readonly ScaleResult[]
  readonly startup?: readonly StartupResult[]
  readonly profiles?: readonly ProfileBreakdown[]
  readonly bundle?: BundleInfo
  readonly timeScale: number
  readonly repetitions: number
  /** The simulation's new-default figures by its scenario id. */
  readonly simulated?: (scenarioId: string) => CellStats | undefined
}

export function checkTargets(input: TargetInputs): TargetCheck[] {
  return [
    roundsTarget(input),
    simulationMatchTarget(input),
    fixedPollerTarget(input),
    startupTarget(input),
    memoryTarget(input)
  ]
}

function roundsTarget({ samples, scaleResults }: TargetInputs): TargetCheck {
  const actionRuns = samples.filter((s) => s.approach === 'action')
  const bad = actionRuns.filter((s) => s.roundsOk === false).length
  const badScale = (scaleResults ?? []).filter((r) => !r.roundsOk)
  const scaleRounds = (scaleResults ?? []).reduce((n, r) => n + r.rounds.length, 0)
  const measured =
    `${actionRuns.length - bad}/${actionRuns.length} comparison runs` +
    (scaleResults
      ? `, ${scaleRounds - badScale.reduce((n, r) => n + r.rounds.length, 0)}/${scaleRounds} rounds of the scale runs`
      : '') +
    ' made exactly ⌈pending/20⌉ calls per round, no name asked twice'
  const met = bad === 0 && badScale.length === 0
  return {
    target: 'One call per poll round per 20 pending packs',
    measured,
    met,
    reason: met
      ? undefined
      : `rounds off target in: ${badScale.map((r) => r.case.title).join(', ') || `${bad} comparison run(s)`}`
  }
}

/** The comparison scenarios' cells in the simulation's first table. */
const SIMULATED_AS: Record<string, string> = {
  '1m': '1m',
  '3m': '3m',
  '8m': '8m',
  '20m': '20m',
  '3packs': 'mixed'
}

/**
 * Whether the built action behaves as simulated: per scenario, its median calls within 15 % of
 * the simulated mean, and its median detection (which adds the real request and exit time)
 * within the simulated p90 plus the median exit time.
 */
function simulationMatchTarget({
  samples,
  scenarios,
  repetitions,
  simulated
}: TargetInputs): TargetCheck {
  const target =
    'End-to-end check: the built action as simulated (median calls within 15 % of the simulated mean, median detection ≤ simulated p90 + exit time)'
  if (!simulated) return { target, measured: 'not measured in this run', met: undefined }
  const rows = scenarios.flatMap((s) => {
    const sim = simulated(SIMULATED_AS[s.id] ?? s.id)
    if (!sim) return []
    const action = statsOf(samples, s, 'action')
    const exitS = median(action.runs.map((r) => r.tailMs)) / 1000
    const callsOk = Math.abs(action.callsMedian - sim.meanCalls) <= 0.15 * sim.meanCalls
    const detectionOk = action.detectionMedian <= sim.p90S + exitS
    return [{ s, sim, action, exitS, ok: callsOk && detectionOk }]
  })
  const misses = rows.filter((r) => !r.ok)
  return {
    target,
    measured:
      `${repetitions} runs per scenario, end to end vs simulated (calls; detection): ` +
      rows
        .map(
          (r) =>
            `${r.s.title} ${r.action.callsMedian} vs ${r.sim.meanCalls.toFixed(1)}; ${r.action.detectionMedian.toFixed(1)} s vs median ${r.sim.medianS.toFixed(1)} s, p90 ${r.sim.p90S.toFixed(1)} s (+ ${r.exitS.toFixed(2)} s exit)`
        )
        .join('; '),
    met: rows.length > 0 && misses.length === 0,
    reason: misses.length
      ? `off the simulation on: ${misses.map((r) => r.s.title).join(', ')}`
      : undefined
  }
}

function fixedPollerTarget({ samples, scenarios }: TargetInputs): TargetCheck {
  const rows = scenarios.map((s) => ({
    scenario: s,
    action: statsOf(samples, s, 'action'),
    fixed: statsOf(samples, s, 'fixed')
  }))
  const misses = rows.filter((r) => r.action.callsMedian >= r.fixed.callsMedian)
  const overlaps = rows.filter((r) => r.action.callsMax >= r.fixed.callsMin)
  return {
    target: 'End-to-end check: fewer calls than the fixed 10 s poller on every scenario',
    measured:
      'median calls, action vs fixed poller: ' +
      rows
        .map(
          (r) =>
            `${r.scenario.title} ${r.action.callsMedian} vs ${r.fixed.callsMedian} (runs ${r.action.callsMin}-${r.action.callsMax} vs ${r.fixed.callsMin}-${r.fixed.callsMax})`
        )
        .join('; ') +
      (overlaps.length
        ? `; in some runs of ${overlaps.map((r) => r.scenario.title).join(', ')} the action made as many calls as the fixed poller's fewest`
        : '; fewer in every run'),
    met: misses.length === 0,
    reason: misses.length
      ? `not fewer on: ${misses.map((r) => r.scenario.title).join(', ')}`
      : undefined
  }
}

function startupTarget({ startup, profiles, bundle }: TargetInputs): TargetCheck {
  const target = 'Start-up within 100 ms of bare Node on Node 24'
  const node24 = startup?.find((r) => r.node.version.startsWith('v24.'))
  if (!node24) return { target, measured: 'not measured in this run', met: undefined }
  const over = median(node24.actionMs) - median(node24.bareMs)
  const met = over <= 100
  const measured = `${over.toFixed(0)} ms over bare Node (median ${median(node24.actionMs).toFixed(0)} ms vs ${median(node24.bareMs).toFixed(0)} ms)`
  if (met) return { target, measured, met }
  const profile = profiles?.find((p) => p.node.version === node24.node.version)
  const parts = profile?.parts
    .filter((p) => !p.label.startsWith("Node's own"))
    .map((p) => `${p.label} ${p.ms.toFixed(0)} ms`)
    .join(', ')
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`
  const pct = (bytes: number): string =>
    `${((100 * bytes) / (bundle?.indexBytes ?? 1)).toFixed(0)} %`
  const largest = bundle?.composition
    .slice(0, 3)
    .map((c) => `${c.source} ${kib(c.bytes)} (${pct(c.bytes)})`)
    .join(', ')
  const own = bundle?.composition.find((c) => c.source.startsWith('src/'))
  const undici = bundle?.composition.some((c) => c.source === 'undici')
  return {
    target,
    measured,
    met,
    reason:
      `the time before the first request goes into loading the bundle, not into the wait: a CPU profile of the start-up on ${node24.node.version} (mean of ${profile?.runs ?? 0} runs, under the profiler) shows ${parts ?? '(no profile)'}.` +
      (bundle
        ? ` dist/index.js is ${kib(bundle.indexBytes)}, all parsed at every start; its largest parts are ${largest}, while the action's own code is ${own ? `${kib(own.bytes)} (${pct(own.bytes)})` : 'small'}.`
        : '') +
      (undici
        ? ' undici is there because @actions/http-client, which @actions/core and @actions/github both use, imports it.'
        : '')
  }
}

function memoryTarget({ scaleResults }: TargetInputs): TargetCheck {
  const target = 'Peak memory under 150 MB at 1,000 packs'
  const big = (scaleResults ?? []).filter((r) => r.case.packs >= 1000)
  if (!big.length) return { target, measured: 'not measured in this run', met: undefined }
  const peak = Math.max(...big.map((r) => r.peakRssBytes))
  const met = peak < 150e6
  return {
    target,
    measured: `${(peak / 1e6).toFixed(1)} MB peak RSS (the larger of the named and listed runs)`,
    met,
    reason: met ? undefined : 'peak resident set size above 150 MB at 1,000 packs'
  }
}
