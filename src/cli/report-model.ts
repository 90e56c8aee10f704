import type { RuleEntry } from '../compliance/evaluation-compliance.js'
import type { ComplianceStatus } from '../compliance/compliance-result.js'
import type { Scope } from '../inputs.js'
import type { MissingPackPolicy } from '../packs/pack-state.js'
import type { Result, Verdict } from '../verdict/verdict.js'

/**
 * What the command's reports (the terminal table, the JUnit file) are drawn from: the run's
 * report as plain data (src/cli/report-view.ts makes it). Text that came from AWS (reasons,
 * resource names, errors) is carried as AWS sent it; each renderer makes it safe for where it
 * goes.
 */
export interface CommandReport {
  readonly scope: Scope
  readonly result: Result
  /** The closing line: what the action's step fails (or passes) with. */
  readonly headline: string
  /** From the start of the wait to its end. */
  readonly elapsedMs: number
  /** When the report was made (ISO 8601). */
  readonly finishedAt: string
  /** A missing pack under missing-pack ignore is reported, not failed. */
  readonly missingPack: MissingPackPolicy
  /** In input order. */
  readonly regions: readonly RegionReport[]
}

export interface RegionReport {
  readonly region: string
  /** In the order the wait reported them. */
  readonly packs: readonly PackReport[]
  /** The region's verdict, its lists by plain pack name. */
  readonly verdict: Verdict
  /**
   * Why the region's wait stopped short, when it did not end with the packs' states: AWS
   * refused (the message names the IAM action), an unexpected error, or a deadline reached
   * before AWS Config listed the packs.
   */
  readonly problem?: string
}

export interface PackReport {
  readonly name: string
  /** CREATE_COMPLETE, CREATE_FAILED, NOT_FOUND, UNKNOWN, an organization state… */
  readonly state: string
  readonly reason?: string
  /** How long the awaited deployment took, or has taken so far; undefined when unknown. */
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

export interface PackComplianceReport {
  readonly compliance: ComplianceStatus
  /** Every rule of the pack, judged, as the `compliance` output carries them. */
  readonly rules: readonly RuleEntry[]
}

/** What became of one pack, by the region's verdict lists. */
export type PackOutcome = 'passed' | 'failed' | 'missing' | 'pending' | 'other'

export function packOutcome(verdict: Verdict, name: string): PackOutcome {
  if (verdict.failed.includes(name)) return 'failed'
  // Under missing-pack wait an absent pack is also pending: it timed out, it was awaited.
  if (verdict.pending.includes(name)) return 'pending'
  if (verdict.missing.includes(name)) return 'missing'
  if (verdict.completed.includes(name)) return 'passed'
  return 'other'
}
