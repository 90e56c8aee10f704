import { checkTitle, conclusionFor, packCounts } from './check-view.js'
import { CHECK_SUMMARY_BUDGET } from './summary-limits.js'
import type { PackCompliance } from '../compliance/read-compliance.js'
import type { ComplianceGate } from '../compliance/gate.js'
import type { Inputs } from '../inputs.js'
import { EXPLANATION_SOURCE, type RegionRun } from '../wait/region-wait.js'
import {
  emptyRegionAnnotations,
  headline,
  packAnnotations,
  statusEntry,
  unexplainedNotice
} from './report.js'
import { fitSummary, renderErrorSummary, type SummaryReport } from './summary.js'
import type { RegionsVerdict, Verdict } from '../verdict/verdict.js'
import type { Log } from '../shared/log.js'
import type { AnnotationLevel, ResultDestination } from './destination.js'
import type { CheckRunReporter } from './live-check.js'
import { FAILED_BEFORE_WAIT, limitStatuses } from './outputs.js'

/** Everything the run found out, ready to be told. */
export interface Findings {
  readonly inputs: Inputs
  readonly runs: readonly RegionRun[]
  readonly verdicts: RegionsVerdict
  readonly compliance?: ComplianceGate
  readonly startedAt: number
  readonly now: number
}

/** Where the publish stage tells what the run found out. */
export interface PublishDeps {
  readonly destination: ResultDestination
  readonly log: Log
  readonly checks?: CheckRunReporter
}

/**
 * Outputs first (they matter most to later steps), then the job summary, the annotations, the
 * check run's conclusion and the step's status. Runs on every path that got past the inputs.
 */
export async function publish(findings: Findings, deps: PublishDeps): Promise<void> {
  const { destination, log, checks } = deps
  const { inputs, runs, verdicts, compliance } = findings
  const verdict = compliance?.verdict ?? verdicts.overall
  const elapsedMs =
    Math.max(findings.startedAt, ...runs.map((r) => r.wait.endedAt)) - findings.startedAt
  destination.setOutputs({
    result: verdict.result,
    statuses: limitStatuses(
      runs.flatMap((r) =>
        r.wait.packs.map((pack) => statusEntry(pack, r.region, r.explanations.get(pack.name)))
      )
    ),
    'completed-packs': verdict.completed,
    'failed-packs': verdict.failed,
    'pending-packs': verdict.pending,
    'missing-packs': verdict.missing,
    compliance: compliance?.entries ?? [],
    'noncompliant-packs': compliance?.noncompliant ?? []
  })

  const report = summaryReport(findings, verdict, elapsedMs)
  await destination.writeSummary(fitSummary(report))
  const annotate = (note: { level: AnnotationLevel; message: string; title: string }): void =>
    destination.annotate(note.level, note.message, note.title)

  for (const run of runs) {
    for (const note of packAnnotations(run.wait.packs, inputs, run.region, run.explanations))
      annotate(note)
  }
  for (const note of emptyRegionAnnotations(verdicts.overall, inputs)) annotate(note)
  for (const note of compliance?.annotations ?? []) annotate(note)
  if (inputs.compliance === 'report')
    for (const problem of compliance?.problems ?? []) destination.annotate('warning', problem)

  const unexplained = new Map(
    runs.flatMap((r) =>
      [...r.explanations].map(([name, e]) => [runs.length > 1 ? `${r.region}/${name}` : name, e])
    )
  )
  const notice = unexplainedNotice(unexplained, EXPLANATION_SOURCE[inputs.scope])
  if (notice) {
    // A missing stack-events permission is expected of least-privilege roles; a failed
    // organization pack whose accounts cannot be read is worth a warning.
    destination.annotate(inputs.scope === 'organization' ? 'warning' : 'notice', notice)
  }

  const line = compliance?.headline ?? headline(verdict, verdicts.end, elapsedMs)
  await checks?.complete(
    conclusionFor(verdict.result, verdict.failStep),
    checkTitle(packCounts(verdict), true),
    // Shortened as the job summary is, so that the failed packs come first.
    fitSummary(report, CHECK_SUMMARY_BUDGET),
    {
      // A cancelled run is about to be killed: the final update gets about a second.
      timeoutMs: verdict.result === 'cancelled' ? 1_000 : undefined
    }
  )
  if (verdict.failStep) destination.fail(line)
  else if (verdict.result === 'failure')
    destination.annotate('warning', `${line} (fail-on-failure is false)`)
  else log.info(line)
}

function summaryReport(findings: Findings, verdict: Verdict, elapsedMs: number): SummaryReport {
  const { inputs, runs, verdicts, compliance } = findings
  return {
    scope: inputs.scope,
    regions: runs.map((r, i) => ({
      region: r.region,
      packs: r.wait.packs,
      verdict: verdicts.regions[i],
      end: r.wait.end,
      explanations: r.explanations,
      compliance: compliance && complianceOf(compliance, r.region)
    })),
    verdict,
    end: verdicts.end,
    elapsedMs,
    now: findings.now,
    headline: compliance?.headline,
    problems: compliance?.problems
  }
}

function complianceOf(gate: ComplianceGate, region: string): ReadonlyMap<string, PackCompliance> {
  return new Map(gate.entries.filter((e) => e.region === region).map((e) => [e.name, e]))
}

/** A run that stopped before any wait, for example on a bad input. */
export async function failBeforeWait(
  message: string,
  destination: ResultDestination
): Promise<void> {
  destination.setOutputs(FAILED_BEFORE_WAIT)
  await destination.writeSummary(renderErrorSummary(message))
  destination.fail(message)
}
