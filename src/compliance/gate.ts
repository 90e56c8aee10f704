import type { Clock } from '../shared/clock.js'
import { packLabel } from '../packs/label.js'
import type { ComplianceRead, PackCompliance } from './compliance-result.js'
import { complianceAnnotations, type ComplianceAnnotation } from './annotations.js'
import {
  complianceOfEvaluation,
  rulesWith,
  type EvaluationSummary,
  type RuleEntry
} from './evaluation-compliance.js'
import { waitForEvaluation, type PackEvaluation } from './evaluation-wait.js'
import type { ComplianceMode, Inputs } from '../inputs.js'
import { detailOf, type PackStatus } from '../packs/pack-state.js'
import type { Verdict } from '../verdict/verdict.js'
import type { Log } from '../shared/log.js'
import { newFindingText, type Baseline, type Finding } from '../baseline/index.js'
import {
  applyBaseline,
  findingsOf,
  NEW_FINDINGS_WARNED,
  newFindingsOnly,
  newFindingWarnings,
  type BaselineResult
} from './baseline-gate.js'

import type { OpenRegion } from '../ports/region.js'

/** One region's compliance read. */
export interface RegionCompliance {
  readonly region: string
  readonly read: ComplianceRead
}

/** One entry of the `compliance` output (documented in action.yml). */
export interface ComplianceEntry {
  readonly name: string
  readonly region: string
  readonly compliance: PackCompliance['compliance']
  readonly nonCompliantRules: readonly string[]
  readonly rules?: readonly RuleEntry[]
  readonly evaluation?: EvaluationSummary
}

/**
 * Waits for the evaluation of every region's CREATE_COMPLETE packs and judges their rules,
 * the regions at once, each with its own client, under the wait's deadline and cancellation.
 */
export async function evaluateInRegions(
  regions: readonly { readonly region: string; readonly packs: readonly PackStatus[] }[],
  inputs: Pick<Inputs, 'minDelayMs' | 'maxDelayMs' | 'startEvaluation'>,
  deps: {
    readonly clock: Clock
    readonly deadline: number
    readonly signal: AbortSignal
    readonly open: OpenRegion
    readonly log: (region: string) => Log
    /** After every evaluation round of a region (the live check run listens). */
    readonly onRound?: (region: string) => (packs: readonly PackEvaluation[]) => void
  }
): Promise<RegionCompliance[]> {
  return Promise.all(
    regions.map(async ({ region, packs }) => {
      const log = deps.log(region)
      const ports = deps.open(region, log)
      try {
        const deployed = packs
          .filter((p) => p.state === 'CREATE_COMPLETE')
          .map((p) => {
            const detail = detailOf(p)
            return {
              name: p.name,
              requestedAt: detail?.requestedAt?.getTime() ?? 0,
              // AWS's own time of the completion: the rules' evaluations are timed from it.
              ...(detail?.completedAt ? { completedAt: detail.completedAt.getTime() } : {}),
              ...(detail?.stackArn ? { stackArn: detail.stackArn } : {})
            }
          })
        const read = await waitForEvaluation(deployed, {
          port: ports.ruleEvaluations(),
          stackEvents: () => ports.stackEvents(),
          startEvaluation: inputs.startEvaluation,
          minDelayMs: inputs.minDelayMs,
          maxDelayMs: inputs.maxDelayMs,
          clock: deps.clock,
          deadline: deps.deadline,
          signal: deps.signal,
          log,
          onRound: deps.onRound?.(region)
        })
        return { region, read: complianceOfEvaluation(read) }
      } finally {
        ports.close()
      }
    })
  )
}

/** The verdict once compliance is known, and what to tell the person reading the run. */
export interface ComplianceGate {
  readonly verdict: Verdict
  /** Every pack read, each resource marked new or known when a baseline was given. */
  readonly entries: readonly ComplianceEntry[]
  /** The non-compliant resources no baseline entry accepts (all of them without a baseline). */
  readonly newFindings: readonly Finding[]
  /** What the baseline made of the findings, when one was given. */
  readonly baseline?: BaselineResult
  /** Warnings for the run's page: baseline entries expiring soon; new findings under `report`. */
  readonly warnings: readonly string[]
  /** Names (`region/name` when several regions) of the NON_COMPLIANT packs. */
  readonly noncompliant: readonly string[]
  readonly annotations: readonly ComplianceAnnotation[]
  /** Reads that did not finish: errors under `require`, warnings under `report`. */
  readonly problems: readonly string[]
  /** The step's line when compliance decided the result. */
  readonly headline?: string
}

/**
 * `require`: a NON_COMPLIANT pack makes the result `noncompliant`; a read that ran out of time
 * makes it `timeout`, one AWS refused makes it `failure`. `report`: the result speaks of
 * deployment alone; the same findings are warnings.
 */
