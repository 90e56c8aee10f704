import { bestEffort, type BestEffortDeps } from '../shared/best-effort.js'
import type { FailureClassifier } from '../shared/failure.js'
import type { FailureExplanation } from './explain-failures.js'
import { accountFailed, type MemberAccountStatus } from '../packs/member-account.js'
import { isFailed, type PackStatus } from '../packs/pack-state.js'
import type { RequestBound } from './status-source.js'

export const MEMBER_ACCOUNTS_IAM_ACTION = 'config:GetOrganizationConformancePackDetailedStatus'

/** Where an organization pack's member accounts are read from (the organization's StatusSource). */
export interface MemberAccountSource extends FailureClassifier {
  /** Every member account's status of one pack (all pages), optionally filtered by status. */
  memberAccounts(name: string, bound: RequestBound, status?: string): Promise<MemberAccountStatus[]>
}

export interface FailedAccountsDeps extends BestEffortDeps {
  readonly source: MemberAccountSource
}

/**
 * For every failed organization pack, every member account's status (all pages, once): which
 * accounts failed and why is what a person needs to fix a broken rollout. Best effort: a pack
 * whose accounts cannot be read is `unavailable`, and the result stays as it is.
 */
export async function readFailedAccounts(
  packs: readonly PackStatus[],
  deps: FailedAccountsDeps
): Promise<Map<string, FailureExplanation>> {
  const explanations = new Map<string, FailureExplanation>()
  for (const pack of packs) {
    if (!isFailed(pack.state)) continue
    if (deps.signal.aborted) break
    const read = await bestEffort(
      (signal) => deps.source.memberAccounts(pack.name, () => signal),
      deps,
      {
        iamAction: MEMBER_ACCOUNTS_IAM_ACTION,
        what: `GetOrganizationConformancePackDetailedStatus ${pack.name}`,
        classifier: deps.source
      }
    )
    explanations.set(
      pack.name,
      read.ok
        ? {
            kind: 'accounts',
            accounts: [...read.value].sort((a, b) => failedFirst(a) - failedFirst(b))
          }
        : { kind: 'unavailable', why: read.why }
    )
  }
  return explanations
}

const failedFirst = (account: MemberAccountStatus): number => (accountFailed(account) ? 0 : 1)

/** The member accounts whose deployment failed; undefined when none were read. */
export function failedAccounts(
  explanation: FailureExplanation | undefined
): MemberAccountStatus[] | undefined {
  if (explanation?.kind !== 'accounts') return undefined
  return explanation.accounts.filter(accountFailed)
}

/** The ids of the accounts whose deployment failed. */
export function failedAccountIds(
  explanation: FailureExplanation | undefined
): string[] | undefined {
  return failedAccounts(explanation)?.map((a) => a.accountId)
}
