import { classifyError } from './aws-errors.js'
import { backoffDelay } from './backoff.js'
import type { Clock } from './clock.js'
import type { PackStatus } from './pack-state.js'

/** A resource whose deployment failed, from the pack's CloudFormation stack events. */
export interface FailedResource {
  readonly logicalId: string
  readonly type: string
  readonly status: string
  readonly reason?: string
}

/** Why a failed pack failed, or why that could not be found out. */
export type FailureExplanation =
  | { readonly kind: 'explained'; readonly resources: readonly FailedResource[] }
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

/** One DescribeStackEvents page; the AWS implementation is in stack-events-source.ts. */
export type StackEventReader = (
  stackArn: string,
  nextToken: string | undefined,
  signal: AbortSignal
) => Promise<StackEventPage>

export interface ExplainDeps {
  readonly read: StackEventReader
  readonly clock: Clock
  /** The wait's deadline (epoch ms): explaining shares it. */
  readonly deadline: number
  readonly signal: AbortSignal
  readonly requestTimeoutMs?: number
  readonly debug?: (message: string) => void
}

export const EXPLAIN_IAM_ACTION = 'cloudformation:DescribeStackEvents'
const ATTEMPTS_PER_PAGE = 3

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
    if (pack.state !== 'CREATE_FAILED' && pack.state !== 'DELETE_FAILED') continue
    const { stackArn, requestedAt } = pack.detail
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
  let nextToken: string | undefined
  do {
    const page = await readPage(stackArn, nextToken, deps)
    if ('why' in page) return { kind: 'unavailable', why: page.why }
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
  return event.status.endsWith('_FAILED') && !isTheStack
}

async function readPage(
  stackArn: string,
  nextToken: string | undefined,
  deps: ExplainDeps
): Promise<StackEventPage | { why: string }> {
  const { clock, deadline, signal } = deps
  let last = ''
  for (let attempt = 0; attempt < ATTEMPTS_PER_PAGE; attempt++) {
    const left = deadline - clock.now()
    if (signal.aborted) return { why: 'the run was cancelled' }
    if (left <= 0) return { why: `the deadline passed${last ? ` (last error: ${last})` : ''}` }
    const timer = AbortSignal.timeout(Math.max(1, Math.min(deps.requestTimeoutMs ?? 10_000, left)))
    try {
      return await deps.read(stackArn, nextToken, AbortSignal.any([signal, timer]))
    } catch (error) {
      if (signal.aborted) return { why: 'the run was cancelled' }
      if (isStackGone(error)) return { why: 'the stack no longer exists' }
      const classified = timer.aborted
        ? { kind: 'transient', message: 'request timed out' }
        : classifyError(error, EXPLAIN_IAM_ACTION)
      if (classified.kind === 'permanent') return { why: classified.message }
      last = classified.message
      deps.debug?.(`DescribeStackEvents ${stackArn}: ${last}; retrying`)
      await clock.sleep(
        Math.min(backoffDelay(attempt, 1000, 4000), Math.max(0, deadline - clock.now())),
        signal
      )
    }
  }
  return { why: `CloudFormation kept failing: ${last}` }
}

function isStackGone(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | undefined
  return e?.name === 'ValidationError' && /does not exist/i.test(e.message ?? '')
}
