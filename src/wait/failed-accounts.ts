import { bestEffort, type BestEffortDeps } from '../shared/best-effort.js'
import type { FailureExplanation } from './explain-failures.js'
import type { OrganizationSource } from '../aws/organization-status-source.js'
import type { PackStatus } from '../packs/pack-state.js'

export const MEMBER_ACCOUNTS_IAM_ACTION = 'config:GetOrganizationConformancePackDetailedStatus'

/**
 * For every failed organization pack, every member account's status (all pages, once): which
 * accounts failed and why is what a person needs to fix a broken rollout. Best effort: a pack
 * whose accounts cannot be read is `unavailable`, and the result stays as it is.
 */
export async function readFailedAccounts(
  packs: readonly PackStatus[],
  deps: BestEffortDeps & { readonly source: OrganizationSource }
): Promise<Map<string, FailureExplanation>> {
  const explanations = new Map<string, FailureExplanation>()
  for (const pack of packs) {
    if (!pack.state.endsWith('_FAILED')) continue
    if (deps.signal.aborted) break
    const read = await bestEffort(
      (signal) => deps.source.memberAccounts(pack.name, () => signal),
      deps,
      {
        iamAction: MEMBER_ACCOUNTS_IAM_ACTION,
        what: `GetOrganizationConformancePackDetailedStatus ${pack.name}`
      }
    )
    explanations.set(
      pack.name,
      read.ok
        ? {
            kind: 'accounts',
            accounts: [...read.value].sort((a, b) => failedFirst(a.status) - failedFirst(b.status))
          }
        : { kind: 'unavailable', why: read.why }
    )
  }
  return explanations
}

const failedFirst = (status: string): number => (status.endsWith('_FAILED') ? 0 : 1)

/** The ids of the accounts whose deployment failed. */
export function failedAccountIds(
  explanation: FailureExplanation | undefined
): string[] | undefined {
  if (explanation?.kind !== 'accounts') return undefined
  return explanation.accounts.filter((a) => a.status.endsWith('_FAILED')).map((a) => a.accountId)
}
