import * as core from '@actions/core'
import { context } from '@actions/github'
import { systemClock } from './clock.js'
import { InputError, parseInputs, type Inputs } from './inputs.js'
import { formatDuration } from './log-format.js'
import { EXPLANATION_SOURCE, regionLog, waitInRegion, type RegionRun } from './region-wait.js'
import { headline, packAnnotations, statusEntry, unexplainedNotice } from './report.js'
import { renderErrorSummary, renderSummary } from './summary.js'
import { decideRegions, type Result } from './verdict.js'

type Env = Readonly<Record<string, string | undefined>>

/** The action: inputs → wait in every region → outputs, summary and the step's status. */
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
  core.info(describeWait(inputs))
  let runs: RegionRun[]
  try {
    // Each region polls on its own: one region's throttling or outage never stalls another.
    runs = await Promise.all(
      inputs.regions.map((region) =>
        waitInRegion(region, inputs, {
          clock: systemClock,
          deadline,
          signal: cancellation.signal,
          log: regionLog(core, region, inputs.regions.length > 1),
          env
        })
      )
    )
  } catch (error) {
    // Not expected (AWS trouble is part of the result), but the outputs still get written.
    const message = `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    const end = { kind: 'error', message } as const
    runs = inputs.regions.map((region) => ({
      region,
      wait: { packs: [], end, startedAt, endedAt: systemClock.now(), rounds: 0 },
      explanations: new Map()
    }))
  } finally {
    cancellation.dispose()
  }
  await publish(inputs, runs, startedAt, env)
}

/** A cancelled workflow sends SIGINT (then SIGTERM): stop waiting, report what is known. */
function cancelOnSignals(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    core.info(`Received ${signal}: stopping the wait and reporting the last known states.`)
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
  return `Waiting for ${what} (timeout ${formatDuration(inputs.timeoutMs)}, polling every ${inputs.minDelayMs / 1000}s-${inputs.maxDelayMs / 1000}s)`
}

async function publish(
  inputs: Inputs,
  runs: readonly RegionRun[],
  startedAt: number,
  env: Env
): Promise<void> {
  const verdicts = decideRegions(
    runs.map((r) => ({ region: r.region, packs: r.wait.packs, end: r.wait.end })),
    inputs
  )
  const { overall } = verdicts
  const elapsedMs = Math.max(...runs.map((r) => r.wait.endedAt)) - startedAt
  setOutputs(overall.result, {
    statuses: runs.flatMap((r) =>
      r.wait.packs.map((pack) => statusEntry(pack, r.region, r.explanations.get(pack.name)))
    ),
    'completed-packs': overall.completed,
    'failed-packs': overall.failed,
    'pending-packs': overall.pending,
    'missing-packs': overall.missing
  })
  await writeSummary(env, (summary) =>
    renderSummary(summary, {
      scope: inputs.scope,
      regions: runs.map((r, i) => ({
        region: r.region,
        packs: r.wait.packs,
        verdict: verdicts.regions[i],
        end: r.wait.end,
        explanations: r.explanations
      })),
      verdict: overall,
      end: verdicts.end,
      elapsedMs,
      now: systemClock.now(),
      runUrl: runUrl(env)
    })
  )
  for (const run of runs) {
    for (const note of packAnnotations(run.wait.packs, inputs, run.region, run.explanations)) {
      core[note.level](note.message, { title: note.title })
    }
  }
  const unexplained = new Map(
    runs.flatMap((r) => [...r.explanations].map(([name, e]) => [label(runs, r.region, name), e]))
  )
  const notice = unexplainedNotice(unexplained, EXPLANATION_SOURCE[inputs.scope])
  if (notice) {
    // A missing stack-events permission is expected of least-privilege roles; a failed
    // organization pack whose accounts cannot be read is worth a warning.
    if (inputs.scope === 'organization') core.warning(notice)
    else core.notice(notice)
  }
  const line = headline(overall, verdicts.end, elapsedMs)
  if (overall.failStep) core.setFailed(line)
  else if (overall.result === 'failure') core.warning(`${line} (fail-on-failure is false)`)
  else core.info(line)
}

function label(runs: readonly RegionRun[], region: string, name: string): string {
  return runs.length > 1 ? `${region}/${name}` : name
}

async function failBeforeWait(message: string, env: Env): Promise<void> {
  setOutputs('failure', {
    statuses: [],
    'completed-packs': [],
    'failed-packs': [],
    'pending-packs': [],
    'missing-packs': []
  })
  await writeSummary(env, (summary) => renderErrorSummary(summary, message))
  core.setFailed(message)
}

function setOutputs(result: Result, lists: Record<string, readonly unknown[]>): void {
  core.setOutput('result', result)
  for (const [name, value] of Object.entries(lists)) core.setOutput(name, JSON.stringify(value))
}

async function writeSummary(
  env: Env,
  render: (summary: typeof core.summary) => typeof core.summary
): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
    return
  }
  try {
    await render(core.summary.emptyBuffer()).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${String(error)}`)
  }
}

function runUrl(env: Env): string | undefined {
  if (!env.GITHUB_REPOSITORY || !Number.isFinite(context.runId)) return undefined
  return `${context.serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${context.runId}`
}