export function gate(
  verdict: Verdict,
  reads: readonly RegionCompliance[],
  mode: Exclude<ComplianceMode, 'ignore'>,
  known?: { readonly baseline: Baseline; readonly today: number }
): ComplianceGate {
  const several = reads.length > 1
  const label = (region: string, name: string): string => packLabel(region, name, several)
  const packsOf = (read: ComplianceRead): readonly PackCompliance[] =>
    read.kind === 'done' || read.kind === 'timeout' ? read.packs : []
  const read = reads.flatMap(({ region, read }) =>
    packsOf(read).map((p): ComplianceEntry => ({
      name: p.name,
      region,
      compliance: p.compliance,
      nonCompliantRules: p.nonCompliantRules,
      ...(p.rules ? { rules: p.rules } : {}),
      ...(p.evaluation ? { evaluation: p.evaluation } : {})
    }))
  )
  const applied = known && applyBaseline(read, known.baseline, known.today)
  const entries = applied?.entries ?? read
  // Under a baseline, only new findings count: known ones are shown, never failed on.
  const judged = applied ? newFindingsOnly(entries, applied.result.unreadNotAccepted) : entries
  const failing = judged.filter((e) => e.compliance === 'NON_COMPLIANT')
  const noncompliant = failing.map((e) => label(e.region, e.name))
  // Under `report` with a baseline, each new finding is a warning of its own (below): the
  // pack's NON_COMPLIANT line would say the same again.
  const annotated =
    known && mode === 'report'
      ? judged.map((e) =>
          e.compliance === 'NON_COMPLIANT' ? { ...e, compliance: 'COMPLIANT' as const } : e
        )
      : judged
  const annotations = reads.flatMap(({ region }) =>
    complianceAnnotations(
      annotated.filter((e) => e.region === region),
      mode,
      (name) => label(region, name)
    )
  )
  const where = (region: string): string => (several ? `${region}: ` : '')
  const problems = reads.flatMap(({ region, read }) =>
    read.kind === 'timeout' || read.kind === 'error'
      ? [`${where(region)}compliance could not be read: ${read.message}`]
      : []
  )
  const baseline = applied?.result
  const warnings = [
    ...(baseline?.warnings ?? []),
    ...(baseline && mode === 'report' ? newFindingWarnings(baseline) : [])
  ]
  const newFindings = baseline?.newFindings ?? findingsOf(entries)
  const base = {
    entries,
    newFindings,
    ...(baseline ? { baseline } : {}),
    warnings,
    noncompliant,
    annotations,
    problems
  }
  if (reads.some((r) => r.read.kind === 'cancelled')) {
    return { ...base, verdict: { ...verdict, result: 'cancelled', failStep: true } }
  }
  if (mode === 'report') return { ...base, verdict }
  return { ...base, ...requireVerdict(verdict, reads, judged, failing, baseline, problems, label) }
}

/** `require`: what decides the result, in order of precedence, and the step's line. */
function requireVerdict(
  verdict: Verdict,
  reads: readonly RegionCompliance[],
  judged: readonly ComplianceEntry[],
  failing: readonly ComplianceEntry[],
  baseline: BaselineResult | undefined,
  problems: readonly string[],
  label: (region: string, name: string) => string
): Pick<ComplianceGate, 'verdict' | 'headline'> {
  if (reads.some((r) => r.read.kind === 'error'))
    return {
      verdict: { ...verdict, result: 'failure', failStep: true },
      headline: problems.join('; ')
    }
  if (reads.some((r) => r.read.kind === 'timeout'))
    return {
      verdict: { ...verdict, result: 'timeout', failStep: true },
      headline: problems.join('; ')
    }
  const failed = judged.flatMap((e) =>
    rulesWith(e, 'EVALUATION_FAILED').map(
      (r) =>
        `${label(e.region, e.name)}/${r.name} (${r.error ? errorText(r.error) : 'no reason given'})`
    )
  )
  const failedLine = failed.length
    ? `${failed.length} rule(s) failed to evaluate: ${failed.join('; ')}`
    : ''
  if (failing.length) {
    const noncompliant = failing.map((e) => label(e.region, e.name))
    const line = baseline
      ? newFindingsLine(baseline, failing.length)
      : `${failing.length} conformance pack(s) deployed but NON_COMPLIANT: ${failing
          .map(
            (e) =>
              `${label(e.region, e.name)} (${e.nonCompliantRules.join(', ') || 'no rule listed'})`
          )
          .join('; ')}`
    return {
      verdict: { ...verdict, result: 'noncompliant', failStep: true, noncompliant },
      headline: failedLine ? `${line}; ${failedLine}` : line
    }
  }
  // A rule that could not be evaluated has checked nothing: the gate cannot pass on it.
  if (failed.length)
    return { verdict: { ...verdict, result: 'failure', failStep: true }, headline: failedLine }
  return { verdict }
}

/** The step's line when new findings fail the gate: each one named, the known ones counted. */
function newFindingsLine(baseline: BaselineResult, packs: number): string {
  const fresh = baseline.judgement.findings.flatMap((j) => (j.status === 'new' ? [j] : []))
  const knownCount = baseline.judgement.findings.length - fresh.length
  const named = fresh.slice(0, NEW_FINDINGS_WARNED).map(newFindingText)
  const more = fresh.length - named.length
  const list = `${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`
  const unlisted = packs > 0 && fresh.length === 0
  return unlisted
    ? `${packs} conformance pack(s) NON_COMPLIANT with resources that were not listed or not all read, so the baseline ${baseline.path} cannot accept them (an entry with resourceId "*" accepts every resource of a rule)`
    : `${fresh.length} new finding(s) not in the baseline ${baseline.path} (${knownCount} known): ${list}`
}

function errorText(error: NonNullable<RuleEntry['error']>): string {
  return error.message ? `${error.code}: ${error.message}` : error.code
}
