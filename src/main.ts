import * as core from '@actions/core'
import { actionLog } from './publish/action-log.js'
import type { CheckRunReporter } from './github/check-run.js'
import { checkTitle, packCounts } from './publish/check-view.js'
import { systemClock } from './shared/clock.js'
import { gate, readComplianceInRegions, type ComplianceGate } from './compliance/gate.js'
import { CLOCK_SKEW_ALLOWANCE_MS, isoTime } from './packs/deployment.js'
import { InputError, parseInputs, type Inputs } from './inputs.js'
import { formatDuration } from './packs/pack-text.js'
import type { PackStatus } from './packs/pack-state.js'
import { failBeforeWait, publish } from './publish/publish.js'
import { regionLog, waitInRegion, type RegionRun } from './wait/region-wait.js'
import { renderSummary } from './publish/summary.js'
import { decideRegions, type RegionsVerdict } from './verdict/verdict.js'

/**
 * The action: inputs → wait in every region → (compliance) → outputs, summary, check run and
 * the step's status.
 */
export async function run(): Promise<void> {
  const env = process.env
  let inputs: Inputs
  try {
    inputs = parseInputs(core, env)
  } catch (error) {
    const message = error instanceof InputError ? error.message : `Invalid input: ${String(error)}`
    await failBeforeWait(message, env)
    return
  }

  const cancellation = cancelOnSignals()
  const startedAt = systemClock.now()
  const deadline = startedAt + inputs.timeoutMs
  const log = (region: string) => regionLog(actionLog, region, inputs.regions.length > 1)
  actionLog.info(describeWait(inputs))
  if (
    inputs.requestedAfter !== undefined &&
    inputs.requestedAfter > startedAt + CLOCK_SKEW_ALLOWANCE_MS
  )
    core.warning(
      `Input 'requested-after' is in the future (${isoTime(new Date(inputs.requestedAfter))}, the runner's clock says ${isoTime(new Date(startedAt))}): no deployment requested before then counts, so the wait will likely time out`
    )
  const checks = inputs.githubToken ? await createChecks(inputs, env) : undefined
  const live = checks && liveCheck(checks, inputs, startedAt)
  let runs: RegionRun[]
  let compliance: ComplianceGate | undefined
  let verdicts: RegionsVerdict
  try {
    // Each region polls on its own: one region's throttling or outage never stalls another.
    runs = await Promise.all(
      inputs.regions.map((region) =>
        waitInRegion(region, inputs, {
          clock: systemClock,
          deadline,
          signal: cancellation.signal,
          log: log(region),
          env,
          onRound: live?.onRound(region)
        })
      )
    )
    verdicts = decide(inputs, runs)
    if (inputs.compliance !== 'ignore' && verdicts.overall.result === 'success') {
      const reads = await readComplianceInRegions(
        runs.map((r) => ({ region: r.region, packs: r.wait.packs })),
        { clock: systemClock, deadline, signal: cancellation.signal, env, log }
      )
      compliance = gate(verdicts.overall, reads, inputs.compliance)
    }
  } catch (error) {
    // Not expected (AWS trouble is part of the result), but the outputs still get written.
    const message = `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    const end = { kind: 'error', message } as const
    runs = inputs.regions.map((region) => ({
      region,
      wait: { packs: [], end, startedAt, endedAt: systemClock.now(), rounds: 0 },
      explanations: new Map()
    }))
    verdicts = decide(inputs, runs)
  } finally {
    cancellation.dispose()
  }
  await publish(
    { inputs, runs, verdicts, compliance, startedAt, now: systemClock.now() },
    env,
    checks
  )
}

/**
 * Loaded only with a token: octokit is a large part of start-up that most runs never need.
 */
async function createChecks(
  inputs: Inputs,
  env: typeof process.env
): Promise<CheckRunReporter | undefined> {
  const [{ createCheckRunReporter }, { context }] = await Promise.all([
    import('./github/check-run.js'),
    import('@actions/github')
  ])
  return createCheckRunReporter({
    token: inputs.githubToken,
    name: inputs.checkName,
    env,
    payload: context.payload,
    log: actionLog
  })
}

function decide(inputs: Inputs, runs: readonly RegionRun[]): RegionsVerdict {
  return decideRegions(
    runs.map((r) => ({ region: r.region, packs: r.wait.packs, end: r.wait.end })),
    inputs
  )
}

/**
 * The check run while the wait goes on: created at once, updated after a round in which some
 * pack changed state. Nothing here is awaited: a slow GitHub API never slows the wait.
 */
function liveCheck(checks: CheckRunReporter, inputs: Inputs, startedAt: number) {
  const latest = new Map<string, readonly PackStatus[]>(inputs.regions.map((r) => [r, []]))
  const view = (): [string, string] => {
    const runs = inputs.regions.map((region) => ({
      region,
      wait: {
        packs: latest.get(region) ?? [],
        end: { kind: 'settled' } as const,
        startedAt,
        endedAt: systemClock.now(),
        rounds: 0
      },
      explanations: new Map()
    }))
    const verdicts = decide(inputs, runs)
    const markdown = renderSummary(core.summary.emptyBuffer(), {
      scope: inputs.scope,
      regions: runs.map((r, i) => ({
        region: r.region,
        packs: r.wait.packs,
        verdict: verdicts.regions[i],
        end: r.wait.end
      })),
      verdict: verdicts.overall,
      end: verdicts.end,
      elapsedMs: systemClock.now() - startedAt,
      now: systemClock.now(),
      inProgress: true
    }).stringify()
    core.summary.emptyBuffer()
    return [checkTitle(packCounts(verdicts.overall), false), markdown]
  }
  void checks.start(...view())
  return {
    onRound: (region: string) => (packs: readonly PackStatus[], changed: boolean) => {
      latest.set(region, packs)
      if (changed) void checks.update(...view())
    }
  }
}

/** A cancelled workflow sends SIGINT (then SIGTERM): stop waiting, report what is known. */
function cancelOnSignals(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    actionLog.info(`Received ${signal}: stopping the wait and reporting the last known states.`)
    controller.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
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
