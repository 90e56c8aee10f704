import type { ComplianceGate, ComplianceEntry } from '../compliance/gate.js'
import type { Inputs } from '../inputs.js'
import { headline } from './headline.js'
import type { RegionsVerdict, Verdict } from '../verdict/verdict.js'
import type { RegionRun } from '../wait/region-wait.js'
import type { ConsoleLinks } from './console-links.js'

/** One region's part of the report. */
export interface RegionResult extends RegionRun {
  /** The console's pages, in the partition the region is in. */
  readonly links: ConsoleLinks
  /** The region's own verdict. */
  readonly verdict: Verdict
  /** The region's packs' compliance, when it was read (by pack name). */
  readonly compliance?: ReadonlyMap<string, ComplianceEntry>
}

/**
 * The one report of a run: what every output is rendered from (the step's outputs, the job
 * summary, the annotations, the check run, the command's table, JSON, JUnit and Markdown).
 * Built once, when the waits and reads are over, and never changed; nothing reads an output
 * back.
 */
export interface RunReport {
  readonly inputs: Inputs
  /** In input order. */
  readonly regions: readonly RegionResult[]
  readonly verdicts: RegionsVerdict
  /** Read after a successful wait under `compliance: report` or `require`. */
  readonly compliance?: ComplianceGate
  /** The run's final verdict: compliance's when it decided, else the waits'. */
  readonly verdict: Verdict
  /** The one line the step fails (or passes) with. */
  readonly headline: string
  /** Epoch ms. */
  readonly startedAt: number
  /** From the start to the end of the last region's wait. */
  readonly elapsedMs: number
  /** When the report was made (epoch ms): the end of durations still running. */
  readonly now: number
}

/** What the pipeline found out, before it is put in the report's shape. */
export interface Findings {
  readonly inputs: Inputs
  readonly runs: readonly RegionRun[]
  readonly verdicts: RegionsVerdict
  readonly compliance?: ComplianceGate
  readonly startedAt: number
  readonly now: number
  /** The console's pages of a region, in its partition. */
  readonly linksOf: (region: string) => ConsoleLinks
}

export function buildReport(findings: Findings): RunReport {
  const { inputs, runs, verdicts, compliance, startedAt } = findings
  const verdict = compliance?.verdict ?? verdicts.overall
  const elapsedMs = Math.max(startedAt, ...runs.map((r) => r.wait.endedAt)) - startedAt
  const regions = runs.map((run, i): RegionResult => {
    const entries = compliance?.entries.filter((e) => e.region === run.region)
    return {
      ...run,
      links: findings.linksOf(run.region),
      verdict: verdicts.regions[i],
      ...(entries ? { compliance: new Map(entries.map((e) => [e.name, e])) } : {})
    }
  })
  return {
    inputs,
    regions,
    verdicts,
    ...(compliance ? { compliance } : {}),
    verdict,
    headline: compliance?.headline ?? headline(verdict, verdicts.end, elapsedMs),
    startedAt,
    elapsedMs,
    now: findings.now
  }
}
