import {
  REQUEST_TIMEOUT_MS,
  classifyFailure,
  retry,
  untilDeadline,
  type Judgement
} from '../shared/request-policy.js'
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

/** Why a request gave up: ends the evaluation wait, except `missing`. */
export type EvaluationStop =
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
 * The port with every request bounded (its own timeout, the deadline, the cancellation) and
 * transient errors retried with the wait's backoff until the deadline, so that a throttled
 * page is retried alone. A request that gives up throws StopEvaluation; a permanent error's
 * message names the IAM action of the call that failed.
 */
export function guardedSource(port: RuleEvaluationPort, deps: RequestDeps): RuleEvaluationSource {
  const policy = untilDeadline(deps.minDelayMs, deps.maxDelayMs, deps.random)
  let streak: { message: string; count: number } | undefined

  async function request<T>(
    method: keyof typeof OPERATIONS,
    what: string,
    send: (signal: AbortSignal) => Promise<T>
  ): Promise<T> {
    const [operation, iamAction] = OPERATIONS[method]
    const judge = (error: unknown, timedOut: boolean): Judgement<EvaluationStop> => {
      if (!timedOut && port.isNoSuchRule(error)) return stopWith({ kind: 'missing', what: 'rule' })
      if (!timedOut && port.isNoSuchPack(error)) return stopWith({ kind: 'missing', what: 'pack' })
      const classified = transientIfResolvedBefore(
        classifyFailure(error, timedOut, (e) => port.classify(e, iamAction))
      )
      if (classified.kind === 'permanent') {
        return stopWith({ kind: 'error', message: `${operation} failed: ${classified.message}` })
      }
      return { kind: 'retry', message: classified.message }
    }
    const onRetry = (message: string): void => {
      streak =
        streak?.message === message ? { message, count: streak.count + 1 } : { message, count: 1 }
      if (streak.count === 1)
        deps.log.warning(`${operation} (${what}) failed, retrying: ${message}`)
      else deps.log.debug(`${operation} (${what}) still failing (${streak.count} in a row)`)
    }
    const answer = await retry(deps, policy, send, {
      judge,
      onRetry,
      timeoutMs: deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
    })
    switch (answer.kind) {
      case 'ok':
        streak = undefined
        return answer.value
      case 'cancelled':
        throw new StopEvaluation({ kind: 'cancelled' })
      case 'stopped':
        throw new StopEvaluation(answer.stop)
      case 'deadline':
      case 'exhausted':
        throw new StopEvaluation({ kind: 'timeout', lastError: answer.lastError })
    }
  }

  // The signal each read helper passes is replaced by the request's own bound.
  return {
    packRules: (pack, token) => request('packRules', pack, (s) => port.packRules(pack, token, s)),
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

function stopWith(stop: EvaluationStop): Judgement<EvaluationStop> {
  return { kind: 'stop', stop }
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
 * left out, and `onMissing` told.
 */
export async function statusesOf(
  source: RuleEvaluationSource,
  names: readonly string[],
  signalFor: SignalFor,
  onMissing: () => void
): Promise<Map<string, RuleEvaluationStatus>> {
  if (!names.length) return new Map()
  try {
    return await readStatuses(source, names, signalFor)
  } catch (error) {
    if (!isMissing(error, 'rule')) throw error
  }
  // One unknown name rejects its whole batch: ask name by name.
  const statuses = new Map<string, RuleEvaluationStatus>()
  for (const name of names) {
    try {
      for (const [n, s] of await readStatuses(source, [name], signalFor)) statuses.set(n, s)
    } catch (error) {
      if (!isMissing(error, 'rule')) throw error
      onMissing()
    }
  }
  return statuses
}
