import * as core from '@actions/core'
import { actionLog } from './action-log.js'
import type { CheckRunReporter } from '../github/check-run.js'
import { checkTitle, conclusionFor, packCounts } from './check-view.js'
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
import { renderErrorSummary, renderSummary, type SummaryReport } from './summary.js'
import type { RegionsVerdict, Result, Verdict } from '../verdict/verdict.js'

import type { Env } from '../shared/env.js'

/** Everything the run found out, ready to be told. */
export interface Findings {
  readonly inputs: Inputs
  readonly runs: readonly RegionRun[]
  readonly verdicts: RegionsVerdict
  readonly compliance?: ComplianceGate
  readonly startedAt: number
  readonly now: number
}

/**
 * Outputs first (they matter most to later steps), then the job summary, the annotations, the
 * check run's conclusion and the step's status. Runs on every path that got past the inputs.
 */
export async function publish(
  findings: Findings,
  env: Env,
  checks?: CheckRunReporter
): Promise<void> {
  const { inputs, runs, verdicts, compliance } = findings
  const verdict = compliance?.verdict ?? verdicts.overall
  const elapsedMs =
    Math.max(findings.startedAt, ...runs.map((r) => r.wait.endedAt)) - findings.startedAt
  setOutputs(verdict.result, {
    statuses: runs.flatMap((r) =>
      r.wait.packs.map((pack) => statusEntry(pack, r.region, r.explanations.get(pack.name)))
    ),
    'completed-packs': verdict.completed,
    'failed-packs': verdict.failed,
    'pending-packs': verdict.pending,
    'missing-packs': verdict.missing,
    compliance: compliance?.entries ?? [],
    'noncompliant-packs': compliance?.noncompliant ?? []
  })

  const report = summaryReport(findings, verdict, elapsedMs, env)
  const markdown = renderSummary(core.summary.emptyBuffer(), report).stringify()
  await writeSummary(env, markdown)

  for (const run of runs) {
    for (const note of packAnnotations(run.wait.packs, inputs, run.region, run.explanations)) {
      core[note.level](note.message, { title: note.title })
    }
  }
  for (const note of emptyRegionAnnotations(verdicts.overall, inputs))
    core[note.level](note.message, { title: note.title })
  for (const note of compliance?.annotations ?? [])
    core[note.level](note.message, { title: note.title })
  if (inputs.compliance === 'report')
    for (const problem of compliance?.problems ?? []) core.warning(problem)

  const unexplained = new Map(
    runs.flatMap((r) =>
      [...r.explanations].map(([name, e]) => [runs.length > 1 ? `${r.region}/${name}` : name, e])
    )
  )
  const notice = unexplainedNotice(unexplained, EXPLANATION_SOURCE[inputs.scope])
  if (notice) {
    // A missing stack-events permission is expected of least-privilege roles; a failed
    // organization pack whose accounts cannot be read is worth a warning.
    if (inputs.scope === 'organization') core.warning(notice)
    else core.notice(notice)
  }

  const line = compliance?.headline ?? headline(verdict, verdicts.end, elapsedMs)
  await checks?.complete(
    conclusionFor(verdict.result, verdict.failStep),
    checkTitle(packCounts(verdict), true),
    markdown,
    {
      // A cancelled run is about to be killed: the final update gets about a second.
      timeoutMs: verdict.result === 'cancelled' ? 1_000 : undefined
    }
  )
  if (verdict.failStep) core.setFailed(line)
  else if (verdict.result === 'failure') core.warning(`${line} (fail-on-failure is false)`)
  else actionLog.info(line)
}

function summaryReport(
  findings: Findings,
  verdict: Verdict,
  elapsedMs: number,
  env: Env
): SummaryReport {
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
    runUrl: runUrl(env),
    headline: compliance?.headline,
    problems: compliance?.problems
  }
}

function complianceOf(gate: ComplianceGate, region: string): ReadonlyMap<string, PackCompliance> {
  return new Map(gate.entries.filter((e) => e.region === region).map((e) => [e.name, e]))
}

/** A run that stopped before any wait, for example on a bad input. */
export async function failBeforeWait(message: string, env: Env): Promise<void> {
  setOutputs('failure', {
    statuses: [],
    'completed-packs': [],
    'failed-packs': [],
    'pending-packs': [],
    'missing-packs': [],
    compliance: [],
    'noncompliant-packs': []
  })
  await writeSummary(env, renderErrorSummary(core.summary.emptyBuffer(), message).stringify())
  core.setFailed(message)
}

function setOutputs(result: Result, lists: Record<string, readonly unknown[]>): void {
  core.setOutput('result', result)
  for (const [name, value] of Object.entries(lists)) core.setOutput(name, JSON.stringify(value))
}

async function writeSummary(env: Env, markdown: string): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    actionLog.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
    return
  }
  try {
    await core.summary.emptyBuffer().addRaw(markdown).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${String(error)}`)
  }
}

/** The workflow run's page, from the runner's environment (what @actions/github's context reads too). */
function runUrl(env: Env): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
}
