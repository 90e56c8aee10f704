import { loadBaseline, writeBaselineFile } from './compliance/baseline-files.js'
import { evaluateInRegions, gate, type ComplianceGate } from './compliance/gate.js'
import type { FilePort } from './ports/files.js'
import type { Baseline } from './baseline/index.js'
import { InputError, parseInputs, type InputSource, type Inputs } from './inputs.js'
import { CLOCK_SKEW_ALLOWANCE_MS, isoTime } from './packs/deployment.js'
import { formatDuration } from './packs/pack-text.js'
import type { ResultDestination } from './publish/destination.js'
import { liveCheck, type CheckRunReporter } from './publish/live-check.js'
import { failBeforeWait, publish } from './publish/publish.js'
import type { Clock } from './shared/clock.js'
import { consoleLinks, type ConsoleLinks, type Partition } from './report/console-links.js'
import { buildReport, type RunReport } from './report/run-report.js'
import type { Env } from './shared/env.js'
import type { Log } from './shared/log.js'
import { decideRegions, type RegionsVerdict } from './verdict/verdict.js'
import { regionLog, waitInRegion, type RegionRun } from './wait/region-wait.js'
import { type OpenRegion } from './ports/region.js'

/** Everything the run needs from outside, built by the front end (src/main.ts for the action). */
export interface PipelineDeps {
  /** The inputs, as the runner (or a command line) gives them. */
  readonly inputs: InputSource
  readonly env: Env
  readonly clock: Clock
  /** Aborts when the run is cancelled. */
  readonly signal: AbortSignal
  /**
   * Called once the waits and reads are over, before the results are published: a front end
   * that turned signals into `signal` stops doing so, and a second signal ends the process.
   */
  readonly waitsOver?: () => void
  readonly log: Log
  readonly destination: ResultDestination
  /** The baseline files (`compliance-baseline`, `write-baseline`). */
  readonly files: FilePort
  /** Opens the AWS side of one region. */
  readonly aws: OpenRegion
  /** The check run for these inputs, if any (the GitHub client is loaded only then). */
  readonly checks?: (inputs: Inputs) => Promise<CheckRunReporter | undefined>
  /** The partition a region is in (the SDK's partition data), for console links. */
  readonly partitionOf: (region: string) => Partition
  /** How often, at most, the wait logs its progress (default: a minute). */
  readonly progressIntervalMs?: number
}

/** How a run ended: an input error before any call, or the report of the run. */
export type PipelineOutcome =
  | { readonly kind: 'input-error'; readonly message: string }
  | { readonly kind: 'report'; readonly report: RunReport }

/**
 * inputs → wait in every region → verdict → compliance → the report → publish. Never throws
 * for AWS or GitHub trouble: that is part of the verdict, and the results are published on
 * every path.
 */
export async function runPipeline(deps: PipelineDeps): Promise<PipelineOutcome> {
  const { clock, log, destination } = deps
  const prepared = await prepare(deps)
  if (prepared.kind === 'input-error') {
    await failBeforeWait(prepared.message, destination)
    return prepared
  }
  const { inputs, baseline } = prepared
  const startedAt = clock.now()
  announce(inputs, startedAt, log)
  const checks = inputs.githubToken ? await deps.checks?.(inputs) : undefined
  const linksOf = (region: string): ConsoleLinks => consoleLinks(region, deps.partitionOf(region))
  const live = checks && liveCheck(checks, inputs, clock, startedAt, linksOf)
  const found = await waitAndGate(inputs, baseline, startedAt, deps, live)
  const report = buildReport({
    inputs,
    ...found,
    startedAt,
    now: clock.now(),
    linksOf
  })
  if (inputs.files.writeBaseline !== undefined)
    await writeBaselineFile(inputs.files.writeBaseline, found.compliance, {
      files: deps.files,
      log,
      now: report.now
    })
  await publish(report, { destination, log, checks })
  return { kind: 'report', report }
}

/** The inputs and the baseline file, read and checked before any call. */
async function prepare(
  deps: PipelineDeps
): Promise<
  | { readonly kind: 'ready'; readonly inputs: Inputs; readonly baseline?: Baseline }
  | { readonly kind: 'input-error'; readonly message: string }
