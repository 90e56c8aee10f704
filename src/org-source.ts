import {
  DescribeOrganizationConformancePackStatusesCommand,
  GetOrganizationConformancePackDetailedStatusCommand,
  type ConfigServiceClient,
  type OrganizationConformancePackDetailedStatus,
  type OrganizationConformancePackStatus
} from '@aws-sdk/client-config-service'
import { abortable } from './abortable.js'
import { describeOrList, type RequestBound, type StatusSource } from './config-source.js'
import { readPages } from './paging.js'
import { detailOf, found, type ReportedPack } from './pack-state.js'

/** Names per DescribeOrganizationConformancePackStatuses call (the API's maximum). */
export const MAX_ORGANIZATION_NAMES_PER_CALL = 25
const LIST_LIMIT = 100
/** Pages of one pack's member accounts: 100,000 accounts, more than an organization holds. */
const MEMBER_ACCOUNT_PAGES = 1000

/** One member account's deployment of an organization pack. */
export interface MemberAccountStatus {
  readonly accountId: string
  readonly status: string
  readonly errorCode?: string
  readonly message?: string
  readonly updatedAt?: Date
}

/** Reads organization packs' states; a StatusSource for the wait, plus member-account detail. */
export interface OrganizationSource extends StatusSource {
  /** Every member account's status of one pack (all pages), optionally filtered by status. */
  memberAccounts(name: string, bound: RequestBound, status?: string): Promise<MemberAccountStatus[]>
}

export function createOrganizationSource(
  client: ConfigServiceClient,
  debug: (message: string) => void = () => undefined
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
        debug(
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

  return {
    batchSize: MAX_ORGANIZATION_NAMES_PER_CALL,
    deletedState: 'DELETE_SUCCESSFUL',
    listAll: (bound) => statuses(undefined, bound),
    describe: (names, bound) =>
      describeOrList(
        names,
        bound,
        statuses,
        (error) =>
          (error as { name?: string }).name === 'NoSuchOrganizationConformancePackException',
        debug
      ),
    async settle(pack, bound) {
      // Seen from a delegated administrator, the aggregate status can stay *_IN_PROGRESS after
      // every member account has finished: ask the accounts themselves.
      const operation = pack.state.replace(/_IN_PROGRESS$/, '')
      if ((await memberAccounts(pack.name, bound, pack.state)).length > 0) return undefined
      const failed = (await memberAccounts(pack.name, bound, `${operation}_FAILED`)).length > 0
      const state = `${operation}_${failed ? 'FAILED' : 'SUCCESSFUL'}`
      debug(`${pack.name}: reported ${pack.state}, but no member account is; settled as ${state}`)
      return found({
        ...detailOf(pack),
        name: pack.name,
        state,
        reason: `AWS Config still reports ${pack.state}, but every member account has finished${failed ? ' and at least one failed' : ''}`
      })
    },
    memberAccounts
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
