import type { FailedResource, FailureExplanation } from './explain.js'
import { formatDuration, reasonOf } from './log-format.js'
import { detailOf, type PackStatus } from './pack-state.js'
import type { Verdict, VerdictPolicy } from './verdict.js'
import type { WaitEnd } from './wait.js'

/** One entry of the `statuses` output; absent fields are omitted. */
export interface StatusEntry {
  name: string
  state: string
  reason?: string
  id?: string
  arn?: string
  stackArn?: string
  region: string
  lastUpdateRequestedTime?: string
  lastUpdateCompletedTime?: string
  failedResources?: readonly FailedResource[]
}

export function statusEntry(
  pack: PackStatus,
  region: string,
  explanation?: FailureExplanation
): StatusEntry {
  const detail = detailOf(pack)
  const entry: StatusEntry = {
    name: pack.name,
    state: pack.state,
    reason: reasonOf(pack),
    id: detail?.id,
    arn: detail?.arn,
    stackArn: detail?.stackArn,
    region,
    lastUpdateRequestedTime: detail?.requestedAt?.toISOString(),
    lastUpdateCompletedTime: detail?.completedAt?.toISOString(),
    failedResources: explanation?.kind === 'explained' ? explanation.resources : undefined
  }
  return JSON.parse(JSON.stringify(entry)) as StatusEntry
}

export interface Annotation {
  readonly level: 'error' | 'warning'
  readonly title: string
  readonly message: string
}

/** `AccessKeysRotated (AWS::Config::ConfigRule) CREATE_FAILED: reason` */
export function describeResource(resource: FailedResource): string {
  return `${resource.logicalId} (${resource.type}) ${resource.status}${resource.reason ? `: ${resource.reason}` : ''}`
}

/**
 * A line per pack that needs a person's eye: failed packs (with the first failed resource of
 * their stack, usually the cause), and packs that are not there.
 */
export function packAnnotations(
  packs: readonly PackStatus[],
  policy: VerdictPolicy,
  region: string,
  explanations: ReadonlyMap<string, FailureExplanation> = new Map()
): Annotation[] {
  const notes: Annotation[] = []
  for (const pack of packs) {
    if (pack.state === 'CREATE_FAILED' || pack.state === 'DELETE_FAILED') {
      notes.push({
        level: policy.failOnFailure ? 'error' : 'warning',
        title: `Conformance pack ${pack.name}: ${pack.state}`,
        message: withCause(
          `${pack.name} is ${pack.state} in ${region}: ${reasonOf(pack) ?? 'AWS Config gave no reason'}`,
          explanations.get(pack.name)
        )
      })
    } else if (pack.state === 'NOT_FOUND') {
      const vanished = pack.detail ? ` (it was ${pack.detail.state} earlier in this wait)` : ''
      notes.push({
        level: policy.missingPack === 'fail' ? 'error' : 'warning',
        title: `Conformance pack ${pack.name}: NOT_FOUND`,
        message: `${pack.name}: no conformance pack of that name in ${region}${vanished}`
      })
    }
  }
  return notes
}

function withCause(message: string, explanation: FailureExplanation | undefined): string {
  const first = explanation?.kind === 'explained' ? explanation.resources[0] : undefined
  return first
    ? `${message.replace(/\.$/, '')}. First failed resource: ${describeResource(first)}`
    : message
}

/**
 * One notice for every failed pack whose stack could not be read: what stopped it, so the
 * fix (usually the IAM action) is plain.
 */
export function unexplainedNotice(
  explanations: ReadonlyMap<string, FailureExplanation>,
  iamAction: string
): string | undefined {
  const missing = [...explanations].flatMap(([name, e]) =>
    e.kind === 'unavailable' ? [`${name}: ${e.why}`] : []
  )
  if (missing.length === 0) return undefined
  return `Could not read the CloudFormation stack events that explain ${missing.length} failed pack(s) (the result is unchanged; the role needs ${iamAction} to read them): ${missing.join('; ')}`
}

/** The one line the step fails with, or the closing line of a passing run. */
export function headline(verdict: Verdict, end: WaitEnd, elapsedMs: number): string {
  const list = (names: readonly string[]): string => names.join(', ')
  const waited = formatDuration(elapsedMs)
  switch (verdict.result) {
    case 'cancelled':
      return `Cancelled after ${waited}; ${verdict.pending.length} conformance pack(s) still pending${verdict.pending.length ? `: ${list(verdict.pending)}` : ''}`
    case 'timeout':
      return `Timed out after ${waited} waiting for ${verdict.pending.length} conformance pack(s): ${list(verdict.pending)}${end.kind === 'deadline' && end.lastError ? ` (last error: ${end.lastError})` : ''}`
    case 'failure': {
      if (end.kind === 'error') return end.message
      const parts: string[] = []
      if (verdict.failed.length)
        parts.push(`${verdict.failed.length} conformance pack(s) failed: ${list(verdict.failed)}`)
      if (verdict.missing.length)
        parts.push(`${verdict.missing.length} not found: ${list(verdict.missing)}`)
      if (verdict.pending.length)
        parts.push(`${verdict.pending.length} still pending: ${list(verdict.pending)}`)
      return parts.join('; ')
    }
    case 'success': {
      const ignored = verdict.missing.length
        ? ` (${verdict.missing.length} not found, ignored: ${list(verdict.missing)})`
        : ''
      if (verdict.completed.length === 0) return `No conformance packs to wait for${ignored}`
      return `All ${verdict.completed.length} conformance pack(s) completed after ${waited}${ignored}`
    }
  }
}
