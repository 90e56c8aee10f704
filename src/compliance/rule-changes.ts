import { bestEffort, type BestEffortDeps } from '../shared/best-effort.js'
import { pageTokens } from '../shared/paging.js'
import {
  EXPLAIN_IAM_ACTION,
  type StackEventPage,
  type StackEventReader
} from '../wait/explain-failures.js'
import type { StackChanges } from './rule-judgement.js'

const CONFIG_RULE = 'AWS::Config::ConfigRule'

/** The stack read, or why it could not be. */
export type RuleChangesRead =
  | { readonly kind: 'read'; readonly changes: StackChanges }
  | { readonly kind: 'unreadable'; readonly why: string }

/**
 * Which rules this deployment changed, from the pack's stack events (newest first, back to
 * the deployment's request): a rule's stack resource maps to its name by its physical id.
 * A rule's time is its first event of this deployment: the evaluation the change triggers
 * follows that, and a later event's time could reject it and wait for nothing. Best effort,
 * like explain-failures: never throws.
 */
export async function readRuleChanges(
  stackArn: string | undefined,
  requestedAt: number,
  deps: BestEffortDeps & { readonly events: StackEventReader }
): Promise<RuleChangesRead> {
  if (!stackArn) return { kind: 'unreadable', why: 'AWS Config names no stack for the pack' }
  const changedAt = new Map<string, number>()
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
    if (!read.ok) return { kind: 'unreadable', why: read.why }
    let reachedOlder = false
    for (const event of read.value.events) {
      const at = event.timestamp.getTime()
      if (at < requestedAt) {
        reachedOlder = true
        break
      }
      if (event.type !== CONFIG_RULE || !event.physicalId) continue
      // Newest first: the last one seen is the first of this deployment.
      changedAt.set(event.physicalId, at)
    }
    nextToken = reachedOlder ? undefined : read.value.nextToken
  } while (nextToken)
  return { kind: 'read', changes: { kind: 'read', changedAt } }
}
