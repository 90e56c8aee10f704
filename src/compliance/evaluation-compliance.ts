import type { EvaluationRead, PackEvaluation } from './evaluation-wait.js'
import type { ComplianceRead, ComplianceStatus, PackCompliance } from './compliance-result.js'
import type {
  NonCompliantResource,
  PackCounts,
  RuleError,
  RuleJudgement
} from './rule-judgement.js'

/** A rule's verdict as the `compliance` output names it. */
export type RuleComplianceResult =
  | 'COMPLIANT'
  | 'NON_COMPLIANT'
  /** Evaluated with nothing in scope. */
  | 'NOT_APPLICABLE'
  | 'EVALUATION_FAILED'
  /** No evaluation of this deployment by the end of the wait. */
  | 'NOT_EVALUATED'

/** One rule of a pack, as the `compliance` output and the summary show it. */
export interface RuleEntry {
  readonly name: string
  readonly compliance: RuleComplianceResult
  /** ISO time of the evaluation that counted (of the failure, when it failed). */
  readonly evaluatedAt?: string
  readonly error?: RuleError
  /** Every non-compliant resource read; [] for other verdicts. */
  readonly nonCompliantResources: readonly ReportedResource[]
  /** There were more than could be read. */
  readonly resourcesTruncated?: true
}

/** A non-compliant resource, and what a baseline made of it (when one is given). */
export interface ReportedResource extends NonCompliantResource {
  readonly baseline?: 'new' | 'known'
  /** The accepting entry's reason, for a known finding. */
  readonly reason?: string
}

/** How many rules ended how, and how long the pack's evaluation took. */
export interface EvaluationSummary extends PackCounts {
  readonly durationMs: number
}

const RESULTS: Readonly<Record<RuleJudgement['verdict']['kind'], RuleComplianceResult>> = {
  compliant: 'COMPLIANT',
  'non-compliant': 'NON_COMPLIANT',
  'nothing-in-scope': 'NOT_APPLICABLE',
  'evaluation-failed': 'EVALUATION_FAILED',
  unevaluated: 'NOT_EVALUATED'
}

/** The evaluation wait's result in the shape the gate and the publishers read. */
export function complianceOfEvaluation(read: EvaluationRead): ComplianceRead {
  switch (read.kind) {
    case 'done':
      return { kind: 'done', packs: read.packs.map(packCompliance) }
    case 'timeout':
      return { kind: 'timeout', packs: read.packs.map(packCompliance), message: read.message }
    case 'error':
      return { kind: 'error', message: read.message }
    case 'cancelled':
      return { kind: 'cancelled' }
  }
}

export function packCompliance(pack: PackEvaluation): PackCompliance {
  const rules = pack.judgement.rules.map((rule) => ruleEntry(rule, pack))
  return {
    name: pack.name,
    compliance: rollUp(pack.judgement.counts),
    nonCompliantRules: rules.filter((r) => r.compliance === 'NON_COMPLIANT').map((r) => r.name),
    rules,
    evaluation: { ...pack.judgement.counts, durationMs: pack.durationMs }
  }
}

/**
 * The pack's compliance from its judged rules: a non-compliant rule makes it NON_COMPLIANT; a
 * compliant one (the rest compliant, out of scope, failed or unevaluated) COMPLIANT; else it
 * has no result at all.
 */
export function rollUp(counts: PackCounts): ComplianceStatus {
  if (counts.nonCompliant) return 'NON_COMPLIANT'
  if (counts.compliant) return 'COMPLIANT'
  return 'INSUFFICIENT_DATA'
}

function ruleEntry(rule: RuleJudgement, pack: PackEvaluation): RuleEntry {
  const v = rule.verdict
  const at =
    v.kind === 'evaluation-failed'
      ? v.failedAt
      : v.kind === 'unevaluated'
        ? undefined
        : v.evaluatedAt
  const read = v.kind === 'non-compliant' ? pack.resources.get(rule.name) : undefined
  return {
    name: rule.name,
    compliance: RESULTS[v.kind],
    ...(at !== undefined ? { evaluatedAt: new Date(at).toISOString() } : {}),
    ...(v.kind === 'evaluation-failed' ? { error: v.error } : {}),
    nonCompliantResources: read?.resources ?? [],
    ...(read?.kind === 'capped' ? { resourcesTruncated: true as const } : {})
  }
}

/** The rules of a pack with a verdict, when its rules were judged. */
export function rulesWith(
  pack: PackCompliance,
  compliance: RuleComplianceResult
): readonly RuleEntry[] {
  return (pack.rules ?? []).filter((r) => r.compliance === compliance)
}

/** A settled rule's verdict, for the log. */
export function verdictText(verdict: RuleJudgement['verdict']): string {
  switch (verdict.kind) {
    case 'compliant':
    case 'non-compliant':
      return `${RESULTS[verdict.kind]} (evaluated ${new Date(verdict.evaluatedAt).toISOString()})`
    case 'nothing-in-scope':
      return `evaluated with nothing in scope (${new Date(verdict.evaluatedAt).toISOString()})`
    case 'evaluation-failed':
      return `failed to evaluate: ${verdict.error.code}${verdict.error.message ? `: ${verdict.error.message}` : ''}`
    case 'unevaluated':
      return 'not evaluated yet'
  }
}
