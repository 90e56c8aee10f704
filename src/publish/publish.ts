import { checkTitle, conclusionFor, packCounts } from './check-view.js'
import { packLabel } from '../packs/label.js'
import { CHECK_SUMMARY_BUDGET } from './summary-limits.js'
import type { RunReport } from '../report/run-report.js'
import { EXPLANATION_SOURCE } from '../wait/region-wait.js'
import {
  emptyRegionAnnotations,
  packAnnotations,
  statusEntry,
  unexplainedNotice
} from './report.js'
import { fitSummary, renderErrorSummary, type FinalReport } from './summary.js'
import type { Log } from '../shared/log.js'
import type { AnnotationLevel, ResultDestination } from './destination.js'
import type { CheckRunReporter } from './live-check.js'
import { FAILED_BEFORE_WAIT, limitStatuses, type ActionOutputs } from './outputs.js'

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
export async function publish(report: RunReport, deps: PublishDeps): Promise<void> {
  const { destination, log, checks } = deps
  const { inputs, regions: runs, verdicts, compliance, verdict } = report
  destination.setOutputs(outputsOf(report))

  const summary = summaryOf(report)
  await destination.writeSummary(fitSummary(summary))
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
  for (const warning of compliance?.warnings ?? []) destination.annotate('warning', warning)

  const unexplained = new Map(
    runs.flatMap((r) =>
      [...r.explanations].map(([name, e]) => [packLabel(r.region, name, runs.length > 1), e])
    )
  )
  const notice = unexplainedNotice(unexplained, EXPLANATION_SOURCE[inputs.scope])
  if (notice) {
    // A missing stack-events permission is expected of least-privilege roles; a failed
    // organization pack whose accounts cannot be read is worth a warning.
    destination.annotate(inputs.scope === 'organization' ? 'warning' : 'notice', notice)
  }

  const line = report.headline
  await checks?.complete(
    conclusionFor(verdict.result, verdict.failStep),
    checkTitle(packCounts(verdict), true),
    // Shortened as the job summary is, so that the failed packs come first.
    fitSummary(summary, CHECK_SUMMARY_BUDGET),
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

/** The step's outputs: what later steps read. */
export function outputsOf(report: RunReport): ActionOutputs {
  const { verdict, compliance } = report
  return {
    result: verdict.result,
    statuses: limitStatuses(
      report.regions.flatMap((r) =>
        r.wait.packs.map((pack) => statusEntry(pack, r.region, r.explanations.get(pack.name)))
      )
    ),
    'completed-packs': verdict.completed,
    'failed-packs': verdict.failed,
    'pending-packs': verdict.pending,
    'missing-packs': verdict.missing,
    compliance: compliance?.entries ?? [],
    'new-findings': compliance?.newFindings ?? [],
    'noncompliant-packs': compliance?.noncompliant ?? []
  }
}

/** The job summary's (and the check run's, and the command's Markdown file's) view. */
export function summaryOf(report: RunReport): FinalReport {
  return {
    scope: report.inputs.scope,
    regions: report.regions.map((r) => ({
      region: r.region,
      links: r.links,
      packs: r.wait.packs,
      verdict: r.verdict,
      end: r.wait.end,
      explanations: r.explanations,
      compliance: r.compliance
    })),
    verdict: report.verdict,
    end: report.verdicts.end,
    elapsedMs: report.elapsedMs,
    now: report.now,
    headline: report.compliance?.headline,
    problems: report.compliance?.problems,
    baseline: report.compliance?.baseline
  }
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
