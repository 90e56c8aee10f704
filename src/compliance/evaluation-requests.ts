import { REQUEST_TIMEOUT_MS, boundRequest, classifyFailure } from '../shared/request-policy.js'
import type { RunContext } from '../shared/context.js'
import type { ClassifiedError, FailureClassifier } from '../shared/failure.js'
import {
  RULE_EVALUATION_IAM_ACTIONS,
  readStatuses,
  type RuleEvaluationSource,
  type SignalFor
} from './rule-evaluation-reads.js'
import type { RuleEvaluationStatus } from './rule-judgement.js'

/** The rule-evaluation reads with what their errors mean (the AWS adapter implements it). */
export interface RuleEvaluationPort extends RuleEvaluationSource, FailureClassifier {
  /** NoSuchConfigRuleException: a rule named no longer exists (the pack changed since). */
  isNoSuchRule(error: unknown): boolean
  /** NoSuchConformancePackException. */
  isNoSuchPack(error: unknown): boolean
}

/** Why a request gave up: ends the evaluation wait, except `missing` and `transient`. */
export type EvaluationStop =
  /** Worth trying again at the next round: the round ends, the schedule backs off. */
  | { readonly kind: 'transient'; readonly message: string }
  | { readonly kind: 'timeout'; readonly lastError?: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'cancelled' }
  /** A rule or the pack asked about is gone: the caller decides what that means. */
  | { readonly kind: 'missing'; readonly what: 'rule' | 'pack' }

/** Thrown through the read helpers by the guarded source; the wait turns it into its result. */
export class StopEvaluation extends Error {
  constructor(readonly stop: EvaluationStop) {
    super(`evaluation wait stopped: ${stop.kind}`)
    this.name = 'StopEvaluation'
  }
}

export interface RequestDeps extends RunContext {
  readonly minDelayMs: number
  readonly maxDelayMs: number
  readonly requestTimeoutMs?: number
  readonly random?: () => number
}

const OPERATIONS = {
  packRules: ['DescribeConformancePackCompliance', RULE_EVALUATION_IAM_ACTIONS.rules],
  statuses: ['DescribeConfigRuleEvaluationStatus', RULE_EVALUATION_IAM_ACTIONS.statuses],
  results: ['GetConformancePackComplianceDetails', RULE_EVALUATION_IAM_ACTIONS.results],
  startEvaluation: ['StartConfigRulesEvaluation', RULE_EVALUATION_IAM_ACTIONS.start]
} as const

/**
 * The port with every request bounded (its own timeout, the deadline, the cancellation), one
 * attempt each: a request that fails throws StopEvaluation, `transient` for what the next
 * round may retry (throttling, 5xx, a timeout), which the wait's schedule backs off from. A
 * permanent error's message names the IAM action of the call that failed.
 */
export function guardedSource(port: RuleEvaluationPort, deps: RequestDeps): RuleEvaluationSource {
  async function request<T>(
    method: keyof typeof OPERATIONS,
    what: string,
    send: (signal: AbortSignal) => Promise<T>
  ): Promise<T> {
    const [operation, iamAction] = OPERATIONS[method]
    if (deps.signal.aborted) throw new StopEvaluation({ kind: 'cancelled' })
    if (deps.deadline - deps.clock.now() <= 0) throw new StopEvaluation({ kind: 'timeout' })
    const bounded = boundRequest(deps, deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS)
    try {
      return await send(bounded.signal)
    } catch (error) {
      if (deps.signal.aborted) throw new StopEvaluation({ kind: 'cancelled' })
      const timedOut = bounded.timedOut()
      if (!timedOut && port.isNoSuchRule(error))
        throw new StopEvaluation({ kind: 'missing', what: 'rule' })
      if (!timedOut && port.isNoSuchPack(error))
        throw new StopEvaluation({ kind: 'missing', what: 'pack' })
      const classified = transientIfResolvedBefore(
        classifyFailure(error, timedOut, (e) => port.classify(e, iamAction))
      )
      if (classified.kind === 'permanent') {
        throw new StopEvaluation({
          kind: 'error',
          message: `${operation} failed: ${classified.message}`
        })
      }
      throw new StopEvaluation({
        kind: 'transient',
        message: `${operation} (${what}): ${classified.message}`
      })
    }
  }

  // The signal each read helper passes is replaced by the request's own bound.
  return {
    packRules: (pack, token, _signal, rules) =>
      request('packRules', pack, (s) => port.packRules(pack, token, s, rules)),
    statuses: (rules, token) =>
      request('statuses', rules.join(', '), (s) => port.statuses(rules, token, s)),
    results: (pack, filter, token) =>
      request('results', `${pack}: ${filter.rules.join(', ')}`, (s) =>
        port.results(pack, filter, token, s)
      ),
    startEvaluation: (rules) =>
      request('startEvaluation', rules.join(', '), (s) => port.startEvaluation(rules, s))
  }
}

/**
 * The evaluation is read after a wait that reached this endpoint: a host name that no longer
 * resolves (or a proxy that refuses) is a hiccup, not a misspelt region or a wrong proxy.
 */
function transientIfResolvedBefore(classified: ClassifiedError): ClassifiedError {
  return classified.kind === 'permanent' &&
    (classified.cause === 'unresolved-host' || classified.cause === 'unreachable-proxy')
    ? { kind: 'transient', message: classified.message }
    : classified
}

/** Whether a guarded request gave up because the rule or pack asked about is gone. */
export function isMissing(error: unknown, what: 'rule' | 'pack'): boolean {
  return (
    error instanceof StopEvaluation && error.stop.kind === 'missing' && error.stop.what === what
  )
}

/**
 * Statuses of the rules named (through a guarded source); a rule that no longer exists is
 * left out and named in `missing`.
 */
export async function statusesOf(
  source: RuleEvaluationSource,
  names: readonly string[],
  signalFor: SignalFor
): Promise<{ statuses: Map<string, RuleEvaluationStatus>; missing: string[] }> {
  if (!names.length) return { statuses: new Map(), missing: [] }
  try {
    return { statuses: await readStatuses(source, names, signalFor), missing: [] }
  } catch (error) {
    if (!isMissing(error, 'rule')) throw error
  }
  // One unknown name rejects its whole batch: ask name by name.
  const statuses = new Map<string, RuleEvaluationStatus>()
  const missing: string[] = []
  for (const name of names) {
    try {
      for (const [n, s] of await readStatuses(source, [name], signalFor)) statuses.set(n, s)
    } catch (error) {
      if (!isMissing(error, 'rule')) throw error
      missing.push(name)
    }
  }
  return { statuses, missing }
}
