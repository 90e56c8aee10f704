import { backoffDelay } from './backoff.js'
import type { RunContext } from './context.js'
import type { ClassifiedError } from './failure.js'

/**
 * One bounded request, and retry with backoff, for every call the action makes.
 *
 * A request is bounded three ways: the run's deadline, the run's cancellation, and its own
 * timeout (REQUEST_TIMEOUT_MS, or less when less time is left). A request cut off by its own
 * timeout is a transient failure ("request timed out"); one cut off by the cancellation is no
 * failure at all.
 *
 * Who retries, and how, differs on purpose:
 * - The wait (src/wait/wait-for-packs.ts) does not retry a request: a transient failure ends
 *   the round, and the next poll, at the wait's own backoff, is the retry. It uses only
 *   `boundRequest` and `classifyFailure`.
 * - Best-effort reads after the wait (BEST_EFFORT_RETRY) make 3 attempts with a short pause:
 *   what they explain is nice to have, and the run's result is already known. A pause is cut
 *   to the time left; the attempt after it then finds the deadline passed.
 * - The evaluation wait (src/compliance/evaluation-wait.ts) does as the wait does: one attempt
 *   a request, and the next round, at its schedule's backoff, is the retry.
 */

/** The most one request may take (the time left bounds it further): AWS's calls and GitHub's. */
export const REQUEST_TIMEOUT_MS = 10_000

/** The clock, deadline and cancellation of the run, as a request sees them. */
export type RequestScope = Pick<RunContext, 'clock' | 'deadline' | 'signal'>

export interface BoundedRequest {
  /** Aborts on the run's cancellation or at the request's own timeout. */
  readonly signal: AbortSignal
  /** Whether the request's own timeout (not the cancellation) cut it off. */
  timedOut(): boolean
}

/** A fresh bound for one request: at most `timeoutMs`, never past the deadline, at least 1 ms. */
export function boundRequest(
  scope: RequestScope,
  timeoutMs: number = REQUEST_TIMEOUT_MS
): BoundedRequest {
  const timer = AbortSignal.timeout(
    Math.max(1, Math.min(timeoutMs, scope.deadline - scope.clock.now()))
  )
  return { signal: AbortSignal.any([scope.signal, timer]), timedOut: () => timer.aborted }
}

/** What a request cut off by its own timeout failed with. */
export const TIMED_OUT: ClassifiedError = { kind: 'transient', message: 'request timed out' }

/** A request's error: its own timeout, or what the port that made the call says it is. */
export function classifyFailure(
  error: unknown,
  timedOut: boolean,
  classify: (error: unknown) => ClassifiedError
): ClassifiedError {
  return timedOut ? TIMED_OUT : classify(error)
}

export interface RetryPolicy {
  /** Most attempts in all; undefined: as many as the deadline allows. */
  readonly attempts?: number
  /** The pause after failed attempt number `attempt` (0 for the first). */
  pause(attempt: number): number
  /**
   * What a pause that reaches the deadline does. `clip`: it is cut to the time left (the next
   * attempt then finds the deadline passed). `stop`: no pause, no retry; the deadline ends it.
   */
  readonly atDeadline: 'clip' | 'stop'
}

/** Best-effort reads after the wait: 3 attempts, pauses of 1 s, then 1 to 2 s. */
export const BEST_EFFORT_RETRY: RetryPolicy = {
  attempts: 3,
  pause: (attempt) => backoffDelay(attempt, 1000, 4000),
  atDeadline: 'clip'
}

/** What a failed attempt means: retry it (with the reason), or stop with the caller's own result. */
export type Judgement<S> =
  { readonly kind: 'retry'; readonly message: string } | { readonly kind: 'stop'; readonly stop: S }

export type Retried<T, S> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'stopped'; readonly stop: S }
  /** The deadline passed, or a retry could only have started at or after it. */
  | { readonly kind: 'deadline'; readonly lastError?: string }
  /** Every attempt the policy allows failed. */
  | { readonly kind: 'exhausted'; readonly lastError: string }

export interface RetryOptions<S> {
  /**
   * What an error means, `timedOut` when the request's own timeout cut it off. Not asked
   * when the run was cancelled.
   */
  readonly judge: (error: unknown, timedOut: boolean) => Judgement<S>
  /** Bound of one request; default REQUEST_TIMEOUT_MS. */
  readonly timeoutMs?: number
  /** After a retryable failure with attempts left, before the pause. */
  readonly onRetry?: (message: string) => void
}

/**
 * `send`, each attempt under a fresh bound, retried as `policy` says while `judge` says the
 * error is worth it. Never throws what `send` throws.
 */
export async function retry<T, S>(
  scope: RequestScope,
  policy: RetryPolicy,
  send: (signal: AbortSignal) => Promise<T>,
  options: RetryOptions<S>
): Promise<Retried<T, S>> {
  const { clock, deadline, signal } = scope
  let lastError: string | undefined
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) return { kind: 'cancelled' }
    if (deadline - clock.now() <= 0) return { kind: 'deadline', lastError }
    const request = boundRequest(scope, options.timeoutMs)
    try {
      return { kind: 'ok', value: await send(request.signal) }
    } catch (error) {
      if (signal.aborted) return { kind: 'cancelled' }
      const judged = options.judge(error, request.timedOut())
      if (judged.kind === 'stop') return { kind: 'stopped', stop: judged.stop }
      lastError = judged.message
      if (policy.attempts !== undefined && attempt >= policy.attempts - 1)
        return { kind: 'exhausted', lastError }
      options.onRetry?.(lastError)
      const pause = policy.pause(attempt)
      const left = deadline - clock.now()
      if (policy.atDeadline === 'stop' && pause >= left) return { kind: 'deadline', lastError }
      await clock.sleep(
        policy.atDeadline === 'clip' ? Math.min(pause, Math.max(0, left)) : pause,
        signal
      )
    }
  }
}
