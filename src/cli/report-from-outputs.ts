import type { ComplianceEntry } from '../compliance/gate.js'
import type { ActionOutputs } from '../publish/outputs.js'
import type { StatusEntry } from '../publish/report.js'
import type { PackReport, RegionReport, RunReport, Scope } from './report-model.js'

/** What the command knows of the run besides the outputs: its inputs and its closing line. */
export interface RunFacts {
  readonly scope: Scope
  readonly regions: readonly string[]
  readonly missingPack: RunReport['missingPack']
  readonly headline: string
  readonly elapsedMs: number
  /** Epoch ms: the end of durations still running. */
  readonly now: number
}

/**
 * The outputs the pipeline set, read back into the reports' model. The lists name a pack
 * `region/name` when several regions were awaited, so each region takes its own back.
 */
export function reportFromOutputs(outputs: ActionOutputs, facts: RunFacts): RunReport {
  const several = facts.regions.length > 1
  const ofRegion = (names: readonly string[], region: string): string[] =>
    several
      ? names.filter((n) => n.startsWith(`${region}/`)).map((n) => n.slice(region.length + 1))
      : [...names]
  const regions = facts.regions.map((region): RegionReport => {
    // The outputs' trim marker (past GitHub's size limit) names no pack.
    const packs = outputs.statuses
      .filter((s): s is StatusEntry => 'name' in s && s.region === region)
      .map((s) => packReport(s, outputs.compliance, facts.now))
    const stoppedShort = outputs.result !== 'success' && outputs.result !== 'noncompliant'
    return {
      region,
      packs,
      verdict: {
        result: outputs.result,
        completed: ofRegion(outputs['completed-packs'], region),
        failed: ofRegion(outputs['failed-packs'], region),
        pending: ofRegion(outputs['pending-packs'], region),
        missing: ofRegion(outputs['missing-packs'], region)
      },
      // Not one pack read in a run that did not succeed: the closing line says why.
      ...(packs.length === 0 && stoppedShort ? { problem: facts.headline } : {})
    }
  })
  return {
    scope: facts.scope,
    result: outputs.result,
    headline: facts.headline,
    elapsedMs: facts.elapsedMs,
    finishedAt: new Date(facts.now).toISOString(),
    missingPack: facts.missingPack,
    regions
  }
}

function packReport(
  status: StatusEntry,
  compliance: readonly ComplianceEntry[],
  now: number
): PackReport {
  const requestedAt = status.lastUpdateRequestedTime ?? status.lastUpdateTime
  const completedAt = status.lastUpdateCompletedTime
  const entry = compliance.find((c) => c.name === status.name && c.region === status.region)
  return {
    name: status.name,
    state: status.state,
    reason: status.reason,
    requestedAt,
    completedAt,
    durationMs: durationOf(status.state, requestedAt, completedAt, now),
    errorCode: status.errorCode,
    failedResources: status.failedResources,
    failedAccounts: status.failedAccounts?.map((accountId) => ({ accountId })),
    compliance: entry && {
      compliance: entry.compliance,
      // The outputs name only the NON_COMPLIANT rules.
      rules: entry.nonCompliantRules.map((name) => ({ name, compliance: 'NON_COMPLIANT' }))
    }
  }
}

/**
 * As the job summary measures it: a completed deployment's own time, else the time since it
 * was requested; none for a pack that is not there or shows an earlier deployment.
 */
function durationOf(
  state: string,
  requestedAt: string | undefined,
  completedAt: string | undefined,
  now: number
): number | undefined {
  if (requestedAt === undefined || state === 'NOT_FOUND' || state === 'PREVIOUS_DEPLOYMENT')
    return undefined
  const start = Date.parse(requestedAt)
  const completed = completedAt === undefined ? undefined : Date.parse(completedAt)
  const end =
    completed !== undefined && completed >= start && state === 'CREATE_COMPLETE' ? completed : now
  return Math.max(0, end - start)
}
