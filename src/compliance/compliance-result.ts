import type { EvaluationSummary, RuleEntry } from './evaluation-compliance.js'

/** A conformance pack's compliance as AWS Config summarises it. */
export type ComplianceStatus = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA'

export interface PackCompliance {
  readonly name: string
  readonly compliance: ComplianceStatus
  /** Every non-compliant rule of the pack, never capped; [] unless NON_COMPLIANT. */
  readonly nonCompliantRules: readonly string[]
  /** Per rule, when the rules were judged (the evaluation wait). */
  readonly rules?: readonly RuleEntry[]
  readonly evaluation?: EvaluationSummary
  /** Where the pack is, when known (the summary links resources to the console). */
  readonly region?: string
}

/**
 * How the compliance of a region's packs was read. `timeout` keeps the packs read completely before the
 * deadline (a NON_COMPLIANT pack whose rules were not all read is left out of them).
 */
export type ComplianceRead =
  | { readonly kind: 'done'; readonly packs: readonly PackCompliance[] }
  | {
      readonly kind: 'timeout'
      readonly packs: readonly PackCompliance[]
      readonly message: string
    }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'cancelled' }
