import * as core from '@actions/core'
import { context } from '@actions/github'
import { createConfigClient } from './client.js'
import { systemClock } from './clock.js'
import { createStatusSource } from './config-source.js'
import { explainFailures, EXPLAIN_IAM_ACTION, type FailureExplanation } from './explain.js'
import { InputError, parseInputs, type Inputs } from './inputs.js'
import { formatDuration } from './log-format.js'
import { headline, packAnnotations, statusEntry, unexplainedNotice } from './report.js'
import { renderErrorSummary, renderSummary } from './summary.js'
import { decide, type Result } from './verdict.js'
import { waitForPacks, type WaitResult } from './wait.js'

type Env = Readonly<Record<string, string | undefined>>
type Explanations = ReadonlyMap<string, FailureExplanation>

/** The action: inputs → wait → (explain failures) → outputs, summary and the step's status. */
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
  const client = createConfigClient(inputs.region, env)
  const startedAt = systemClock.now()
  const deadline = startedAt + inputs.timeoutMs
  core.info(describeWait(inputs))
  let wait: WaitResult
  let explanations: Explanations = new Map()
  try {
    wait = await waitForPacks(
      {
        names: inputs.names,
        deadline,
        minDelayMs: inputs.minDelayMs,
        maxDelayMs: inputs.maxDelayMs,
        missingPack: inputs.missingPack
      },
      {
        source: createStatusSource(client, (m) => core.debug(m)),
        clock: systemClock,
        log: core,
        signal: cancellation.signal
      }
    )
    if (inputs.explainFailures && wait.end.kind !== 'cancelled') {
      explanations = await explain(wait, deadline, cancellation.signal, env)
    }
  } catch (error) {
    // Not expected (AWS trouble is part of the result), but the outputs still get written.
    const message = `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    wait = {
      packs: [],
      end: { kind: 'error', message },
      startedAt,
      endedAt: systemClock.now(),
      rounds: 0
    }
  } finally {
    cancellation.dispose()
    client.destroy()
  }
  await publish(inputs, wait, explanations, systemClock.now(), env)
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

async function explain(
  wait: WaitResult,
  deadline: number,
  signal: AbortSignal,
  env: Env
): Promise<Explanations> {
  const withStack = wait.packs.some(
    (p) => (p.state === 'CREATE_FAILED' || p.state === 'DELETE_FAILED') && p.detail.stackArn
  )
  if (!withStack) return new Map()
  // Loaded only when a pack failed: most runs never need the CloudFormation client.
  const { createStackEventReader } = await import('./stack-events-source.js')
  const reader = createStackEventReader(env)
  try {
    return await explainFailures(wait.packs, {
      read: reader.read,
      clock: systemClock,
      deadline,
      signal,
      debug: (m) => core.debug(m)
    })
  } finally {
    reader.close()
  }
}

function describeWait(inputs: Inputs): string {
  const what = inputs.names
    ? `${inputs.names.length} conformance pack(s) in ${inputs.region}: ${inputs.names.join(', ')}`
    : `every conformance pack in ${inputs.region}`
  return `Waiting for ${what} (timeout ${formatDuration(inputs.timeoutMs)}, polling every ${inputs.minDelayMs / 1000}s-${inputs.maxDelayMs / 1000}s)`
}

async function publish(
  inputs: Inputs,
  wait: WaitResult,
  explanations: Explanations,
  now: number,
  env: Env
): Promise<void> {
  const verdict = decide(wait.packs, wait.end, inputs)
  const elapsedMs = wait.endedAt - wait.startedAt
  setOutputs(verdict.result, {
    statuses: wait.packs.map((pack) =>
      statusEntry(pack, inputs.region, explanations.get(pack.name))
    ),
    'completed-packs': verdict.completed,
    'failed-packs': verdict.failed,
    'pending-packs': verdict.pending,
    'missing-packs': verdict.missing
  })
  await writeSummary(env, (summary) =>
    renderSummary(summary, {
      region: inputs.region,
      packs: wait.packs,
      verdict,
      end: wait.end,
      elapsedMs,
      now,
      explanations,
      runUrl: runUrl(env)
    })
  )
  for (const note of packAnnotations(wait.packs, inputs, inputs.region, explanations)) {
    core[note.level](note.message, { title: note.title })
  }
  const notice = unexplainedNotice(explanations, EXPLAIN_IAM_ACTION)
  if (notice) core.notice(notice)
  const line = headline(verdict, wait.end, elapsedMs)
  if (verdict.failStep) core.setFailed(line)
  else if (verdict.result === 'failure') core.warning(`${line} (fail-on-failure is false)`)
  else core.info(line)
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
