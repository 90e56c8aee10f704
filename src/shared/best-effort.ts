import { classifyError } from '../aws/errors.js'
import { backoffDelay } from '../wait/backoff.js'
import type { Clock } from './clock.js'

/** What a best-effort read after the wait shares with it: the deadline and the cancellation. */
export interface BestEffortDeps {
  readonly clock: Clock
  /** The wait's deadline (epoch ms). */
  readonly deadline: number
  readonly signal: AbortSignal
  readonly requestTimeoutMs?: number
  readonly debug?: (message: string) => void
}

export type BestEffort<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string }

const ATTEMPTS = 3

/**
 * One bounded request, retried on transient errors (a few times, with a pause, never past the
 * deadline). Never throws: a failure comes back with the reason a person can act on.
 */
export async function bestEffort<T>(
  request: (signal: AbortSignal) => Promise<T>,
  deps: BestEffortDeps,
  options: {
    readonly iamAction: string
    readonly what: string
    /** A reason of its own for errors that need no classification (a deleted stack). */
    readonly interpret?: (error: unknown) => string | undefined
  }
): Promise<BestEffort<T>> {
  const { clock, deadline, signal } = deps
  let last = ''
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const left = deadline - clock.now()
    if (signal.aborted) return { ok: false, why: 'the run was cancelled' }
    if (left <= 0)
      return { ok: false, why: `the deadline passed${last ? ` (last error: ${last})` : ''}` }
    const timer = AbortSignal.timeout(Math.max(1, Math.min(deps.requestTimeoutMs ?? 10_000, left)))
    try {
      return { ok: true, value: await request(AbortSignal.any([signal, timer])) }
    } catch (error) {
      if (signal.aborted) return { ok: false, why: 'the run was cancelled' }
      const own = options.interpret?.(error)
      if (own) return { ok: false, why: own }
      const classified = timer.aborted
        ? { kind: 'transient', message: 'request timed out' }
        : classifyError(error, options.iamAction)
      if (classified.kind === 'permanent') return { ok: false, why: classified.message }
      last = classified.message
      if (attempt === ATTEMPTS - 1) break
      deps.debug?.(`${options.what}: ${last}; retrying`)
      await clock.sleep(
        Math.min(backoffDelay(attempt, 1000, 4000), Math.max(0, deadline - clock.now())),
        signal
      )
    }
  }
  return { ok: false, why: `it kept failing: ${last}` }
}
