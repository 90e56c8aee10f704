import * as core from '@actions/core'
import { context } from '@actions/github'
import { createConfigClient } from './client.js'
import { systemClock, type Clock } from './clock.js'
import { createStatusSource, type StatusSource } from './config-source.js'
import { InputError, parseInputs, type Inputs } from './inputs.js'
import { formatDuration } from './log-format.js'
import { headline, packAnnotations, statusEntry } from './report.js'
import { renderErrorSummary, renderSummary } from './summary.js'
import { decide, type Result } from './verdict.js'
import { waitForPacks, type WaitResult } from './wait.js'

type Env = Readonly<Record<string, string | undefined>>

export interface RunOptions {
  readonly env?: Env
  readonly clock?: Clock
  /** Replaces the AWS source (tests); by default the Config API of the input region. */
  readonly source?: StatusSource
  /** Aborts the wait as a cancelled workflow would; SIGINT and SIGTERM abort it too. */
  readonly signal?: AbortSignal
}

/** The action: inputs → wait → outputs, summary and the step's status. Never throws. */
export async function run(options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env
  const clock = options.clock ?? systemClock

  let inputs: Inputs
  try {
    inputs = parseInputs(core, env)
  } catch (error) {
    const message = error instanceof InputError ? error.message : `Invalid input: ${String(error)}`
    await failBeforeWait(message, env)
    return
  }

  const controller = new AbortController()
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true })
  const onSignal = (signal: NodeJS.Signals): void => {
    core.info(`Received ${signal}: stopping the wait and reporting the last known states.`)
    controller.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const client = options.source ? undefined : createConfigClient(inputs.region, env)
  const source = options.source ?? createStatusSource(client!, (m) => core.debug(m))
  const startedAt = clock.now()
  core.info(describeWait(inputs))
  let result: WaitResult
  try {
    result = await waitForPacks(
      {
        names: inputs.names,
        deadline: startedAt + inputs.timeoutMs,
        minDelayMs: inputs.minDelayMs,
        maxDelayMs: inputs.maxDelayMs,
        missingPack: inputs.missingPack
      },
      { source, clock, log: core, signal: controller.signal }
    )
  } catch (error) {
    // Not expected (AWS trouble is part of the result), but the outputs still get written.
    const message = `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    result = {
      packs: [],
      end: { kind: 'error', message },
      startedAt,
      endedAt: clock.now(),
      rounds: 0
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    client?.destroy()
  }
  await publish(inputs, result, clock.now(), env)
}

function describeWait(inputs: Inputs): string {
  const what = inputs.names
    ? `${inputs.names.length} conformance pack(s) in ${inputs.region}: ${inputs.names.join(', ')}`
    : `every conformance pack in ${inputs.region}`
  return `Waiting for ${what} (timeout ${formatDuration(inputs.timeoutMs)}, polling every ${inputs.minDelayMs / 1000}s-${inputs.maxDelayMs / 1000}s)`
}

async function publish(inputs: Inputs, wait: WaitResult, now: number, env: Env): Promise<void> {
  const verdict = decide(wait.packs, wait.end, inputs)
  const elapsedMs = wait.endedAt - wait.startedAt
  setOutputs(verdict.result, {
    statuses: wait.packs.map((pack) => statusEntry(pack, inputs.region)),
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
      runUrl: runUrl(env)
    })
  )
  for (const note of packAnnotations(wait.packs, inputs, inputs.region)) {
    core[note.level](note.message, { title: note.title })
  }
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
