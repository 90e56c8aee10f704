import { describe, expect, it } from 'vitest'
import { createOrganizationSource } from '../../src/aws/organization-status-source.js'
import type { FaultResponse, Scenario } from '../emulator/config-emulator.js'
import { waitOverWire, type WireRun } from './wire-harness.js'

/**
 * Every round that fails backs off, whatever the mode: the emulator counts the calls of a wait
 * that AWS throttles at every call, or whose listing repeats its NextToken at every call.
 */

const MIN = 50
const MAX = 400
const WAIT_MS = 2_000
/**
 * The most rounds a backed-off wait can make in WAIT_MS: the pause after the n-th failed round
 * in a row is at least half of min(MAX, MIN × 2^n) (the backoff's jitter takes the upper half of
 * its step), and the last poll leaves a tenth of the wait before the deadline. At min-delay,
 * as before the backoff applied to a listing, it would be about 36.
 */
const MOST_ROUNDS = (() => {
  let at = 0
  let rounds = 1
  for (let failed = 1; ; failed++) {
    at += Math.min(MAX, MIN * 2 ** failed) / 2
    if (at > WAIT_MS * 0.9) return rounds
    rounds += 1
  }
})()

const THROTTLED: FaultResponse = { kind: 'error', status: 400, type: 'ThrottlingException' }
const REPEATED: FaultResponse = { kind: 'repeat-token' }

interface Mode {
  readonly name: string
  readonly operation: string
  readonly scenario: Scenario
  /** Lists every pack rather than naming them. */
  readonly every?: boolean
  readonly organization?: boolean
}

const accountPacks: Scenario = {
  packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }]
}
const organizationPacks: Scenario = {
  packs: [],
  organization: { packs: [{ name: 'org-pack', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }] }
}
const ACCOUNT = 'DescribeConformancePackStatus'
const ORGANIZATION = 'DescribeOrganizationConformancePackStatuses'

const NAMED: Mode = { name: 'named packs', operation: ACCOUNT, scenario: accountPacks }
const EVERY: Mode = { ...NAMED, name: 'every pack', every: true }
const ORG_NAMED: Mode = {
  name: 'organization, named',
  operation: ORGANIZATION,
  scenario: organizationPacks,
  organization: true
}
const ORG_EVERY: Mode = { ...ORG_NAMED, name: 'organization, every pack', every: true }

async function waitUnder(mode: Mode, response: FaultResponse): Promise<WireRun> {
  return waitOverWire(
    { ...mode.scenario, faults: [{ operation: mode.operation, calls: 'all', response }] },
    {
      // One call a round under throttling: the SDK's own retry would blur the count.
      env: { AWS_MAX_ATTEMPTS: '1' },
      source: mode.organization ? (client) => createOrganizationSource(client) : undefined,
      plan: {
        minDelayMs: MIN,
        maxDelayMs: MAX,
        deadline: Date.now() + WAIT_MS,
        ...(mode.every ? { names: undefined } : {})
      }
    }
  )
}

/** When each round began: its first call (a round's second call follows the repeated token). */
function roundStarts(run: WireRun, operation: string): number[] {
  return run.emulator.requests
    .filter((r) => r.target === `StarlingDoveService.${operation}` && !r.body.NextToken)
    .map((r) => r.at)
}

function expectBackedOff(run: WireRun, operation: string): number {
  expect(run.result.end.kind).toBe('deadline')
  const starts = roundStarts(run, operation)
  expect(starts.length).toBeGreaterThanOrEqual(3)
  expect(starts.length).toBeLessThanOrEqual(MOST_ROUNDS)
  // The pause after the n-th failed round in a row grows to max-delay (the jitter's floor: half);
  // the last one may be cut short to come before the deadline, never below min-delay.
  for (let i = 1; i < starts.length; i++) {
    const floor = i === starts.length - 1 ? MIN : Math.min(MAX, MIN * 2 ** i) / 2
    expect(starts[i] - starts[i - 1], `pause after round ${i}`).toBeGreaterThanOrEqual(floor - 5)
  }
  return starts.length
}

describe('backing off in every mode (real SDK → emulator)', () => {
  it.each([NAMED, EVERY, ORG_NAMED, ORG_EVERY])(
    'throttled at every call, $name: the pauses grow to max-delay',
    async (mode) => {
      const run = await waitUnder(mode, THROTTLED)
      const rounds = expectBackedOff(run, mode.operation)
      // One call a round: nothing retried inside it.
      expect(run.emulator.callsOf(mode.operation)).toBe(rounds)
    }
  )

  // With names, an organization call carries no NextToken: only its listing pages.
  it.each([NAMED, EVERY, ORG_EVERY])(
    'a NextToken repeated at every call, $name: each round fails, and the pauses grow to max-delay',
    async (mode) => {
      const run = await waitUnder(mode, REPEATED)
      const rounds = expectBackedOff(run, mode.operation)
      expect(run.result.end.kind === 'deadline' && run.result.end.lastError).toMatch(
        /^PagingError: .* returned a NextToken it had already returned/
      )
      // Two calls a round: the first page and the repeated token, never followed further.
      expect(run.emulator.callsOf(mode.operation)).toBe(2 * rounds)
    }
  )

  it('listing every pack makes no more calls than a named wait', async () => {
    const named = await waitUnder(NAMED, THROTTLED)
    const every = await waitUnder(EVERY, THROTTLED)
    // The same schedule, drawn with different jitter: within a few rounds of each other.
    expect(every.emulator.callsOf(ACCOUNT)).toBeLessThanOrEqual(named.emulator.callsOf(ACCOUNT) + 3)
  })
})
