import { isFailed } from './pack-state.js'

/** One member account's deployment of an organization pack. */
export interface MemberAccountStatus {
  readonly accountId: string
  /** CREATE_SUCCESSFUL, UPDATE_FAILED, … as GetOrganizationConformancePackDetailedStatus says. */
  readonly status: string
  readonly errorCode?: string
  readonly message?: string
  readonly updatedAt?: Date
}

/** Whether the pack's deployment failed in this account. */
export function accountFailed(account: MemberAccountStatus): boolean {
  return isFailed(account.status)
}
