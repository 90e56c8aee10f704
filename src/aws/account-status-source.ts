import {
  DescribeConformancePackStatusCommand,
  type ConfigServiceClient,
  type ConformancePackStatusDetail
} from '@aws-sdk/client-config-service'
import { abortable } from '../shared/abortable.js'
import { IAM_ACTION, classifyError, expiredDuringWait, isNoSuchPackError } from './errors.js'
import { readPages } from '../shared/paging.js'
import type { ReportedPack } from '../packs/pack-state.js'
import { silentLog, type Log } from '../shared/log.js'
import { systemClock, type Clock } from '../shared/clock.js'
import type { RequestBound, StatusSource } from '../wait/status-source.js'

/** Most names a single call returns in one page: a batch of this size costs one call. */
export const MAX_NAMES_PER_CALL = 20

/**
 * An account's packs, from DescribeConformancePackStatus; calls are told in the debug log,
 * each with how long it took on `clock` (a duration of our own request: no AWS time in it).
 */
export function createStatusSource(
  client: ConfigServiceClient,
  log: Log = silentLog,
  clock: Pick<Clock, 'now'> = systemClock
): StatusSource {
  async function pages(
    names: readonly string[] | undefined,
    bound: RequestBound
  ): Promise<ReportedPack[]> {
    const pages = await readPages(
      'DescribeConformancePackStatus',
      async (nextToken) => {
        const signal = bound()
        const started = clock.now()
        const command = new DescribeConformancePackStatusCommand({
          ConformancePackNames: names ? [...names] : undefined,
          Limit: MAX_NAMES_PER_CALL,
          NextToken: nextToken
        })
        const out = await abortable(client.send(command, { abortSignal: signal }), signal)
        const page = out.ConformancePackStatusDetails ?? []
        log.debug(
          `DescribeConformancePackStatus(${names ? `${names.length} names` : 'all'}${nextToken ? ', next page' : ''}): ${page.length} packs in ${clock.now() - started} ms, request ${out.$metadata.requestId ?? '-'}`
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
    describe: (names, bound) => describeOrList(names, bound, pages, isNoSuchPackError, log),
    classify: classifyError,
    expiredDuringWait
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
  log: Log
): Promise<ReportedPack[]> {
  try {
    return await read(names, bound)
  } catch (error) {
    if (!isUnknownName(error)) throw error
    if (names.length === 1) return []
    log.debug(`a name in [${names.join(', ')}] does not exist; listing every pack instead`)
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
