import type { Clock } from '../shared/clock.js'
import { readCompliance, type ComplianceRead, type PackCompliance } from './read-compliance.js'
import { complianceAnnotations, type ComplianceAnnotation } from './annotations.js'
import type { ComplianceMode } from '../inputs.js'
import type { PackStatus } from '../packs/pack-state.js'
import type { Verdict } from '../verdict/verdict.js'
import type { Log } from '../shared/log.js'

import type { OpenRegion } from '../wait/region-wait.js'

/** One region's compliance read. */
export interface RegionCompliance {
  readonly region: string
  readonly read: ComplianceRead
}

/** One entry of the `compliance` output. */
export interface ComplianceEntry {
  readonly name: string
  readonly region: string
  readonly compliance: PackCompliance['compliance']
  readonly nonCompliantRules: readonly string[]
}

/**
 * Reads the compliance of every region's CREATE_COMPLETE packs, the regions at once, each with
 * its own client, under the wait's deadline and cancellation.
 */
export async function readComplianceInRegions(
  regions: readonly { readonly region: string; readonly packs: readonly PackStatus[] }[],
  deps: {
    readonly clock: Clock
    readonly deadline: number
    readonly signal: AbortSignal
    readonly open: OpenRegion
    readonly log: (region: string) => Log
  }
): Promise<RegionCompliance[]> {
  return Promise.all(
    regions.map(async ({ region, packs }) => {
      const ports = deps.open(region, deps.log(region))
      try {
        const names = packs.filter((p) => p.state === 'CREATE_COMPLETE').map((p) => p.name)
        const read = await readCompliance(names, {
          source: ports.compliance(),
          clock: deps.clock,
          deadline: deps.deadline,
          signal: deps.signal,
          log: deps.log(region)
        })
        return { region, read }
      } finally {
        ports.close()
      }
    })
  )
}

/** The verdict once compliance is known, and what to tell the person reading the run. */
export interface ComplianceGate {
  readonly verdict: Verdict
  readonly entries: readonly ComplianceEntry[]
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
  mode: Exclude<ComplianceMode, 'ignore'>
): ComplianceGate {
  const several = reads.length > 1
  const label = (region: string, name: string): string => (several ? `${region}/${name}` : name)
  const packsOf = (read: ComplianceRead): readonly PackCompliance[] =>
    read.kind === 'done' || read.kind === 'timeout' ? read.packs : []
  const entries = reads.flatMap(({ region, read }) =>
    packsOf(read).map((p) => ({
      name: p.name,
      region,
      compliance: p.compliance,
      nonCompliantRules: p.nonCompliantRules
    }))
  )
  const failing = entries.filter((e) => e.compliance === 'NON_COMPLIANT')
  const noncompliant = failing.map((e) => label(e.region, e.name))
  const annotations = reads.flatMap(({ region, read }) =>
    complianceAnnotations(packsOf(read), mode, (name) => label(region, name))
  )
  const where = (region: string): string => (several ? `${region}: ` : '')
  const problems = reads.flatMap(({ region, read }) =>
    read.kind === 'timeout' || read.kind === 'error'
      ? [`${where(region)}compliance could not be read: ${read.message}`]
      : []
  )
  const base = { entries, noncompliant, annotations, problems }
  if (reads.some((r) => r.read.kind === 'cancelled')) {
    return { ...base, verdict: { ...verdict, result: 'cancelled', failStep: true } }
  }
  if (mode === 'report') return { ...base, verdict }

  if (reads.some((r) => r.read.kind === 'error')) {
    return {
      ...base,
      verdict: { ...verdict, result: 'failure', failStep: true },
      headline: problems.join('; ')
    }
  }
  if (reads.some((r) => r.read.kind === 'timeout')) {
    return {
      ...base,
      verdict: { ...verdict, result: 'timeout', failStep: true },
      headline: problems.join('; ')
    }
  }
  if (failing.length) {
    const detail = failing.map(
      (e) => `${label(e.region, e.name)} (${e.nonCompliantRules.join(', ') || 'no rule listed'})`
    )
    return {
      ...base,
      verdict: { ...verdict, result: 'noncompliant', failStep: true, noncompliant },
      headline: `${failing.length} conformance pack(s) deployed but NON_COMPLIANT: ${detail.join('; ')}`
    }
  }
  return { ...base, verdict }
}
