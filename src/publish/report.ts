import { accountFailed } from '../packs/member-account.js'
import type { FailedResource, FailureExplanation } from '../wait/explain-failures.js'
import { reasonOf } from '../packs/pack-text.js'
import { noPackIn } from '../report/headline.js'
import { failedAccountIds } from '../wait/failed-accounts.js'
import type { MemberAccountStatus } from '../packs/member-account.js'
import { detailOf, outcomeOf, type PackStatus } from '../packs/pack-state.js'
import type { Verdict, VerdictPolicy } from '../verdict/verdict.js'

/** One entry of the `statuses` output; absent fields are omitted. */
export interface StatusEntry {
  name: string
  state: string
  /** PREVIOUS_DEPLOYMENT: the state AWS Config reports, the earlier deployment's. */
  reportedState?: string
  reason?: string
  id?: string
  arn?: string
  stackArn?: string
  region: string
  lastUpdateRequestedTime?: string
  lastUpdateCompletedTime?: string
  /** Organization packs: the ErrorCode and LastUpdateTime. */
  errorCode?: string
  lastUpdateTime?: string
  failedResources?: readonly FailedResource[]
  /** Organization packs: the member accounts whose deployment failed. */
  failedAccounts?: readonly string[]
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
    reportedState: pack.state === 'PREVIOUS_DEPLOYMENT' ? pack.detail.state : undefined,
    reason: reasonOf(pack),
    id: detail?.id,
    arn: detail?.arn,
    stackArn: detail?.stackArn,
    region,
    lastUpdateRequestedTime: detail?.requestedAt?.toISOString(),
    lastUpdateCompletedTime: detail?.completedAt?.toISOString(),
    errorCode: detail?.errorCode,
    lastUpdateTime: detail?.updatedAt?.toISOString(),
    failedResources: explanation?.kind === 'explained' ? explanation.resources : undefined,
    failedAccounts: failedAccountIds(explanation)
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

/** `111111111111 CREATE_FAILED (ErrorCode): message` */
export function describeAccount(account: MemberAccountStatus): string {
  const code = account.errorCode ? ` (${account.errorCode})` : ''
  return `${account.accountId} ${account.status}${code}${account.message ? `: ${account.message}` : ''}`
}

/** Member accounts named in a failed organization pack's annotation; the rest are counted. */
const ACCOUNTS_IN_ANNOTATION = 3

/**
 * A line per pack that needs a person's eye: failed packs (with the first failed resource of
 * their stack, usually the cause, or their failed member accounts), and packs that are not there.
 */
export function packAnnotations(
  packs: readonly PackStatus[],
  policy: VerdictPolicy,
  region: string,
  explanations: ReadonlyMap<string, FailureExplanation> = new Map()
): Annotation[] {
  const notes: Annotation[] = []
  for (const pack of packs) {
    if (outcomeOf(pack.state) === 'failed') {
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
  const base = message.replace(/\.$/, '')
  if (explanation?.kind === 'explained' && explanation.resources[0]) {
    return `${base}. First failed resource: ${describeResource(explanation.resources[0])}`
  }
  if (explanation?.kind === 'accounts') {
    const failed = explanation.accounts.filter(accountFailed)
    if (failed.length === 0) return message
    const shown = failed.slice(0, ACCOUNTS_IN_ANNOTATION).map(describeAccount)
    const more = failed.length - shown.length
    return `${base}. Failed in ${failed.length} member account(s): ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`
  }
  return message
}

/**
 * One annotation per region that, with no names given, listed no conformance pack: nothing was
 * checked there. An error under `compliance: require` (the region fails), else a warning.
 */
export function emptyRegionAnnotations(verdict: Verdict, policy: VerdictPolicy): Annotation[] {
  const require = policy.compliance === 'require'
  return (verdict.emptyRegions ?? []).map((region) => ({
    level: require ? 'error' : 'warning',
    title: `No conformance pack in ${region}`,
    message: require
      ? `${noPackIn(region)}: compliance: require fails a region with nothing to check. Check the region and the account the credentials are for.`
      : `${noPackIn(region)}: with no conformance-pack-names, every pack in the region is awaited, and there was none, so nothing was checked there. Check the region and the account the credentials are for; compliance: require fails on this.`
  }))
}

/**
 * One notice for every failed pack whose stack could not be read: what stopped it, so the
 * fix (usually the IAM action) is plain.
 */
export function unexplainedNotice(
  explanations: ReadonlyMap<string, FailureExplanation>,
  source: { readonly what: string; readonly iamAction: string }
): string | undefined {
  const missing = [...explanations].flatMap(([name, e]) =>
    e.kind === 'unavailable' ? [`${name}: ${e.why}`] : []
  )
  if (missing.length === 0) return undefined
  return `Could not read the ${source.what} that explain ${missing.length} failed pack(s) (the result is unchanged; the role needs ${source.iamAction} to read them): ${missing.join('; ')}`
}
