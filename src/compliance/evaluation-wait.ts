import { backoffDelay } from '../shared/backoff.js'
import type { StackEventReader } from '../wait/explain-failures.js'
import {
  guardedSource,
  isMissing,
  statusesOf,
  StopEvaluation,
  type RequestDeps,
  type RuleEvaluationPort
} from './evaluation-requests.js'
import { startEvaluations } from './evaluation-starts.js'
import { readRuleChanges } from './rule-changes.js'
import { verdictText } from './evaluation-compliance.js'
import {
  readNonCompliantResources,
  readPackRules,
  readResultTimes,
  type ResourcesRead
} from './rule-evaluation-reads.js'
import {
  judgePack,
  rulesToStart,
  type PackEvaluationInput,
  type PackJudgement,
  type PackRule,
  type RuleEvaluationStatus,
  type RuleResultTimes,
  type StackChanges
} from './rule-judgement.js'

/** A deployed pack whose rules are to be judged. */
export interface PackToEvaluate {
  readonly name: string
  /** LastUpdateRequestedTime, epoch ms: the deployment being gated. */
  readonly requestedAt: number
  readonly stackArn?: string
}

/** One pack's rules as last judged. */
export interface PackEvaluation {
  readonly name: string
  readonly judgement: PackJudgement
  /** Per non-compliant rule, its resources (read once, when it was found non-compliant). */
  readonly resources: ReadonlyMap<string, ResourcesRead>
  /** From the start of the evaluation wait until the pack settled (or the wait ended). */
  readonly durationMs: number
}

/** How the evaluation wait ended; every kind keeps the packs judged so far. */
export type EvaluationRead =
  | { readonly kind: 'done'; readonly packs: readonly PackEvaluation[] }
  | {
      readonly kind: 'timeout'
      readonly packs: readonly PackEvaluation[]
      readonly message: string
    }
  | { readonly kind: 'error'; readonly packs: readonly PackEvaluation[]; readonly message: string }
  | { readonly kind: 'cancelled'; readonly packs: readonly PackEvaluation[] }

export interface EvaluationDeps extends RequestDeps {
  readonly port: RuleEvaluationPort
  /** Opened only when a redeployed pack's stack is to be read. */
  readonly stackEvents: () => Promise<StackEventReader & { close(): void }>
  /** `start-evaluation`: start one evaluation of the rules that need it, once. */
  readonly startEvaluation: boolean
  /** After every round (the live check run listens). */
  readonly onRound?: (packs: readonly PackEvaluation[]) => void
}

/** Unevaluated rules named in the timeout's message; the rest are counted. */
export const UNEVALUATED_NAMED = 5

const CHANGED_IN_PLACE =
  'rules changed in place by this deployment may still show results from before the change (grant cloudformation:DescribeStackEvents, or use start-evaluation)'

interface PackState {
  readonly pack: PackToEvaluate
  rules: readonly PackRule[]
  readonly statuses: Map<string, RuleEvaluationStatus>
  readonly resultTimes: Map<string, RuleResultTimes>
  stack?: StackChanges
  stackWhy?: string
  stackAsked: boolean
  readonly started: Map<string, number>
  readonly resources: Map<string, ResourcesRead>
  judgement: PackJudgement
  settledAt?: number
}

/**
 * Waits until every rule of every pack has an evaluation that belongs to the deployment, and
 * judges them (rule-judgement.ts). Asks only about rules not settled yet, in batches; polls at
 * the wait's backoff, reset whenever a rule settles; shares the run's deadline and
 * cancellation. Never throws for AWS trouble: that is the result's `kind`.
 */
