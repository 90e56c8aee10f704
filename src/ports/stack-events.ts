import { bestEffort, type BestEffortDeps } from '../shared/best-effort.js'
import type { FailureClassifier } from '../shared/failure.js'
import { pageTokens } from '../shared/paging.js'

/**
 * A pack's CloudFormation stack events, as every stage reads them: the failure explanation,
 * the rule changes of a deployment and the progress line.
 */

export interface StackEvent {
  readonly logicalId: string
  readonly physicalId?: string
  readonly stackId?: string
  readonly type: string
  readonly status: string
  readonly reason?: string
  readonly timestamp: Date
}

export interface StackEventPage {
  /** Newest first, as CloudFormation returns them. */
  readonly events: readonly StackEvent[]
  readonly nextToken?: string
}

/** Where a pack's stack events are read from (the AWS adapter: src/aws/stack-events-source.ts). */
export interface StackEventReader extends FailureClassifier {
  /** One DescribeStackEvents page of the stack, in the stack's own region. */
  read(
    stackArn: string,
    nextToken: string | undefined,
    signal: AbortSignal
  ): Promise<StackEventPage>
  /** Whether an error of `read` says the stack no longer exists. */
  isStackGone(error: unknown): boolean
}

export const EXPLAIN_IAM_ACTION = 'cloudformation:DescribeStackEvents'

/** The stack's events back to a time, newest first, or why they could not be read. */
export type EventsSince =
  | { readonly ok: true; readonly events: readonly StackEvent[] }
  | { readonly ok: false; readonly why: string }

/**
 * Every event of the stack at or after `since` (epoch ms; all of them when undefined), newest
 * first, paging back until an older event shows up. Best effort: never throws; a denied read
 * names the IAM action, a deleted stack says so.
 */
export async function readEventsSince(
  stackArn: string,
  since: number | undefined,
  deps: BestEffortDeps & { readonly events: StackEventReader }
): Promise<EventsSince> {
  const events: StackEvent[] = []
  const tokens = pageTokens('DescribeStackEvents')
  let nextToken: string | undefined
  do {
    const token = nextToken
    const read = await bestEffort<StackEventPage>(
      async (signal) => {
        const page = await deps.events.read(stackArn, token, signal)
        return { ...page, nextToken: tokens.follow(page.nextToken) }
      },
      deps,
      {
        iamAction: EXPLAIN_IAM_ACTION,
        what: `DescribeStackEvents ${stackArn}`,
        classifier: deps.events,
        interpret: (error) =>
          deps.events.isStackGone(error) ? 'the stack no longer exists' : undefined
      }
    )
    if (!read.ok) return { ok: false, why: read.why }
    const page = eventsSince(read.value, since)
    events.push(...page.events)
    nextToken = page.reachedOlder ? undefined : read.value.nextToken
  } while (nextToken)
  return { ok: true, events }
}

/**
 * The events of one page (newest first) at or after `since` (epoch ms; every one when
 * undefined), and whether an older one showed: then no later page can hold a newer one.
 */
export function eventsSince(
  page: StackEventPage,
  since: number | undefined
): { readonly events: readonly StackEvent[]; readonly reachedOlder: boolean } {
  const older = page.events.findIndex(
    (event) => since !== undefined && event.timestamp.getTime() < since
  )
  return older === -1
    ? { events: page.events, reachedOlder: false }
    : { events: page.events.slice(0, older), reachedOlder: true }
}
