import type { Clock } from '../shared/clock.js'
import { explainFailures, type FailureExplanation } from './explain-failures.js'
import { EXPLAIN_IAM_ACTION } from '../ports/stack-events.js'
import type { OpenRegion, RegionPorts } from '../ports/region.js'
import type { Inputs } from '../inputs.js'
import { MEMBER_ACCOUNTS_IAM_ACTION, readFailedAccounts } from './failed-accounts.js'
import type { Log } from '../shared/log.js'
import { waitForPacks, type WaitResult } from './wait-for-packs.js'
import { detailOf, isFailed, type PackStatus } from '../packs/pack-state.js'
import { PROGRESS_INTERVAL_MS, progressLog } from './progress.js'
import { stackProgressReader, type StackProgress } from './stack-progress.js'

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
  readonly open: OpenRegion
  /**
   * After every poll round of this region (the live check run listens): the packs, whether a
   * state changed or a progress line was logged, and how far the packs' stacks have got.
   */
  readonly onRound?: (
    packs: readonly PackStatus[],
    changed: boolean,
    stacks?: ReadonlyMap<string, StackProgress>
  ) => void
  /** How often, at most, the wait logs its progress and reads a pack's stack (default: a minute). */
  readonly progressIntervalMs?: number
}

/** What reads the explanations of failed packs, per scope: for the notice when it cannot. */
export const EXPLANATION_SOURCE = {
  account: { what: 'CloudFormation stack events', iamAction: EXPLAIN_IAM_ACTION },
  organization: { what: 'member account statuses', iamAction: MEMBER_ACCOUNTS_IAM_ACTION }
} as const

/**
 * Waits for the packs of one region with its own client, polling and backoff, then reads what
 * explains its failures: an account pack's stack events (when `explain-failures`), an
 * organization pack's member accounts (always). Never throws for AWS trouble. A little over
 * 60 lines: the wait, then the two reads after it, in the order they happen.
 */
export async function waitInRegion(
  region: string,
  inputs: Inputs,
  deps: RegionDeps
): Promise<RegionRun> {
  const ports = deps.open(region, deps.log)
  if (!ports.known) {
    deps.log.warning(
      `The region input names "${region}", which the AWS SDK's list of regions does not know. Check it for a typo; a region newer than this SDK works all the same.`
    )
  }
  const orgSource = inputs.scope === 'organization' ? ports.organizationStatuses() : undefined
  const intervalMs = deps.progressIntervalMs ?? PROGRESS_INTERVAL_MS
  // The stack read needs the permission explain-failures uses; without that input, none.
  const stacks =
    inputs.scope === 'account' && inputs.explainFailures
      ? stackProgressReader({ ...deps, open: () => ports.stackEvents(), intervalMs })
      : undefined
  const logProgress = progressLog({
    clock: deps.clock,
    log: deps.log,
    missingPack: inputs.missingPack,
    intervalMs,
    stacks: stacks && (() => stacks.progress)
  })
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
        source: orgSource ?? ports.accountStatuses(),
        clock: deps.clock,
        deadline: deps.deadline,
        log: deps.log,
        signal: deps.signal,
        onRound: (packs, changed) => {
          stacks?.poll(packs)
          const logged = logProgress(packs)
          deps.onRound?.(packs, changed || logged, stacks?.progress)
        }
      }
    )
    await stacks?.close()
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
      else if (inputs.explainFailures) explanations = await explainStacks(wait, explainDeps, ports)
    }
    return { region, wait, explanations }
  } finally {
    await stacks?.close()
    ports.close()
  }
}

async function explainStacks(
  wait: WaitResult,
  deps: Omit<Parameters<typeof explainFailures>[1], 'events'>,
  ports: RegionPorts
): Promise<Map<string, FailureExplanation>> {
  const withStack = wait.packs.some((p) => isFailed(p.state) && detailOf(p)?.stackArn)
  if (!withStack) return new Map()
  // Only when a pack failed: most runs never need the CloudFormation client.
  const events = await ports.stackEvents()
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
