import { detailOf, type PackStatus } from '../packs/pack-state.js'
import { deploymentDuration, reasonOf } from '../packs/pack-text.js'
import type { RegionResult, RunReport } from '../report/run-report.js'
import { failedAccounts } from '../wait/failed-accounts.js'
import type { CommandReport, PackReport, RegionReport } from './report-model.js'

/**
 * The run's report as the command's renderers (the terminal table, the JUnit file) read it:
 * plain data, every rule of every pack as the `compliance` output carries it.
 */
export function commandReport(report: RunReport): CommandReport {
  const stoppedShort =
    report.verdict.result !== 'success' && report.verdict.result !== 'noncompliant'
  return {
    scope: report.inputs.scope,
    result: report.verdict.result,
    headline: report.headline,
    elapsedMs: report.elapsedMs,
    finishedAt: new Date(report.now).toISOString(),
    missingPack: report.inputs.missingPack,
    regions: report.regions.map((region): RegionReport => {
      const packs = region.wait.packs.map((p) => packReport(p, region, report.now))
      return {
        region: region.region,
        packs,
        verdict: region.verdict,
        // Not one pack read in a run that did not succeed: the closing line says why.
        ...(packs.length === 0 && stoppedShort ? { problem: report.headline } : {})
      }
    })
  }
}

function packReport(pack: PackStatus, region: RegionResult, now: number): PackReport {
  const detail = detailOf(pack)
  const explanation = region.explanations.get(pack.name)
  const compliance = region.compliance?.get(pack.name)
  return {
    name: pack.name,
    state: pack.state,
    reason: reasonOf(pack),
    durationMs: deploymentDuration(pack, now),
    errorCode: detail?.errorCode,
    failedResources: explanation?.kind === 'explained' ? explanation.resources : undefined,
    failedAccounts: failedAccounts(explanation)?.map((a) => ({
      accountId: a.accountId,
      status: a.status,
      errorCode: a.errorCode,
      message: a.message
    })),
    compliance: compliance && { compliance: compliance.compliance, rules: compliance.rules ?? [] }
  }
}
