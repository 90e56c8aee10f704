import {
  DescribeOrganizationConformancePackStatusesCommand,
  GetOrganizationConformancePackDetailedStatusCommand,
  type ConfigServiceClient,
  type OrganizationConformancePackDetailedStatus,
  type OrganizationConformancePackStatus
} from '@aws-sdk/client-config-service'
import { abortable } from '../shared/abortable.js'
import { ORGANIZATION_IAM_ACTIONS, classifyError, expiredDuringWait } from './errors.js'
import { describeOrList } from './account-status-source.js'
import { readPages } from '../shared/paging.js'
import type { ReportedPack } from '../packs/pack-state.js'
import { silentLog, type Log } from '../shared/log.js'
import type { MemberAccountStatus } from '../packs/member-account.js'
import type { MemberAccountSource } from '../wait/failed-accounts.js'
import type { RequestBound, StatusSource } from '../wait/status-source.js'

/** Names per DescribeOrganizationConformancePackStatuses call (the API's maximum). */
export const MAX_ORGANIZATION_NAMES_PER_CALL = 25
const LIST_LIMIT = 100
/** Pages of one pack's member accounts: 100,000 accounts, more than an organization holds. */
const MEMBER_ACCOUNT_PAGES = 1000

/** Reads organization packs' states; a StatusSource for the wait, plus member-account detail. */
export interface OrganizationSource extends StatusSource, MemberAccountSource {}

/**
 * An organization's packs and their member accounts; calls are told in the debug log. Longer
 * than 60 lines on purpose: an adapter object whose methods share one client and one log.
 */
export function createOrganizationSource(
  client: ConfigServiceClient,
  log: Log = silentLog
): OrganizationSource {
  const send = <T>(
    promise: (signal: AbortSignal) => Promise<T>,
    bound: RequestBound
  ): Promise<T> => {
    const signal = bound()
    return abortable(promise(signal), signal)
  }

  async function statuses(
    names: readonly string[] | undefined,
    bound: RequestBound
  ): Promise<ReportedPack[]> {
    const pages = await readPages(
      'DescribeOrganizationConformancePackStatuses',
      async (nextToken) => {
        const out = await send(
          (abortSignal) =>
            client.send(
              new DescribeOrganizationConformancePackStatusesCommand(
                names
                  ? { OrganizationConformancePackNames: [...names] }
                  : { Limit: LIST_LIMIT, NextToken: nextToken }
              ),
              { abortSignal }
            ),
          bound
        )
        log.debug(
          `DescribeOrganizationConformancePackStatuses(${names ? `${names.length} names` : 'all'}): ${out.OrganizationConformancePackStatuses?.length ?? 0} packs`
        )
        return out
      },
      // Limit and NextToken apply only when listing every pack.
      (out) => (names ? undefined : out.NextToken)
    )
    return pages.flatMap((out) =>
      (out.OrganizationConformancePackStatuses ?? []).map(toReportedPack)
    )
  }

  async function memberAccounts(
    name: string,
    bound: RequestBound,
    status?: string
  ): Promise<MemberAccountStatus[]> {
    const pages = await readPages(
      'GetOrganizationConformancePackDetailedStatus',
      (nextToken) =>
        send(
          (abortSignal) =>
            client.send(
              new GetOrganizationConformancePackDetailedStatusCommand({
                OrganizationConformancePackName: name,
                Filters: status ? { Status: status as never } : undefined,
                Limit: LIST_LIMIT,
                NextToken: nextToken
              }),
              { abortSignal }
            ),
          bound
        ),
      (out) => out.NextToken,
      MEMBER_ACCOUNT_PAGES
    )
    return pages.flatMap((out) =>
      (out.OrganizationConformancePackDetailedStatuses ?? []).map(toMemberAccount)
    )
  }

  /** Whether any member account is in `status`: one account is enough to know. */
  async function anyMemberAccount(
    name: string,
    bound: RequestBound,
    status: string
  ): Promise<boolean> {
    const out = await send(
      (abortSignal) =>
        client.send(
          new GetOrganizationConformancePackDetailedStatusCommand({
            OrganizationConformancePackName: name,
            Filters: { Status: status as never },
            Limit: 1
          }),
          { abortSignal }
        ),
      bound
    )
    return (out.OrganizationConformancePackDetailedStatuses ?? []).length > 0
  }

  return {
    batchSize: MAX_ORGANIZATION_NAMES_PER_CALL,
    iamAction: ORGANIZATION_IAM_ACTIONS[0],
    deletedState: 'DELETE_SUCCESSFUL',
    listAll: (bound) => statuses(undefined, bound),
    describe: (names, bound) =>
      describeOrList(
        names,
        bound,
        statuses,
        (error) =>
          (error as { name?: string }).name === 'NoSuchOrganizationConformancePackException',
        log
      ),
    settle: {
      iamAction: ORGANIZATION_IAM_ACTIONS[1],
      anyMemberAccount: (name, status, bound) => anyMemberAccount(name, bound, status)
    },
    memberAccounts,
    classify: classifyError,
    expiredDuringWait
  }
}

function toReportedPack(s: OrganizationConformancePackStatus): ReportedPack {
  return {
    name: s.OrganizationConformancePackName ?? '',
    state: s.Status,
    reason: s.ErrorMessage || undefined,
    errorCode: s.ErrorCode || undefined,
    updatedAt: s.LastUpdateTime
  }
}

function toMemberAccount(s: OrganizationConformancePackDetailedStatus): MemberAccountStatus {
  return {
    accountId: s.AccountId ?? '',
    status: s.Status ?? '',
    errorCode: s.ErrorCode || undefined,
    message: s.ErrorMessage || undefined,
    updatedAt: s.LastUpdateTime
  }
}
