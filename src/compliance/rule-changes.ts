import type { BestEffortDeps } from '../shared/best-effort.js'
import { readEventsSince, type StackEventReader } from '../ports/stack-events.js'
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
  const read = await readEventsSince(stackArn, requestedAt, deps)
  if (!read.ok) return { kind: 'unreadable', why: read.why }
  const changedAt = new Map<string, number>()
  for (const event of read.events) {
    if (event.type !== CONFIG_RULE || !event.physicalId) continue
    // Newest first: the last one seen is the first of this deployment.
    changedAt.set(event.physicalId, event.timestamp.getTime())
  }
  return { kind: 'read', changes: { kind: 'read', changedAt } }
}