export async function waitForEvaluation(
  packs: readonly PackToEvaluate[],
  deps: EvaluationDeps
): Promise<EvaluationRead> {
  const { clock, log, signal } = deps
  const began = clock.now()
  const source = guardedSource(deps.port, deps)
  const signalFor = (): AbortSignal => signal
  const states: PackState[] = []
  let reader: (StackEventReader & { close(): void }) | undefined

  const view = (): PackEvaluation[] =>
    states.map((s) => ({
      name: s.pack.name,
      judgement: s.judgement,
      resources: s.resources,
      durationMs: (s.settledAt ?? clock.now()) - began
    }))
  const inputOf = (s: PackState): PackEvaluationInput => ({
    requestedAt: s.pack.requestedAt,
    rules: s.rules,
    statuses: s.statuses,
    resultTimes: s.resultTimes,
    stack: s.stack,
    startedEvaluations: s.started
  })
  const pendingOf = (s: PackState): string[] =>
    s.judgement.rules.filter((r) => r.verdict.kind === 'unevaluated').map((r) => r.name)

  async function poll(s: PackState): Promise<void> {
    const pending = pendingOf(s)
    let missing = false
    for (const [name, status] of await statusesOf(source, pending, signalFor, () => {
      missing = true
    }))
      s.statuses.set(name, status)
    if (!s.stackAsked && redeployed(s)) {
      s.stackAsked = true
      reader ??= await deps.stackEvents()
      const read = await readRuleChanges(s.pack.stackArn, s.pack.requestedAt, {
        ...deps,
        events: reader
      })
      s.stack = read.kind === 'read' ? read.changes : { kind: 'unreadable' }
      if (read.kind === 'unreadable') s.stackWhy = read.why
    }
    const noTime = pending.filter((name) => {
      const status = s.statuses.get(name)
      return (
        status?.lastSuccessfulEvaluationAt === undefined && status?.firstEvaluationStarted !== false
      )
    })
    if (noTime.length) {
      for (const [name, times] of await readResultTimes(source, s.pack.name, noTime, signalFor))
        s.resultTimes.set(name, times)
    }
    let judged = judgePack(inputOf(s))
    const settling = judged.rules.some(
      (r) => pending.includes(r.name) && r.verdict.kind !== 'unevaluated'
    )
    // The rule list's compliance is as of its read: a rule just evaluated needs it afresh.
    if (settling || missing) {
      s.rules = await readPackRules(source, s.pack.name, signalFor)
      judged = judgePack(inputOf(s))
    }
    s.judgement = judged
    for (const rule of judged.rules) {
      if (pending.includes(rule.name) && rule.verdict.kind !== 'unevaluated')
        log.info(`${s.pack.name}: ${rule.name} ${verdictText(rule.verdict)}`)
    }
    for (const rule of judged.rules) {
      if (rule.verdict.kind !== 'non-compliant' || s.resources.has(rule.name)) continue
      s.resources.set(
        rule.name,
        await readNonCompliantResources(source, s.pack.name, rule.name, signalFor)
      )
    }
  }

  async function start(s: PackState): Promise<void> {
    await startEvaluations(source, s.pack.name, rulesToStart(inputOf(s)), s.started, deps)
    s.judgement = judgePack(inputOf(s))
    if (!s.judgement.settled) s.settledAt = undefined
  }

  const warnUnverified = (): void => {
    for (const s of states) {
      const unverified = s.judgement.unverifiedChanges
      if (!unverified.length) continue
      const why = s.stackWhy ? ` (its stack could not be read: ${s.stackWhy})` : ''
      log.warning(
        `Conformance pack ${s.pack.name}${why}: ${CHANGED_IN_PLACE}: ${unverified.join(', ')}`
      )
    }
  }

  try {
    if (signal.aborted) return { kind: 'cancelled', packs: [] }
    for (const pack of packs) {
      let rules: PackRule[]
      try {
        rules = await readPackRules(source, pack.name, signalFor)
      } catch (error) {
        if (!isMissing(error, 'pack')) throw error
        log.warning(`Conformance pack ${pack.name} no longer exists; its compliance is left out.`)
        continue
      }
      const state: Omit<PackState, 'judgement'> = {
        pack,
        rules,
        statuses: new Map(),
        resultTimes: new Map(),
        stackAsked: false,
        started: new Map(),
        resources: new Map()
      }
      states.push({
        ...state,
        judgement: judgePack({ requestedAt: pack.requestedAt, rules, statuses: new Map() })
      })
    }
    const count = states.reduce((n, s) => n + s.rules.length, 0)
    log.info(
      `Waiting for the evaluation of ${count} rule(s) of ${states.map((s) => s.pack.name).join(', ')}`
    )
    let round = 0
    let startsLeft = deps.startEvaluation
    for (;;) {
      let settledSome = false
      for (const s of states) {
        if (s.settledAt !== undefined) continue
        const before = pendingOf(s).length
        await poll(s)
        if (pendingOf(s).length < before) settledSome = true
        if (s.judgement.settled) s.settledAt = clock.now()
      }
      if (startsLeft) {
        startsLeft = false
        for (const s of states) await start(s)
      }
      deps.onRound?.(view())
      if (states.every((s) => s.settledAt !== undefined)) {
        warnUnverified()
        return { kind: 'done', packs: view() }
      }
      round = settledSome ? 0 : round + 1
      const delay = backoffDelay(round, deps.minDelayMs, deps.maxDelayMs, deps.random)
      if (clock.now() + delay >= deps.deadline) {
        warnUnverified()
        return { kind: 'timeout', packs: view(), message: timeoutMessage(states) }
      }
      await clock.sleep(delay, signal)
      if (signal.aborted) return { kind: 'cancelled', packs: view() }
    }
  } catch (error) {
    if (!(error instanceof StopEvaluation)) throw error
    const stop = error.stop
    switch (stop.kind) {
      case 'cancelled':
        return { kind: 'cancelled', packs: view() }
      case 'timeout':
        return {
          kind: 'timeout',
          packs: view(),
          message: `${timeoutMessage(states)}${stop.lastError ? ` (last error: ${stop.lastError})` : ''}`
        }
      case 'error':
        return { kind: 'error', packs: view(), message: stop.message }
      case 'missing':
        return {
          kind: 'error',
          packs: view(),
          message: `a ${stop.what} of the conformance packs disappeared while its rules were read`
        }
    }
    return { kind: 'error', packs: view(), message: 'the evaluation wait stopped' }
  } finally {
    reader?.close()
  }
}

/** Some rule may predate the deployment: its stack says whether this deployment changed it. */
function redeployed(s: PackState): boolean {
  return s.rules.some((r) => {
    const activated = s.statuses.get(r.name)?.firstActivatedAt
    return activated === undefined || activated <= s.pack.requestedAt
  })
}

function timeoutMessage(states: readonly PackState[]): string {
  const several = states.length > 1
  const names = states.flatMap((s) =>
    s.judgement.rules
      .filter((r) => r.verdict.kind === 'unevaluated')
      .map((r) => (several ? `${s.pack.name}/${r.name}` : r.name))
  )
  if (!names.length) return "Ran out of time reading the conformance pack rules' evaluation"
  const shown = names.slice(0, UNEVALUATED_NAMED).join(', ')
  const more =
    names.length > UNEVALUATED_NAMED ? ` and ${names.length - UNEVALUATED_NAMED} more` : ''
  return `Ran out of time waiting for the evaluation of conformance pack rules: ${names.length} rule(s) not evaluated since the deployment: ${shown}${more}`
}
