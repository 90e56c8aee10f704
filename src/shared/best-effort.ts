import type { RunContext } from './context.js'
import type { FailureClassifier } from './failure.js'
import { BEST_EFFORT_RETRY, classifyFailure, retry, type Judgement } from './request-policy.js'

/** What a best-effort read after the wait shares with it: the run's context. */
export interface BestEffortDeps extends RunContext {
  /** Upper bound for one request; default REQUEST_TIMEOUT_MS. */
  readonly requestTimeoutMs?: number
}

export type BestEffort<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string }

/**
 * One bounded request, retried on transient errors under BEST_EFFORT_RETRY (a few times, with
 * a pause, never past the deadline). Never throws: a failure comes back with the reason a
 * person can act on. Retries are told in the debug log.
 */
export async function bestEffort<T>(
  request: (signal: AbortSignal) => Promise<T>,
  deps: BestEffortDeps,
  options: {
    readonly iamAction: string
    readonly what: string
    /** The port that made the call: what its errors mean. */
    readonly classifier: FailureClassifier
    /** A reason of its own for errors that need no classification (a deleted stack). */
    readonly interpret?: (error: unknown) => string | undefined
  }
): Promise<BestEffort<T>> {
  const judge = (error: unknown, timedOut: boolean): Judgement<string> => {
    const own = options.interpret?.(error)
    if (own) return { kind: 'stop', stop: own }
    const classified = classifyFailure(error, timedOut, (e) =>
      options.classifier.classify(e, options.iamAction)
    )
    return classified.kind === 'permanent'
      ? { kind: 'stop', stop: classified.message }
      : { kind: 'retry', message: classified.message }
  }
  const read = await retry(deps, BEST_EFFORT_RETRY, request, {
    judge,
    timeoutMs: deps.requestTimeoutMs,
    onRetry: (message) => deps.log.debug(`${options.what}: ${message}; retrying`)
  })
  switch (read.kind) {
    case 'ok':
      return { ok: true, value: read.value }
    case 'cancelled':
      return { ok: false, why: 'the run was cancelled' }
    case 'stopped':
      return { ok: false, why: read.stop }
    case 'deadline':
      return {
        ok: false,
        why: `the deadline passed${read.lastError ? ` (last error: ${read.lastError})` : ''}`
      }
    case 'exhausted':
      return { ok: false, why: `it kept failing: ${read.lastError}` }
  }
}