> {
  let inputs: Inputs
  try {
    inputs = parseInputs(deps.inputs, deps.env)
  } catch (error) {
    const message = error instanceof InputError ? error.message : `Invalid input: ${String(error)}`
    return { kind: 'input-error', message }
  }
  const loaded = await loadBaseline(inputs.files, deps.files)
  if (loaded.kind === 'invalid') return { kind: 'input-error', message: loaded.message }
  return {
    kind: 'ready',
    inputs,
    ...(loaded.kind === 'loaded' ? { baseline: loaded.baseline } : {})
  }
}

/** The wait's first line, and a warning for a `requested-after` ahead of the runner's clock. */
function announce(inputs: Inputs, startedAt: number, log: Log): void {
  log.info(describeWait(inputs))
  if (
    inputs.requestedAfter !== undefined &&
    inputs.requestedAfter > startedAt + CLOCK_SKEW_ALLOWANCE_MS
  )
    log.warning(
      `Input 'requested-after' is in the future (${isoTime(new Date(inputs.requestedAfter))}, the runner's clock says ${isoTime(new Date(startedAt))}): no deployment requested before then counts, so the wait will likely time out`
    )
}

/** Every region's wait, the verdicts and, after a successful wait, the compliance gate. */
async function waitAndGate(
  inputs: Inputs,
  baseline: Baseline | undefined,
  startedAt: number,
  deps: PipelineDeps,
  live: ReturnType<typeof liveCheck> | undefined
): Promise<{ runs: RegionRun[]; verdicts: RegionsVerdict; compliance?: ComplianceGate }> {
  const { clock, log, signal } = deps
  const deadline = startedAt + inputs.timeoutMs
  const logOf = (region: string): Log => regionLog(log, region, inputs.regions.length > 1)
  try {
    // Each region polls on its own: one region's throttling or outage never stalls another.
    const runs = await Promise.all(
      inputs.regions.map((region) =>
        waitInRegion(region, inputs, {
          clock,
          deadline,
          signal,
          log: logOf(region),
          open: deps.aws,
          onRound: live?.onRound(region),
          progressIntervalMs: deps.progressIntervalMs
        })
      )
    )
    const verdicts = decide(inputs, runs)
    if (inputs.compliance === 'ignore' || verdicts.overall.result !== 'success')
      return { runs, verdicts }
    // The same deadline and cancellation: the evaluation is part of the wait.
    const reads = await evaluateInRegions(
      runs.map((r) => ({ region: r.region, packs: r.wait.packs })),
      inputs,
      { clock, deadline, signal, open: deps.aws, log: logOf, onRound: live?.onEvaluation }
    )
    const known = baseline && { baseline, today: clock.now() }
    return { runs, verdicts, compliance: gate(verdicts.overall, reads, inputs.compliance, known) }
  } catch (error) {
    // Not expected (AWS trouble is part of the result), but the outputs still get written.
    const message = `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    const end = { kind: 'error', message } as const
    const runs = inputs.regions.map((region) => ({
      region,
      wait: { packs: [], end, startedAt, endedAt: clock.now(), rounds: 0 },
      explanations: new Map()
    }))
    return { runs, verdicts: decide(inputs, runs) }
  } finally {
    deps.waitsOver?.()
  }
}

function decide(inputs: Inputs, runs: readonly RegionRun[]): RegionsVerdict {
  return decideRegions(
    runs.map((r) => ({ region: r.region, packs: r.wait.packs, end: r.wait.end })),
    inputs
  )
}

function describeWait(inputs: Inputs): string {
  const kind =
    inputs.scope === 'organization' ? 'organization conformance pack' : 'conformance pack'
  const where = inputs.regions.join(', ')
  const what = inputs.names
    ? `${inputs.names.length} ${kind}(s) in ${where}: ${inputs.names.join(', ')}`
    : `every ${kind} in ${where}`
  const after =
    inputs.requestedAfter === undefined
      ? ''
      : `, deployments requested after ${isoTime(new Date(inputs.requestedAfter))}`
  return `Waiting for ${what} (timeout ${formatDuration(inputs.timeoutMs)}, polling every ${inputs.minDelayMs / 1000}s-${inputs.maxDelayMs / 1000}s${after})`
}
