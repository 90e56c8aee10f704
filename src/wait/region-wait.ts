import { createConfigClient, isKnownRegion } from '../aws/client.js'
import type { Clock } from '../shared/clock.js'
import { createStatusSource } from '../aws/account-status-source.js'
import { EXPLAIN_IAM_ACTION, explainFailures, type FailureExplanation } from './explain-failures.js'
import type { Inputs } from '../inputs.js'
import { MEMBER_ACCOUNTS_IAM_ACTION, readFailedAccounts } from './failed-accounts.js'
import { createOrganizationSource } from '../aws/organization-status-source.js'
import { waitForPacks, type WaitDeps, type WaitResult } from './wait-for-packs.js'
import type { Log } from '../shared/log.js'

import type { Env } from '../shared/env.js'
import { detailOf, isFailed } from '../packs/pack-state.js'

/** One region's wait, and what explains its failed packs. */
export interface RegionRun {
  readonly region: string
  readonly wait: WaitResult
  readonly explanations: ReadonlyMap<string, FailureExplanation>
}

export interface RegionDeps {
  readonly clock: Clock
  readonly deadline: number
  readonly signal: AbortSignal
  readonly log: Log
  readonly env: Env
  /** After every poll round of this region (the live check run listens). */
  readonly onRound?: WaitDeps['onRound']
}

/** What reads the explanations of failed packs, per scope: for the notice when it cannot. */
export const EXPLANATION_SOURCE = {
  account: { what: 'CloudFormation stack events', iamAction: EXPLAIN_IAM_ACTION },
  organization: { what: 'member account statuses', iamAction: MEMBER_ACCOUNTS_IAM_ACTION }
} as const

/**
 * Waits for the packs of one region with its own client, polling and backoff, then reads what
 * explains its failures: an account pack's stack events (when `explain-failures`), an
 * organization pack's member accounts (always). Never throws for AWS trouble.
 */
export async function waitInRegion(
  region: string,
  inputs: Inputs,
  deps: RegionDeps
): Promise<RegionRun> {
  if (!isKnownRegion(region)) {
    deps.log.warning(
      `The region input names "${region}", which the AWS SDK's list of regions does not know. Check it for a typo; a region newer than this SDK works all the same.`
    )
  }
  const client = createConfigClient(region, deps.env)
  const orgSource =
    inputs.scope === 'organization' ? createOrganizationSource(client, deps.log) : undefined
  try {
    const wait = await waitForPacks(
      {
        names: inputs.names,
        minDelayMs: inputs.minDelayMs,
        maxDelayMs: inputs.maxDelayMs,
        missingPack: inputs.missingPack,
        region,
        requestedAfter: inputs.requestedAfter
      },
      {
        source: orgSource ?? createStatusSource(client, deps.log),
        clock: deps.clock,
        deadline: deps.deadline,
        log: deps.log,
        signal: deps.signal,
        onRound: deps.onRound
      }
    )
    const explainDeps = {
      clock: deps.clock,
      deadline: deps.deadline,
      signal: deps.signal,
      log: deps.log
    }
    let explanations: ReadonlyMap<string, FailureExplanation> = new Map()
    if (wait.end.kind !== 'cancelled') {
      if (orgSource)
        explanations = await readFailedAccounts(wait.packs, { ...explainDeps, source: orgSource })
      else if (inputs.explainFailures)
        explanations = await explainStacks(wait, explainDeps, deps.env)
    }
    return { region, wait, explanations }
  } finally {
    client.destroy()
  }
}

async function explainStacks(
  wait: WaitResult,
  deps: Omit<Parameters<typeof explainFailures>[1], 'events'>,
  env: Env
): Promise<Map<string, FailureExplanation>> {
  const withStack = wait.packs.some((p) => isFailed(p.state) && detailOf(p)?.stackArn)
  if (!withStack) return new Map()
  // Loaded only when a pack failed: most runs never need the CloudFormation client.
  const { createStackEventReader } = await import('../aws/stack-events-source.js')
  const events = createStackEventReader(env)
  try {
    return await explainFailures(wait.packs, { ...deps, events })
  } finally {
    events.close()
  }
}

/** Log lines of one region among several carry its name. */
export function regionLog(log: Log, region: string, several: boolean): Log {
  if (!several) return log
  const tag = (message: string): string => `[${region}] ${message}`
  return {
    info: (m) => log.info(tag(m)),
    warning: (m) => log.warning(tag(m)),
    debug: (m) => log.debug(tag(m))
  }
}
