/**
 * One builder per domain type, shared by every test: a pack's status, the inputs, and the
 * run's report (made by the product's own verdict and report code from packs and inputs).
 */
import { parseInputs, type Inputs } from '../../src/inputs.js'
import type { PackDetail, PackState, PackStatus } from '../../src/packs/pack-state.js'
import {
  COMMERCIAL,
  consoleLinks,
  type ConsoleLinks,
  type Partition
} from '../../src/report/console-links.js'
import { buildReport, type RunReport } from '../../src/report/run-report.js'
import type { ComplianceGate } from '../../src/compliance/gate.js'
import { decideRegions } from '../../src/verdict/verdict.js'
import type { FailureExplanation } from '../../src/wait/explain-failures.js'
import type { WaitEnd } from '../../src/wait/wait-for-packs.js'
import { inputsOf } from './recording-destination.js'

type PlainState = Exclude<PackState, 'PREVIOUS_DEPLOYMENT'>

/**
 * A pack in a state, with the detail AWS Config would report for it (times, reason, stack and
 * the organization fields optional). A deleted pack keeps the record seen while it was deleting.
 */
export function packStatus(
  name: string,
  state: PlainState,
  detail: Partial<Omit<PackDetail, 'name' | 'state'>> = {}
): PackStatus {
  switch (state) {
    case 'UNKNOWN':
      return { name, state }
    case 'NOT_FOUND':
      return { name, state }
    case 'DELETE_COMPLETE':
      return { name, state, detail: { name, state: 'DELETE_IN_PROGRESS', ...detail } }
    default:
      return { name, state, detail: { name, state, ...detail } }
  }
}

/** The inputs parsed as the action parses them, from input values (region defaults to one). */
export function inputs(values: Record<string, string> = {}): Inputs {
  return parseInputs(inputsOf({ region: 'us-east-1', ...values }), {})
}

/** One region's wait, as the report is built from it. */
export interface RegionFixture {
  readonly region: string
  readonly packs: readonly PackStatus[]
  readonly end?: WaitEnd
  readonly explanations?: ReadonlyMap<string, FailureExplanation>
}

/**
 * The run's report from the regions' packs, the inputs and, when read, compliance, through the
 * product's own verdict and report code.
 */
export function runReport(
  regions: readonly RegionFixture[],
  options: {
    inputs?: Inputs
    compliance?: ComplianceGate
    startedAt?: number
    elapsedMs?: number
    partitionOf?: (region: string) => Partition
  } = {}
): RunReport {
  const parsed = options.inputs ?? inputs({ region: regions.map((r) => r.region).join('\n') })
  const startedAt = options.startedAt ?? Date.parse('2026-01-02T03:00:00Z')
  const endedAt = startedAt + (options.elapsedMs ?? 60_000)
  const runs = regions.map((r) => ({
    region: r.region,
    wait: {
      packs: r.packs,
      end: r.end ?? ({ kind: 'settled' } as const),
      startedAt,
      endedAt,
      rounds: 1
    },
    explanations: r.explanations ?? new Map<string, FailureExplanation>()
  }))
  const verdicts = decideRegions(
    runs.map((r) => ({ region: r.region, packs: r.wait.packs, end: r.wait.end })),
    parsed
  )
  return buildReport({
    inputs: parsed,
    runs,
    verdicts,
    compliance: options.compliance,
    startedAt,
    now: endedAt,
    linksOf: (region) => consoleLinks(region, options.partitionOf?.(region) ?? COMMERCIAL)
  })
}

/** The console links of a region in the commercial partition. */
export const commercialLinks = (region: string): ConsoleLinks => consoleLinks(region, COMMERCIAL)
