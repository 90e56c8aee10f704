import {
  REQUEST_TIMEOUT_MS,
  classifyFailure,
  retry,
  untilDeadline,
  type Judgement
} from '../shared/request-policy.js'
import type { RunContext } from '../shared/context.js'
import type { ClassifiedError, FailureClassifier } from '../shared/failure.js'
import type { Log } from '../shared/log.js'
import { pageTokens } from '../shared/paging.js'
import type { EvaluationSummary, RuleEntry } from './evaluation-compliance.js'

/** A conformance pack's compliance as AWS Config summarises it. */
export type ComplianceStatus = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA'

export interface PackCompliance {
  readonly name: string
  readonly compliance: ComplianceStatus
  /** Every non-compliant rule of the pack, never capped; [] unless NON_COMPLIANT. */
  readonly nonCompliantRules: readonly string[]
  /** Per rule, when the rules were judged (the evaluation wait). */
  readonly rules?: readonly RuleEntry[]
  readonly evaluation?: EvaluationSummary
  /** Where the pack is, when known (the summary links resources to the console). */
  readonly region?: string
}

/** Where compliance is read from (the AWS adapter: src/aws/compliance-source.ts). */
export interface ComplianceSource extends FailureClassifier {
  /** One GetConformancePackComplianceSummary page for at most 5 names. */
  summaries(
    names: readonly string[],
    nextToken: string | undefined,
    signal: AbortSignal
  ): Promise<{ items: { name: string; compliance: string }[]; nextToken?: string }>
  /** One DescribeConformancePackCompliance page of the pack's NON_COMPLIANT rules. */
  nonCompliantRules(
    name: string,
    nextToken: string | undefined,
    signal: AbortSignal
  ): Promise<{ rules: string[]; nextToken?: string }>
  /** Whether an error says the pack asked for does not exist (any more). */
  isNoSuchPack(error: unknown): boolean
}

/**
 * How reading compliance ended. `timeout` keeps the packs read completely before the
 * deadline (a NON_COMPLIANT pack whose rules were not all read is left out of them).
 */
export type ComplianceRead =
  | { readonly kind: 'done'; readonly packs: readonly PackCompliance[] }
  | {
      readonly kind: 'timeout'
      readonly packs: readonly PackCompliance[]
      readonly message: string
    }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'cancelled' }

/** The run's context, and how patiently to retry. */
export interface ComplianceDeps extends RunContext {
  readonly source: ComplianceSource
  /** Upper bound for one request (the time left bounds it further); default REQUEST_TIMEOUT_MS. */
  readonly requestTimeoutMs?: number
  /** First pause after a transient error; default 1 s. */
  readonly minDelayMs?: number
  /** Longest pause between retries; default 8 s. */
  readonly maxDelayMs?: number
  readonly random?: () => number
}

export const COMPLIANCE_IAM_ACTIONS = [
  'config:GetConformancePackComplianceSummary',
  'config:DescribeConformancePackCompliance'
] as const

/** Most names GetConformancePackComplianceSummary accepts in one call. */
export const MAX_SUMMARY_NAMES = 5

const DEFAULT_MIN_DELAY_MS = 1_000
const DEFAULT_MAX_DELAY_MS = 8_000
const STATUSES: ReadonlySet<string> = new Set<ComplianceStatus>([
  'COMPLIANT',
  'NON_COMPLIANT',
  'INSUFFICIENT_DATA'
])

interface Operation {
  readonly name: string
  readonly iamAction: string
}

const SUMMARY: Operation = {
  name: 'GetConformancePackComplianceSummary',
  iamAction: COMPLIANCE_IAM_ACTIONS[0]
}
const RULES: Operation = {
  name: 'DescribeConformancePackCompliance',
  iamAction: COMPLIANCE_IAM_ACTIONS[1]
}

/** Why a request gave up: ends the whole read. */
type Stop =
  | { readonly kind: 'timeout'; readonly lastError?: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'cancelled' }

type Answer<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'missing' }
  | { readonly kind: 'stop'; readonly stop: Stop }

/**
 * Reads the compliance of the named packs (CREATE_COMPLETE ones: the service has nothing for
 * others): their summaries in batches of 5, then every non-compliant rule of each
 * NON_COMPLIANT pack. Results keep the input order. A pack that no longer exists is left
 * out, with a warning. Transient errors are retried with backoff until the deadline; never
 * throws for AWS trouble: that is the result's `kind`.
 */
