import { bestEffort, type BestEffort, type BestEffortDeps } from '../shared/best-effort.js'
import type { FailureClassifier } from '../shared/failure.js'
import { pageTokens, type PageTokens } from '../shared/paging.js'
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

export interface ExplainDeps extends BestEffortDeps {
  readonly events: StackEventReader
}

export const EXPLAIN_IAM_ACTION = 'cloudformation:DescribeStackEvents'

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
  const failures: FailedResource[] = []
  const tokens = pageTokens('DescribeStackEvents')
  let nextToken: string | undefined
  do {
    const read = await readPage(stackArn, nextToken, tokens, deps)
    if (!read.ok) return { kind: 'unavailable', why: read.why }
    const page = read.value
    let reachedOlder = false
    for (const event of page.events) {
      if (since && event.timestamp.getTime() < since.getTime()) {
        reachedOlder = true
        break
      }
      if (isResourceFailure(event)) {
        failures.push({
          logicalId: event.logicalId,
          type: event.type,
          status: event.status,
          reason: event.reason
        })
      }
    }
    nextToken = reachedOlder ? undefined : page.nextToken
  } while (nextToken)
  return { kind: 'explained', resources: failures.reverse() }
}

/** A resource's own failure; the stack's events about itself only summarise them. */
function isResourceFailure(event: StackEvent): boolean {
  const isTheStack =
    event.type === 'AWS::CloudFormation::Stack' && event.physicalId === event.stackId
  return isFailed(event.status) && !isTheStack
}

function readPage(
  stackArn: string,
  nextToken: string | undefined,
  tokens: PageTokens,
  deps: ExplainDeps
): Promise<BestEffort<StackEventPage>> {
  const read = async (signal: AbortSignal): Promise<StackEventPage> => {
    const page = await deps.events.read(stackArn, nextToken, signal)
    return { ...page, nextToken: tokens.follow(page.nextToken) }
  }
  return bestEffort(read, deps, {
    iamAction: EXPLAIN_IAM_ACTION,
    what: `DescribeStackEvents ${stackArn}`,
    classifier: deps.events,
    interpret: (error) =>
      deps.events.isStackGone(error) ? 'the stack no longer exists' : undefined
  })
}
