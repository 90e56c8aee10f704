/**
 * The evaluation wait's benchmark: the schedule simulated over its real code
 * (src/compliance/evaluation-schedule.ts) against a fixed 10 s poller, and the calls and the
 * wall time of a round of the real wait (src/compliance/evaluation-wait.ts) against the
 * project's emulator, in process, through the real AWS SDK client.
 *
 *   npx tsx scripts/bench/evaluation.ts [--runs N]
 */
import { parseArgs } from 'node:util'
import { createConfigClient } from '../../src/aws/client.js'
import { createRuleEvaluationSource } from '../../src/aws/rule-evaluation-source.js'
import { nextEvaluationPoll } from '../../src/compliance/evaluation-schedule.js'
import { waitForEvaluation } from '../../src/compliance/evaluation-wait.js'
import { systemClock } from '../../src/shared/clock.js'
import { ConfigEmulator, type EmulatedPack } from '../../test/emulator/config-emulator.js'
import { TEST_CREDENTIALS } from '../../test/support/run-action.js'
import { seededRandom } from './simulate.js'

const MIN_MS = 10_000
const MAX_MS = 60_000
const SPREAD_MS = 15_000
const NAMES_PER_STATUS_CALL = 25
export const EVALUATION_SEED = 20261205

export interface EvalScenario {
  readonly id: string
  readonly title: string
  /** Each unsettled rule's evaluation time, ms after the wait's start (the pack's completion). */
  readonly rules: (random: () => number) => number[]
}

const around = (minutes: number) => (random: () => number) => [
  minutes * 60_000 + (random() * 2 - 1) * SPREAD_MS
]

export const EVAL_SCENARIOS: readonly EvalScenario[] = [
  { id: '1m', title: '1 min', rules: around(1) },
  { id: '3m', title: '3 min', rules: around(3) },
  { id: '6m', title: '6 min', rules: around(6) },
  { id: '15m', title: '15 min', rules: around(15) },
  {
    id: 'mix',
    title: 'mix: 30 rules, 20 s-6 min',
    rules: (random) => Array.from({ length: 30 }, () => 20_000 + random() * 340_000)
  }
]

export interface EvalRun {
  readonly reads: number
  readonly detectionMs: number
}

/** Status reads at t = 0 and after each pause, ⌈unsettled / 25⌉ a round, until all settled. */
export function simulateReads(times: readonly number[], pause: (view: View) => number): EvalRun {
  let now = 0
  let reads = 0
  let unsettled = [...times]
  let roundsSinceChange = 0
  for (let round = 1; round < 100_000; round++) {
    reads += Math.ceil(unsettled.length / NAMES_PER_STATUS_CALL)
    const still = unsettled.filter((t) => t > now)
    roundsSinceChange = still.length < unsettled.length ? 0 : roundsSinceChange + 1
    unsettled = still
    if (!unsettled.length) return { reads, detectionMs: now - Math.max(...times) }
    now += pause({ now, unsettled: unsettled.length, roundsSinceChange })
  }
  throw new Error('never settled')
}

interface View {
  readonly now: number
  readonly unsettled: number
  readonly roundsSinceChange: number
}

/** The action's pause with the defaults, every unsettled rule timed from t = 0. */
export function actionPause(random: () => number): (view: View) => number {
  return (v) =>
    nextEvaluationPoll({
      now: v.now,
      pending: Array.from({ length: v.unsettled }, () => ({ referenceAt: 0 })),
      roundsSinceChange: v.roundsSinceChange,
      failedRounds: 0,
      minDelayMs: MIN_MS,
      maxDelayMs: MAX_MS,
      random
    }).delayMs
}

export function simulateEvaluation(runs: number, seed: number) {
  return EVAL_SCENARIOS.map((scenario) => {
    const random = seededRandom(seed)
    const action: EvalRun[] = []
    const fixed: EvalRun[] = []
    for (let i = 0; i < runs; i++) {
      const times = scenario.rules(random)
      action.push(simulateReads(times, actionPause(random)))
      fixed.push(simulateReads(times, () => 10_000))
    }
    return { scenario, action: stats(action), fixed: stats(fixed) }
  })
}

export interface Stats {
  readonly meanReads: number
  readonly medianS: number
  readonly p90S: number
}

function stats(runs: readonly EvalRun[]): Stats {
  const d = runs.map((r) => r.detectionMs).sort((a, b) => a - b)
  const at = (q: number) => d[Math.min(d.length - 1, Math.floor(q * d.length))] / 1000
  return {
    meanReads: runs.reduce((n, r) => n + r.reads, 0) / runs.length,
    medianS: at(0.5),
    p90S: at(0.9)
  }
}

export interface RoundCost {
  readonly packs: number
  readonly rules: number
  readonly listings: number
  readonly statusReads: number
  readonly floor: number
  readonly maxInFlight: number
  readonly wallMs: number
}