export async function readCompliance(
  names: readonly string[],
  deps: ComplianceDeps
): Promise<ComplianceRead> {
  const { source, signal, log } = deps
  const random = deps.random ?? Math.random
  const requestTimeoutMs = deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const minDelayMs = deps.minDelayMs ?? DEFAULT_MIN_DELAY_MS
  const maxDelayMs = Math.max(minDelayMs, deps.maxDelayMs ?? DEFAULT_MAX_DELAY_MS)

  const wanted = [...new Set(names)]
  if (wanted.length === 0) return { kind: 'done', packs: [] }
  if (signal.aborted) return { kind: 'cancelled' }

  const statuses = new Map<string, ComplianceStatus>()
  const rules = new Map<string, readonly string[]>()
  let streak: { message: string; count: number } | undefined

  /** The packs read completely so far, in input order. */
  const packs = (): PackCompliance[] =>
    wanted.flatMap((name): PackCompliance[] => {
      const compliance = statuses.get(name)
      if (compliance === undefined) return []
      if (compliance !== 'NON_COMPLIANT') return [{ name, compliance, nonCompliantRules: [] }]
      const failing = rules.get(name)
      return failing ? [{ name, compliance, nonCompliantRules: failing }] : []
    })

  const end = (stop: Stop): ComplianceRead => {
    if (stop.kind !== 'timeout') return stop
    const read = packs()
    return {
      kind: 'timeout',
      packs: read,
      message: `Ran out of time reading the compliance of conformance packs: ${read.length} of ${wanted.length} read${stop.lastError ? ` (last error: ${stop.lastError})` : ''}`
    }
  }

  const policy = untilDeadline(minDelayMs, maxDelayMs, random)

  /** One request, retried while the error is transient and time is left. */
  async function request<T>(
    operation: Operation,
    what: string,
    send: (signal: AbortSignal) => Promise<T>
  ): Promise<Answer<T>> {
    const judge = (error: unknown, timedOut: boolean): Judgement<Answer<T>> => {
      if (!timedOut && source.isNoSuchPack(error))
        return { kind: 'stop', stop: { kind: 'missing' } }
      const classified = transientIfResolvedBefore(
        classifyFailure(error, timedOut, (e) => source.classify(e, operation.iamAction))
      )
      if (classified.kind === 'permanent') {
        const message = `${operation.name} failed: ${classified.message}`
        return { kind: 'stop', stop: stop({ kind: 'error', message }) }
      }
      return { kind: 'retry', message: classified.message }
    }
    const onRetry = (message: string): void => {
      streak =
        streak?.message === message ? { message, count: streak.count + 1 } : { message, count: 1 }
      if (streak.count === 1) {
        log.warning(`${operation.name} (${what}) failed, retrying: ${message}`)
      } else {
        log.debug(`${operation.name} (${what}) still failing (${streak.count} in a row)`)
      }
    }
    const answer = await retry(deps, policy, send, { judge, onRetry, timeoutMs: requestTimeoutMs })
    switch (answer.kind) {
      case 'ok':
        if (streak) log.debug(`AWS Config answered again after ${streak.count} failed call(s).`)
        streak = undefined
        return { kind: 'ok', value: answer.value }
      case 'cancelled':
        return stop({ kind: 'cancelled' })
      case 'stopped':
        return answer.stop
      case 'deadline':
      case 'exhausted':
        return stop({ kind: 'timeout', lastError: answer.lastError })
    }
  }

  /** The summaries of one batch; a batch naming a pack that is gone is asked name by name. */
  async function readBatch(batch: readonly string[]): Promise<Stop | undefined> {
    const found = new Map<string, ComplianceStatus>()
    const tokens = pageTokens(SUMMARY.name)
    let nextToken: string | undefined
    do {
      const answer = await request(SUMMARY, batch.join(', '), async (s) => {
        const page = await source.summaries(batch, nextToken, s)
        return { ...page, nextToken: tokens.follow(page.nextToken) }
      })
      if (answer.kind === 'stop') return answer.stop
      if (answer.kind === 'missing') {
        if (batch.length > 1) {
          log.debug(`a pack of [${batch.join(', ')}] no longer exists; asking name by name`)
          for (const name of batch) {
            const stopped = await readBatch([name])
            if (stopped) return stopped
          }
          return undefined
        }
        log.warning(`Conformance pack ${batch[0]} no longer exists; its compliance is left out.`)
        return undefined
      }
      for (const item of answer.value.items) {
        if (!batch.includes(item.name) || found.has(item.name)) continue
        found.set(item.name, toStatus(item.name, item.compliance, log))
      }
      nextToken = answer.value.nextToken || undefined
    } while (nextToken)
    for (const name of batch) {
      const status = found.get(name)
      if (status === undefined) {
        log.warning(`AWS Config returned no compliance for conformance pack ${name}; left out.`)
      } else statuses.set(name, status)
    }
    return undefined
  }

  /** Every non-compliant rule of one pack. */
  async function readRules(name: string): Promise<Stop | undefined> {
    const failing = new Set<string>()
    const tokens = pageTokens(RULES.name)
    let nextToken: string | undefined
    do {
      const answer = await request(RULES, name, async (s) => {
        const page = await source.nonCompliantRules(name, nextToken, s)
        return { ...page, nextToken: tokens.follow(page.nextToken) }
      })
      if (answer.kind === 'stop') return answer.stop
      if (answer.kind === 'missing') {
        log.warning(`Conformance pack ${name} no longer exists; its compliance is left out.`)
        statuses.delete(name)
        return undefined
      }
      for (const rule of answer.value.rules) failing.add(rule)
      nextToken = answer.value.nextToken || undefined
    } while (nextToken)
    rules.set(name, [...failing])
    return undefined
  }

  for (let i = 0; i < wanted.length; i += MAX_SUMMARY_NAMES) {
    const stopped = await readBatch(wanted.slice(i, i + MAX_SUMMARY_NAMES))
    if (stopped) return end(stopped)
  }
  for (const name of wanted) {
    if (statuses.get(name) !== 'NON_COMPLIANT') continue
    const stopped = await readRules(name)
    if (stopped) return end(stopped)
  }
  return { kind: 'done', packs: packs() }
}

function stop(reason: Stop): { kind: 'stop'; stop: Stop } {
  return { kind: 'stop', stop: reason }
}

function toStatus(name: string, status: string, log: Log): ComplianceStatus {
  if (STATUSES.has(status)) return status as ComplianceStatus
  log.debug(
    `conformance pack ${name}: unknown compliance status "${status}", read as INSUFFICIENT_DATA`
  )
  return 'INSUFFICIENT_DATA'
}

/**
 * Compliance is read after a wait that reached this endpoint: a host name that no longer
 * resolves (or a proxy that refuses) is a hiccup, not a misspelt region or a wrong proxy.
 */
function transientIfResolvedBefore(classified: ClassifiedError): ClassifiedError {
  return classified.kind === 'permanent' &&
    (classified.cause === 'unresolved-host' || classified.cause === 'unreachable-proxy')
    ? { kind: 'transient', message: classified.message }
    : classified
}
