import type { FailureClassifier } from '../shared/failure.js'
import type { DeletedState, ReportedPack } from '../packs/pack-state.js'

/** A fresh abort signal for each HTTP request: the caller bounds every request separately. */
export type RequestBound = () => AbortSignal

/**
 * Where the wait reads pack states from: an account's packs or an organization's (the AWS
 * adapters are src/aws/account-status-source.ts and src/aws/organization-status-source.ts).
 */
export interface StatusSource extends FailureClassifier {
  /** Most names asked for in one call (one page of answers). */
  readonly batchSize: number
  /** What a pack seen deleting becomes once it is gone. */
  readonly deletedState: DeletedState
  /** Every pack in the region, every page. */
  listAll(bound: RequestBound): Promise<ReportedPack[]>
  /**
   * The packs among `names` (at most `batchSize`) that exist. Unknown names are left out,
   * whichever way the service reports them.
   */
  describe(names: readonly string[], bound: RequestBound): Promise<ReportedPack[]>
  /** The IAM action of listAll's and describe's call: what an AccessDenied of theirs names. */
  readonly iamAction: string
  /** Best-effort reads that can tell a pack reported in progress has in fact settled. */
  readonly settle?: Settler
  /**
   * The message for credentials that expired after the wait had answers (`waited` is how long
   * it had waited): better credentials at the start cannot show that, and the usual advice
   * does not fix it.
   */
  expiredDuringWait(error: unknown, waited: string): string
}

/**
 * For a pack reported in progress round after round: whether it has in fact settled (an
 * organization pack's aggregate status can lag behind its member accounts). Optional: when
 * these reads fail, the reported status stands.
 */
export interface Settler {
  /** The IAM action of the call behind `settled`. */
  readonly iamAction: string
  /** Whether any member account reports the pack in `status` (one account is enough to know). */
  anyMemberAccount(packName: string, status: string, bound: RequestBound): Promise<boolean>
}
