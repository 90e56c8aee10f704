/**
 * A failed call as every stage judges it: `transient` is retried (throttling, 5xx, network
 * trouble, a stalled request); `permanent` ends the stage at once, because retrying cannot
 * help and the person reading the log has to act. A permanent error's `cause` lets a caller
 * that knows more (how long it has waited, whether the host answered before) say it better or
 * judge it differently.
 */
export type ClassifiedError =
  | { readonly kind: 'transient'; readonly message: string }
  | { readonly kind: 'permanent'; readonly message: string; readonly cause?: PermanentCause }

export type PermanentCause =
  'access-denied' | 'credentials' | 'expired-credentials' | 'unresolved-host' | 'unreachable-proxy'

/** A failed call, or the run's cancellation (which is no failure of the call). */
export type CallFailure = ClassifiedError | { readonly kind: 'cancelled' }

/**
 * How a port tells its own errors apart. Only the adapter knows what its SDK throws, so every
 * port whose calls can fail carries this: the stages never look inside an error themselves.
 * `iamAction` is the action of the call that failed; `region`, when known, is named if the
 * endpoint's host does not resolve.
 */
export interface FailureClassifier {
  classify(error: unknown, iamAction: string, region?: string): ClassifiedError
}