/** One round of the real wait over every pack's already evaluated rules. */
export async function measureRound(
  packs: number,
  rulesPerPack: number,
  latencyMs: number
): Promise<RoundCost> {
  for (const [k, v] of Object.entries({ ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '1' }))
    process.env[k] = v
  process.env.AWS_EC2_METADATA_DISABLED = 'true'
  const requestedAt = Date.now() - 10 * 60_000
  const scenario: EmulatedPack[] = Array.from({ length: packs }, (_, i) => ({
    name: `pack-${i}`,
    timeline: [{ state: 'CREATE_COMPLETE' }],
    requestedAt,
    rules: Array.from({ length: rulesPerPack }, (_, j) => ({
      name: `pack-${i}-rule-${j}`,
      evaluations: [{ atMs: 5_000, results: [] }]
    }))
  }))
  const emulator = new ConfigEmulator({ packs: scenario, latencyMs })
  process.env.AWS_ENDPOINT_URL = await emulator.start()
  const client = createConfigClient('us-east-1', process.env)
  try {
    const started = performance.now()
    const read = await waitForEvaluation(
      scenario.map((p) => ({ name: p.name, requestedAt })),
      {
        port: createRuleEvaluationSource(client),
        stackEvents: () => Promise.reject(new Error('no stack read')),
        startEvaluation: false,
        clock: systemClock,
        deadline: Date.now() + 60_000,
        signal: new AbortController().signal,
        log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
        minDelayMs: MIN_MS,
        maxDelayMs: MAX_MS
      }
    )
    const wallMs = performance.now() - started
    if (read.kind !== 'done') throw new Error(`the round ended ${read.kind}`)
    const rules = packs * rulesPerPack
    const listings = emulator.callsOf('DescribeConformancePackCompliance')
    return {
      packs,
      rules,
      listings,
      statusReads: emulator.callsOf('DescribeConfigRuleEvaluationStatus'),
      floor: packs + Math.ceil(rules / NAMES_PER_STATUS_CALL),
      maxInFlight: Math.max(
        emulator.maxInFlight('DescribeConformancePackCompliance'),
        emulator.maxInFlight('DescribeConfigRuleEvaluationStatus')
      ),
      wallMs
    }
  } finally {
    client.destroy()
    await emulator.stop()
  }
}

const s1 = (x: number) => x.toFixed(1)

export interface EvaluationSection {
  readonly text: string
  readonly met: boolean
  /** The action's simulated figures for a cell of EVAL_SCENARIOS, by its id (seed EVALUATION_SEED). */
  readonly simulated: (id: string) => Stats | undefined
}

export async function evaluationSection(runs: number): Promise<EvaluationSection> {
  const sim = simulateEvaluation(runs, EVALUATION_SEED)
  const again = simulateEvaluation(runs, EVALUATION_SEED + 1)
  const rows = sim.map(({ scenario, action, fixed }, i) => {
    const fewer = action.meanReads < fixed.meanReads
    const within = action.medianS <= fixed.medianS + 1.5
    const other = again[i].action
    return {
      met: scenario.id === 'mix' ? true : fewer && within,
      line: `| ${scenario.title} | ${s1(action.meanReads)}, ${s1(action.medianS)} / ${s1(action.p90S)} s | ${s1(fixed.meanReads)}, ${s1(fixed.medianS)} / ${s1(fixed.p90S)} s | ${fewer ? 'yes' : 'no'} | ${within ? 'yes' : 'no'} | ${s1(other.meanReads)}, ${s1(other.medianS)} / ${s1(other.p90S)} s |`
    }
  })
  const cases: [number, number][] = [
    [1, 10],
    [20, 10],
    [100, 10]
  ]
  const costs: RoundCost[] = []
  for (const [packs, rules] of cases) costs.push(await measureRound(packs, rules, 0))
  const timed: RoundCost[] = []
  for (let i = 0; i < 5; i++) timed.push(await measureRound(20, 10, 100))
  const walls = timed.map((t) => t.wallMs).sort((a, b) => a - b)
  const inFlight = Math.max(...timed.map((t) => t.maxInFlight))
  const wallMedian = walls[Math.floor(walls.length / 2)]
  const atFloor = costs.every((c) => c.listings + c.statusReads === c.floor)
  const met = rows.every((r) => r.met) && atFloor && walls[walls.length - 1] < 1000
  const text = [
    `Simulated over the real schedule (nextEvaluationPoll, src/compliance/evaluation-schedule.ts): ${runs.toLocaleString('en-US')} runs a cell, seed ${EVALUATION_SEED}; a read takes 0 ms. The pack completed as the wait started (t = 0, no completion time given: the wait's start stands in); its rule is evaluated at the time given ± 15 s (uniform); "mix": 30 rules of one region each evaluated uniformly between 20 s and 6 min (the last one ends the wait). Each cell: mean status reads (⌈unsettled / 25⌉ a round), then detection median / p90 (last evaluation to the read that saw it). min-delay 10 s, max-delay 60 s.`,
    '',
    '| evaluated after | this action | fixed 10 s | fewer reads | median ≤ fixed + 1.5 s | this action, seed + 1 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => r.line),
    '',
    'Calls of one round of the real wait (in process, real SDK client, the emulator counting; 10 rules a pack, all evaluated ten minutes before, no added latency): the floor is one listing page a pack plus ⌈rules / 25⌉ status reads.',
    '',
    '| packs | rules | listing calls | status reads | floor | at the floor |',
    '| --- | --- | --- | --- | --- | --- |',
    ...costs.map(
      (c) =>
        `| ${c.packs} | ${c.rules} | ${c.listings} | ${c.statusReads} | ${c.floor} | ${c.listings + c.statusReads === c.floor ? 'yes' : 'no'} |`
    ),
    '',
    `A round's wall time, 20 packs of 10 rules, 100 ms added to every answer (20 listings and 8 status reads; at most ${inFlight} requests were in flight): median ${Math.round(wallMedian)} ms of 5 runs (${walls.map((w) => Math.round(w)).join(', ')} ms); target under 1 s: ${walls[walls.length - 1] < 1000 ? 'met' : 'MISSED'}.`
  ].join('\n')
  const simulated = (id: string) => sim.find((c) => c.scenario.id === id)?.action
  return { text, met, simulated }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string' } } })
  const runs = Number(values.runs ?? 20_000)
  const { text, met } = await evaluationSection(runs)
  console.log(text)
  return met ? 0 : 1
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main()
