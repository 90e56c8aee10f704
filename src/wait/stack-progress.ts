import {
  EXPLAIN_IAM_ACTION,
  eventsSince,
  type StackEvent,
  type StackEventReader
} from '../ports/stack-events.js'
import { boundRequest, classifyFailure } from '../shared/request-policy.js'
import type { RunContext } from '../shared/context.js'
import { detailOf, outcomeOf, type PackStatus } from '../packs/pack-state.js'

/**
 * How far a pack's stack has got: of the resources its deployment has begun (the stack
 * events name a resource once CloudFormation starts on it), how many are created.
 */
export interface StackProgress {
  readonly created: number
  readonly total: number
}

/** `7 of 12 resources created` */
export function describeStackProgress(progress: StackProgress): string {
  return `${progress.created} of ${progress.total} resource${progress.total === 1 ? '' : 's'} created`
}

/** Each resource's newest status, from events newest first; the stack's own events left out. */
export function resourceStatuses(
  events: readonly StackEvent[],
  into: Map<string, { status: string; at: number }> = new Map()
): Map<string, { status: string; at: number }> {
  for (const event of events) {
    const at = event.timestamp.getTime()
    const isTheStack =
      event.type === 'AWS::CloudFormation::Stack' && event.physicalId === event.stackId
    if (isTheStack || !event.logicalId) continue
    const known = into.get(event.logicalId)
    if (!known || known.at <= at) into.set(event.logicalId, { status: event.status, at })
  }
  return into
}

/** The count over resource statuses. */
export function countProgress(statuses: ReadonlyMap<string, { status: string }>): StackProgress {
  let created = 0
  for (const { status } of statuses.values())
    if (status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE') created += 1
  return { created, total: statuses.size }
}

export interface StackProgressDeps extends RunContext {
  /** Opened at the first read: most waits never read a stack. */
  readonly open: () => Promise<StackEventReader & { close(): void }>
  /** At most one read per pack in this long (default: a minute). */
  readonly intervalMs: number
  readonly requestTimeoutMs?: number
  /** Stacks read per interval at most: the packs a progress line names. */
  readonly maxPacks?: number
}

/**
 * Reads the stacks of in-progress packs, best effort: at most one DescribeStackEvents page
 * per pack an interval (the newest events, merged with what earlier reads saw), no read
 * waited for by the poll loop, and silent for good after the first access denial (a
 * least-privilege role need not allow it). Never throws. Longer than 60 lines on purpose: a
 * small object whose methods share the reads in flight and what they saw.
 */
export function stackProgressReader(deps: StackProgressDeps): {
  /** Starts the reads that are due for these packs; their results land in `progress`. */
  poll(packs: readonly PackStatus[]): void
  readonly progress: ReadonlyMap<string, StackProgress>
  /** Waits for reads in flight, then closes the client. */
  close(): Promise<void>
} {
  const progress = new Map<string, StackProgress>()
  const statuses = new Map<string, Map<string, { status: string; at: number }>>()
  const lastRead = new Map<string, number>()
  const gone = new Set<string>()
  const inFlight = new Set<Promise<void>>()
  let reader: Promise<(StackEventReader & { close(): void }) | undefined> | undefined
  let denied = false
  const startedAt = deps.clock.now()

  const readOne = async (pack: PackStatus, stackArn: string): Promise<void> => {
    const events = await (reader ??= deps.open().catch(() => undefined))
    if (!events || denied) return
    const bound = boundRequest(deps, deps.requestTimeoutMs)
    try {
      const page = await events.read(stackArn, undefined, bound.signal)
      const since = detailOf(pack)?.requestedAt
      // The newest page only: a progress line needs no more, and each read merges into the last.
      const { events: fresh } = eventsSince(page, since?.getTime())
      const merged = resourceStatuses(fresh, statuses.get(pack.name))
      statuses.set(pack.name, merged)
      progress.set(pack.name, countProgress(merged))
    } catch (error) {
      if (deps.signal.aborted) return
      if (events.isStackGone(error)) return void gone.add(pack.name)
      const failure = classifyFailure(error, bound.timedOut(), (e) =>
        events.classify(e, EXPLAIN_IAM_ACTION)
      )
      if (failure.kind === 'permanent') {
        denied = true
        deps.log.info(`Stack progress is not shown: ${failure.message}`)
      } else deps.log.debug(`Stack progress of ${pack.name}: ${failure.message}`)
    }
  }

  return {
    progress,
    poll(packs) {
      const now = deps.clock.now()
      // Most deployments end within minutes: no read before half an interval of waiting,
      // so the first progress line has a count and a short wait spends no call.
      if (denied || deps.signal.aborted || now - startedAt < deps.intervalMs / 2) return
      let read = 0
      for (const pack of packs) {
        if (read >= (deps.maxPacks ?? 10)) break
        const stackArn = detailOf(pack)?.stackArn
        if (!stackArn || outcomeOf(pack.state) !== 'in-progress') continue
        // An earlier deployment's stack tells nothing about the awaited one.
        if (pack.state === 'PREVIOUS_DEPLOYMENT' || gone.has(pack.name)) continue
        const last = lastRead.get(pack.name)
        if (last !== undefined && now - last < deps.intervalMs) {
          read += 1
          continue
        }
        lastRead.set(pack.name, now)
        read += 1
        const reading = readOne(pack, stackArn).finally(() => inFlight.delete(reading))
        inFlight.add(reading)
      }
    },
    async close() {
      denied = true
      await Promise.allSettled([...inFlight])
      const opened = await reader
      reader = Promise.resolve(undefined)
      opened?.close()
    }
  }
}
