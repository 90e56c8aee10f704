/**
 * What the command's reports (the terminal table, the JUnit file) are drawn from: the run's
 * findings as plain data, close to the `statuses` and `compliance` outputs. Text that came
 * from AWS (reasons, resource names, errors) is carried as AWS sent it; each renderer makes
 * it safe for where it goes.
 */

export type Scope = 'account' | 'organization'

/** How the wait ended, as the verdict states it. */
export type RunResult = 'success' | 'failure' | 'timeout' | 'cancelled' | 'noncompliant'

export interface RunReport {
  readonly scope: Scope
  readonly result: RunResult
  /** The closing line: what the action's step fails (or passes) with. */
  readonly headline: string
  /** From the start of the wait to its end. */
  readonly elapsedMs: number
  /** When the report was made (ISO 8601). */
  readonly finishedAt: string
  /** A missing pack under missing-pack ignore is reported, not failed. */
  readonly missingPack: 'fail' | 'wait' | 'ignore'
  /** In input order. */
  readonly regions: readonly RegionReport[]
}

export interface RegionReport {
  readonly region: string
  /** In the order the wait reported them. */
  readonly packs: readonly PackReport[]
  /** The region's verdict lists, by plain pack name. */
  readonly verdict: VerdictLists
  /**
   * Why the region's wait stopped short, when it did not end with the packs' states: AWS
   * refused (the message names the IAM action), an unexpected error, or a deadline reached
   * before AWS Config listed the packs.
   */
  readonly problem?: string
}

export interface VerdictLists {
  readonly result: RunResult
  readonly completed: readonly string[]
  readonly failed: readonly string[]
  /** Still in progress, never answered for, or (under missing-pack wait) absent, at the end. */
  readonly pending: readonly string[]
  readonly missing: readonly string[]
}

/** One entry of the `statuses` output, with its times parsed and its duration measured. */
export interface PackReport {
  readonly name: string
  /** CREATE_COMPLETE, CREATE_FAILED, NOT_FOUND, UNKNOWN, an organization state… */
  readonly state: string
  readonly reason?: string
  readonly requestedAt?: string
  readonly completedAt?: string
  /** How long the last deployment took, or has taken so far; undefined when unknown. */
  readonly durationMs?: number
  /** An organization pack's ErrorCode. */
  readonly errorCode?: string
  /** From the pack's stack events, first failure first. */
  readonly failedResources?: readonly FailedResourceReport[]
  /** An organization pack's member accounts whose deployment failed. */
  readonly failedAccounts?: readonly FailedAccountReport[]
  /** Read after a successful wait under compliance report or require. */
  readonly compliance?: PackComplianceReport
}

export interface FailedResourceReport {
  readonly logicalId: string
  readonly type: string
  readonly status: string
  readonly reason?: string
}

export interface FailedAccountReport {
  readonly accountId: string
  readonly status?: string
  readonly errorCode?: string
  readonly message?: string
}

export type ComplianceState = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA'

export interface PackComplianceReport {
  readonly compliance: ComplianceState
  /**
   * The pack's rules, as far as they were read: all of them, or only the NON_COMPLIANT ones
   * when only their names are known.
   */
  readonly rules: readonly RuleReport[]
}

export interface RuleReport {
  readonly name: string
  readonly compliance: ComplianceState
  /** The rule's last successful evaluation (ISO 8601); undefined: never evaluated. */
  readonly evaluatedAt?: string
  /** Why the rule's last evaluation failed. */
  readonly error?: string
  readonly nonCompliantResources?: readonly ResourceReport[]
}

export interface ResourceReport {
  readonly type: string
  readonly id: string
}

/** What became of one pack, by the region's verdict lists. */
export type PackOutcome = 'passed' | 'failed' | 'missing' | 'pending' | 'other'

export function packOutcome(verdict: VerdictLists, name: string): PackOutcome {
  if (verdict.failed.includes(name)) return 'failed'
  // Under missing-pack wait an absent pack is also pending: it timed out, it was awaited.
  if (verdict.pending.includes(name)) return 'pending'
  if (verdict.missing.includes(name)) return 'missing'
  if (verdict.completed.includes(name)) return 'passed'
  return 'other'
}
