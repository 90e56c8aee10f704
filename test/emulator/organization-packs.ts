import type { OrganizationState } from '../../src/packs/pack-state.js'
import {
  jsonError,
  ok,
  pageOf,
  stepAt,
  type JsonOperation,
  type OperationContext
} from './operation.js'

/**
 * Organization conformance packs for the emulator: DescribeOrganizationConformancePackStatuses
 * and GetOrganizationConformancePackDetailedStatus, with aggregate timelines over the nine
 * states and per-account statuses of their own (which may finish before the aggregate does).
 */

export interface OrganizationStep {
  /** ABSENT: the pack does not exist at that point (not yet created, or deleted). */
  readonly state: OrganizationState | 'ABSENT'
  readonly errorCode?: string
  readonly errorMessage?: string
  /** Applies from this DescribeOrganizationConformancePackStatuses call on. */
  readonly atCall?: number
  readonly atMs?: number
  /** LastUpdateTime (epoch ms) while this step applies; default when first answered so. */
  readonly updatedAt?: number
}

export interface MemberAccountStep {
  readonly status: string
  readonly errorCode?: string
  readonly errorMessage?: string
  /** Applies from this DescribeOrganizationConformancePackStatuses call on. */
  readonly atCall?: number
  readonly atMs?: number
}

export interface EmulatedMemberAccount {
  readonly accountId: string
  readonly timeline: readonly MemberAccountStep[]
}

export interface EmulatedOrganizationPack {
  readonly name: string
  readonly timeline: readonly OrganizationStep[]
  readonly accounts?: readonly EmulatedMemberAccount[]
  /** Only in this region; default every region. */
  readonly region?: string
}

export interface OrganizationScenario {
  readonly packs?: readonly EmulatedOrganizationPack[]
  /** The caller is neither the management account nor a delegated administrator. */
  readonly accessDenied?: boolean
}

const NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/
const MAX_NAMES = 25
const MAX_LIMIT = 100

function denied(ctx: OperationContext) {
  return ctx.scenario.organization?.accessDenied
    ? jsonError(
        400,
        'OrganizationAccessDeniedException',
        'For PutConfigurationAggregator API, no permission to call EnableAWSServiceAccess API. Caller must be the management account or a delegated administrator of the organization.'
      )
    : undefined
}

/** The number of status calls so far decides the timelines of both operations. */
function statusCalls(ctx: OperationContext, own: 'status' | 'detail'): number {
  return own === 'status'
    ? ctx.call
    : (ctx.statusCalls?.('DescribeOrganizationConformancePackStatuses') ?? 0)
}

function visible(ctx: OperationContext, own: 'status' | 'detail') {
  const call = statusCalls(ctx, own)
  return (ctx.scenario.organization?.packs ?? [])
    .filter((pack) => !pack.region || pack.region === ctx.region)
    .map((pack) => ({ pack, step: stepAt(pack.timeline, call, ctx.elapsedMs) }))
    .filter(({ step }) => step.state !== 'ABSENT')
}

export const describeOrganizationConformancePackStatuses: JsonOperation = (body, ctx) => {
  const refused = denied(ctx)
  if (refused) return refused
  const names = body.OrganizationConformancePackNames as string[] | undefined
  const limit = (body.Limit as number | undefined) ?? 0
  if (limit < 0 || limit > MAX_LIMIT)
    return jsonError(400, 'InvalidLimitException', `Limit ${limit} is out of range`)
  if (names && names.length > MAX_NAMES) {
    return jsonError(
      400,
      'ValidationException',
      `Member must have length less than or equal to ${MAX_NAMES}`
    )
  }
  const bad = names?.find((n) => n.length < 1 || n.length > 128 || !NAME.test(n))
  if (bad !== undefined)
    return jsonError(
      400,
      'ValidationException',
      `Invalid organization conformance pack name ${bad}`
    )
  const packs = visible(ctx, 'status')
  const item = ({ pack, step }: (typeof packs)[number]) => ({
    OrganizationConformancePackName: pack.name,
    Status: step.state,
    ...(step.errorCode ? { ErrorCode: step.errorCode } : {}),
    ...(step.errorMessage ? { ErrorMessage: step.errorMessage } : {}),
    LastUpdateTime:
      (step.updatedAt ?? ctx.firstSeen(`org/${ctx.region}/${pack.name}`, step.state)) / 1000
  })
  if (names?.length) {
    // Limit and NextToken do not apply when names are given; an unknown name rejects the call.
    const present = new Set(packs.map(({ pack }) => pack.name))
    if (names.some((n) => !present.has(n))) {
      return jsonError(
        400,
        'NoSuchOrganizationConformancePackException',
        'One or more organization conformance packs with specified names are not present. Ensure your names are correct and try your request again later.'
      )
    }
    return ok({
      OrganizationConformancePackStatuses: packs
        .filter(({ pack }) => names.includes(pack.name))
        .map(item)
    })
  }
  const paged = pageOf(packs, body.NextToken, limit || MAX_LIMIT)
  if (!paged) return jsonError(400, 'InvalidNextTokenException', 'Invalid NextToken')
  return ok({
    OrganizationConformancePackStatuses: paged.page.map(item),
    ...(paged.next ? { NextToken: paged.next } : {})
  })
}

export const getOrganizationConformancePackDetailedStatus: JsonOperation = (body, ctx) => {
  const refused = denied(ctx)
  if (refused) return refused
  const name = body.OrganizationConformancePackName as string | undefined
  const found = visible(ctx, 'detail').find(({ pack }) => pack.name === name)
  if (!found) {
    return jsonError(
      400,
      'NoSuchOrganizationConformancePackException',
      `Organization conformance pack ${name} does not exist.`
    )
  }
  const limit = (body.Limit as number | undefined) ?? 0
  if (limit < 0 || limit > MAX_LIMIT)
    return jsonError(400, 'InvalidLimitException', `Limit ${limit} is out of range`)
  const filters = (body.Filters ?? {}) as { AccountId?: string; Status?: string }
  const call = statusCalls(ctx, 'detail')
  const accounts = (found.pack.accounts ?? [])
    .map((account) => ({ account, step: stepAt(account.timeline, call, ctx.elapsedMs) }))
    .filter(
      ({ account, step }) =>
        (!filters.AccountId || account.accountId === filters.AccountId) &&
        (!filters.Status || step.status === filters.Status)
    )
  const paged = pageOf(accounts, body.NextToken, limit || MAX_LIMIT)
  if (!paged) return jsonError(400, 'InvalidNextTokenException', 'Invalid NextToken')
  return ok({
    OrganizationConformancePackDetailedStatuses: paged.page.map(({ account, step }) => ({
      AccountId: account.accountId,
      ConformancePackName: `OrgConformsPack-${found.pack.name}`,
      Status: step.status,
      ...(step.errorCode ? { ErrorCode: step.errorCode } : {}),
      ...(step.errorMessage ? { ErrorMessage: step.errorMessage } : {}),
      LastUpdateTime: ctx.startedAt / 1000
    })),
    ...(paged.next ? { NextToken: paged.next } : {})
  })
}
