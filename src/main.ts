import * as core from '@actions/core'
import { partitionOf } from './aws/partition.js'
import { localFiles } from './files/local-files.js'
import { awsRegions } from './aws/region-ports.js'
import type { Inputs } from './inputs.js'
import { runPipeline, type PipelineOutcome } from './pipeline.js'
import { actionLog } from './publish/action-log.js'
import type { CheckRunReporter } from './publish/live-check.js'
import { FAILED_BEFORE_WAIT } from './publish/outputs.js'
import { runnerDestination } from './publish/runner-destination.js'
import { systemClock, type Clock } from './shared/clock.js'
import type { Env } from './shared/env.js'
import { cancelOnSignals } from './shared/cancellation.js'
import type { Log } from './shared/log.js'
import { proxyNotices, type ProxyNotices } from './shared/proxy.js'

/**
 * The action's composition root: the real dependencies (the runner's inputs, environment and
 * log through @actions/core, the system clock, the AWS SDK clients, the GitHub check run),
 * then the pipeline. index.ts only starts it; @github/local-action loads this file.
 */
export async function run(): Promise<PipelineOutcome | undefined> {
  const env = process.env
  const log = actionLog
  const destination = runnerDestination(env, log)
  const cancellation = cancelOnSignals(log)
  // One notice per proxy for the AWS calls and the check run's calls together.
  const proxies = proxyNotices(log)
  try {
    return await runPipeline({
      inputs: core,
      env,
      clock: systemClock,
      signal: cancellation.signal,
      waitsOver: cancellation.dispose,
      log,
      destination,
      aws: awsRegions(env, proxies, systemClock),
      partitionOf,
      files: localFiles(env.GITHUB_WORKSPACE || process.cwd()),
      checks: (inputs) => createChecks(inputs, env, log, systemClock, proxies),
      progressIntervalMs: progressInterval(env)
    })
  } catch (error) {
    // The pipeline publishes on every path it knows; this is the path it does not.
    const message = `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    destination.setOutputs(FAILED_BEFORE_WAIT)
    destination.fail(message)
    return undefined
  } finally {
    cancellation.dispose()
  }
}

/**
 * The progress lines' interval: a minute, unless the environment sets it (in milliseconds)
 * for a test of the built action that cannot wait that long.
 */
function progressInterval(env: Env): number | undefined {
  const ms = Number(env.WAIT_FOR_CONFORMANCE_PACKS_PROGRESS_MS)
  return Number.isFinite(ms) && ms > 0 ? ms : undefined
}

/** Loaded only with a token: octokit is a large part of start-up that most runs never need. */
async function createChecks(
  inputs: Inputs,
  env: Env,
  log: Log,
  clock: Clock,
  proxies: ProxyNotices
): Promise<CheckRunReporter | undefined> {
  const { createCheckRunReporter, eventPayload } = await import('./github/check-run.js')
  return createCheckRunReporter({
    token: inputs.githubToken,
    name: inputs.checkName,
    env,
    payload: eventPayload(),
    log,
    clock,
    proxies
  })
}
