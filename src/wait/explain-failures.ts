import type { BestEffortDeps } from '../shared/best-effort.js'
import { readEventsSince, type StackEvent, type StackEventReader } from '../ports/stack-events.js'
import type { MemberAccountStatus } from '../packs/member-account.js'
import { detailOf, isFailed, type PackStatus } from '../packs/pack-state.js'

/** A resource whose deployment failed, from the pack's CloudFormation stack events. */
export interface FailedResource {
  readonly logicalId: string
  readonly type: string
  readonly status: string
  readonly reason?: string
}

/**
 * Why a failed pack failed, or why that could not be found out: an account pack's failed
 * stack resources, or an organization pack's member accounts (failed first).
 */
export type FailureExplanation =
  | { readonly kind: 'explained'; readonly resources: readonly FailedResource[] }
  | { readonly kind: 'accounts'; readonly accounts: readonly MemberAccountStatus[] }
  | { readonly kind: 'unavailable'; readonly why: string }

export interface ExplainDeps extends BestEffortDeps {
  readonly events: StackEventReader
}

/**
 * For every failed pack with a stack, reads that stack's events once (newest first, back to
 * the pack's last requested update) and keeps the failed resources, oldest first: the first
 * failure is usually the cause, later ones its cascade. Best effort: never throws.
 */
export async function explainFailures(
  packs: readonly PackStatus[],
  deps: ExplainDeps
): Promise<Map<string, FailureExplanation>> {
  const explanations = new Map<string, FailureExplanation>()
  for (const pack of packs) {
    if (!isFailed(pack.state)) continue
    const { stackArn, requestedAt } = detailOf(pack) ?? {}
    if (!stackArn) continue
    if (deps.signal.aborted) break
    explanations.set(pack.name, await explainOne(stackArn, requestedAt, deps))
  }
  return explanations
}

async function explainOne(
  stackArn: string,
  since: Date | undefined,
  deps: ExplainDeps
): Promise<FailureExplanation> {
  const read = await readEventsSince(stackArn, since?.getTime(), deps)
  if (!read.ok) return { kind: 'unavailable', why: read.why }
  const failures = read.events.filter(isResourceFailure).map((event) => ({
    logicalId: event.logicalId,
    type: event.type,
    status: event.status,
    reason: event.reason
  }))
  return { kind: 'explained', resources: failures.reverse() }
}

/** A resource's own failure; the stack's events about itself only summarise them. */
function isResourceFailure(event: StackEvent): boolean {
  const isTheStack =
    event.type === 'AWS::CloudFormation::Stack' && event.physicalId === event.stackId
  return isFailed(event.status) && !isTheStack
}
