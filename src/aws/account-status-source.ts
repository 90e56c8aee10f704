import {
  DescribeConformancePackStatusCommand,
  type ConfigServiceClient,
  type ConformancePackStatusDetail
} from '@aws-sdk/client-config-service'
import { abortable } from './abortable.js'
import { IAM_ACTION, isNoSuchPackError } from './errors.js'
import { readPages } from './paging.js'
import type { DeletedState, PackStatus, ReportedPack } from '../packs/pack-state.js'

/** A fresh abort signal for each HTTP request: the caller bounds every request separately. */
export type RequestBound = () => AbortSignal

/** Where the wait reads pack states from; the AWS implementations are below and in org-source.ts. */
export interface StatusSource {
  /** Most names asked for in one call (one page of answers). */
  readonly batchSize: number
  /** What a pack seen deleting becomes once it is gone. */
  readonly deletedState: DeletedState
  /** Every pack in the region, following NextToken. */
  listAll(bound: RequestBound): Promise<ReportedPack[]>
  /**
   * The packs among `names` (at most 25) that exist. Unknown names are left out, whichever
   * way the service reports them.
   */
  describe(names: readonly string[], bound: RequestBound): Promise<ReportedPack[]>
  /** The IAM action of listAll's and describe's call: what an AccessDenied of theirs names. */
  readonly iamAction: string
  /** Best-effort reads that can tell a pack reported in progress has in fact settled. */
  readonly settle?: Settler
}

/**
 * For a pack reported in progress round after round: whether it has in fact settled (an
 * organization pack's aggregate status can lag behind its member accounts). Optional: when
 * these reads fail, the reported status stands.
 */
export interface Settler {
  /** The IAM action of the call behind `settled`. */
  readonly iamAction: string
  /** Undefined: still in progress, as reported. */
  settled(pack: PackStatus, bound: RequestBound): Promise<PackStatus | undefined>
}

/** Most names a single call returns in one page: a batch of this size costs one call. */
export const MAX_NAMES_PER_CALL = 20

export function createStatusSource(
  client: ConfigServiceClient,
  debug: (message: string) => void = () => undefined
): StatusSource {
  async function pages(
    names: readonly string[] | undefined,
    bound: RequestBound
  ): Promise<ReportedPack[]> {
    const pages = await readPages(
      'DescribeConformancePackStatus',
      async (nextToken) => {
        const signal = bound()
        const started = Date.now()
        const command = new DescribeConformancePackStatusCommand({
          ConformancePackNames: names ? [...names] : undefined,
          Limit: MAX_NAMES_PER_CALL,
          NextToken: nextToken
        })
        const out = await abortable(client.send(command, { abortSignal: signal }), signal)
        const page = out.ConformancePackStatusDetails ?? []
        debug(
          `DescribeConformancePackStatus(${names ? `${names.length} names` : 'all'}${nextToken ? ', next page' : ''}): ${page.length} packs in ${Date.now() - started} ms, request ${out.$metadata.requestId ?? '-'}`
        )
        return out
      },
      (out) => out.NextToken
    )
    return pages.flatMap((out) => (out.ConformancePackStatusDetails ?? []).map(toReportedPack))
  }

  return {
    batchSize: MAX_NAMES_PER_CALL,
    deletedState: 'DELETE_COMPLETE',
    iamAction: IAM_ACTION,
    listAll: (bound) => pages(undefined, bound),
    describe: (names, bound) => describeOrList(names, bound, pages, isNoSuchPackError, debug)
  }
}

/**
 * Asks for `names`; when the service rejects the whole call for an unknown name, that is the
 * answer for a single name, and for several the scope is listed once so the known names are
 * still seen. Either way an unknown name is simply absent from the result.
 */
export async function describeOrList(
  names: readonly string[],
  bound: RequestBound,
  read: (names: readonly string[] | undefined, bound: RequestBound) => Promise<ReportedPack[]>,
  isUnknownName: (error: unknown) => boolean,
  debug: (message: string) => void
): Promise<ReportedPack[]> {
  try {
    return await read(names, bound)
  } catch (error) {
    if (!isUnknownName(error)) throw error
    if (names.length === 1) return []
    debug(`a name in [${names.join(', ')}] does not exist; listing every pack instead`)
    const wanted = new Set(names)
    return (await read(undefined, bound)).filter((pack) => wanted.has(pack.name))
  }
}

function toReportedPack(d: ConformancePackStatusDetail): ReportedPack {
  return {
    name: d.ConformancePackName ?? '',
    state: d.ConformancePackState,
    id: d.ConformancePackId,
    arn: d.ConformancePackArn,
    stackArn: d.StackArn,
    reason: d.ConformancePackStatusReason || undefined,
    requestedAt: d.LastUpdateRequestedTime,
    completedAt: d.LastUpdateCompletedTime
  }
}
