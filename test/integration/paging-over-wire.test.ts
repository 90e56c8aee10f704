import { afterEach, describe, expect, it, vi } from 'vitest'
import { packStatus } from '../support/builders.js'
import { createConfigClient } from '../../src/aws/client.js'
import { systemClock } from '../../src/shared/clock.js'
import { silentLog } from '../../src/shared/log.js'
import { readFailedAccounts } from '../../src/wait/failed-accounts.js'
import { createOrganizationSource } from '../../src/aws/organization-status-source.js'
import {
  ConfigEmulator,
  type EmulatedPack,
  type FaultRule,
  type Scenario
} from '../emulator/config-emulator.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'
import { states, waitOverWire } from './wire-harness.js'

const completePacks = (n: number): EmulatedPack[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `pack-${i + 1}`,
    timeline: [{ state: 'CREATE_COMPLETE' }]
  }))
const repeat = (operation: string, calls: FaultRule['calls'] = 'all'): FaultRule => ({
  operation,
  calls,
  response: { kind: 'repeat-token' }
})
const REPEATED = /returned a NextToken it had already returned \(after 2 page\(s\)\)/
const PLAN = { names: undefined, minDelayMs: 100, maxDelayMs: 400 }

describe('a service that repeats its NextToken (real SDK → emulator)', () => {
  it('is stopped at the repeat, retried at the next poll with backoff, and ends at the deadline naming it', async () => {
    const run = await waitOverWire(
      { packs: completePacks(3), faults: [repeat('DescribeConformancePackStatus')] },
      { plan: { ...PLAN, deadline: Date.now() + 1_500 } }
    )
    expect(run.result.end.kind).toBe('deadline')
    expect(run.result.end.kind === 'deadline' && run.result.end.lastError).toMatch(
      new RegExp(`^PagingError: DescribeConformancePackStatus ${REPEATED.source}`)
    )
    const calls = run.emulator.requests
    // Two calls a poll (the first page, then the repeated token), polls at least 100 ms apart:
    // at most 2 × (1.5 s / 100 ms + 1), where following the token would make hundreds.
    expect(calls.length).toBeGreaterThanOrEqual(4)
    expect(calls.length).toBeLessThanOrEqual(32)
    expect(calls.length % 2).toBe(0)
    for (let i = 2; i < calls.length; i += 2) {
      expect(calls[i].body.NextToken).toBeUndefined()
      expect(calls[i].at - calls[i - 1].at).toBeGreaterThanOrEqual(90)
    }
    const warnings = run.logs.filter((l) => l.level === 'warning').map((l) => l.message)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^AWS Config call failed, retrying at the next poll: PagingError: /)
  })

  it('reads the listing once the service pages properly again', async () => {
    const run = await waitOverWire(
      { packs: completePacks(25), faults: [repeat('DescribeConformancePackStatus', [1, 2])] },
      { plan: PLAN }
    )
    expect(run.result.end).toEqual({ kind: 'settled' })
    expect(Object.keys(states(run))).toHaveLength(25)
    expect(run.emulator.requests.map((r) => r.body.NextToken === undefined)).toEqual([
      true,
      false,
      true,
      false
    ])
    expect(run.emulator.requests[2].at - run.emulator.requests[1].at).toBeGreaterThanOrEqual(90)
  })

  it('in an organization listing too', async () => {
    const run = await waitOverWire(
      {
        packs: [],
        organization: { packs: [{ name: 'org-pack', timeline: [{ state: 'CREATE_SUCCESSFUL' }] }] },
        faults: [repeat('DescribeOrganizationConformancePackStatuses', [1, 2])]
      },
      { source: (client) => createOrganizationSource(client), plan: PLAN }
    )
    expect(run.result.end).toEqual({ kind: 'settled' })
    expect(states(run)).toEqual({ 'org-pack': 'CREATE_SUCCESSFUL' })
    expect(run.logs.find((l) => l.level === 'warning')?.message).toMatch(
      new RegExp(`DescribeOrganizationConformancePackStatuses ${REPEATED.source}`)
    )
  })

  describe('member accounts', () => {
    let emulator: ConfigEmulator | undefined
    afterEach(async () => {
      vi.unstubAllEnvs()
      await emulator?.stop()
      emulator = undefined
    })

    it('a failed pack’s member accounts are unavailable, saying why, after a few calls', async () => {
      const scenario: Scenario = {
        packs: [],
        organization: {
          packs: [
            {
              name: 'broken',
              timeline: [{ state: 'CREATE_FAILED' }],
              accounts: [{ accountId: '111111111111', timeline: [{ status: 'CREATE_FAILED' }] }]
            }
          ]
        },
        faults: [repeat('GetOrganizationConformancePackDetailedStatus')]
      }
      emulator = new ConfigEmulator(scenario)
      for (const [k, v] of Object.entries({
        ...TEST_CREDENTIALS,
        AWS_ENDPOINT_URL: await emulator.start()
      }))
        vi.stubEnv(k, v)
      const client = createConfigClient('us-east-1', process.env)
      try {
        const explanations = await readFailedAccounts([packStatus('broken', 'CREATE_FAILED')], {
          source: createOrganizationSource(client),
          clock: systemClock,
          deadline: Date.now() + 10_000,
          signal: new AbortController().signal,
          log: silentLog
        })
        const explanation = explanations.get('broken')
        expect(explanation?.kind === 'unavailable' && explanation.why).toMatch(
          new RegExp(
            `^it kept failing: PagingError: GetOrganizationConformancePackDetailedStatus ${REPEATED.source}`
          )
        )
        // Three attempts of two pages each.
        expect(emulator.callsOf('GetOrganizationConformancePackDetailedStatus')).toBe(6)
      } finally {
        client.destroy()
      }
    })
  })
})
