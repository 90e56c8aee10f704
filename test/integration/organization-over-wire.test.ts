import { afterEach, describe, expect, it, vi } from 'vitest'
import { packStatus } from '../support/builders.js'
import { createConfigClient } from '../../src/aws/client.js'
import { systemClock } from '../../src/shared/clock.js'
import { silentLog } from '../../src/shared/log.js'
import { readFailedAccounts } from '../../src/wait/failed-accounts.js'
import { createOrganizationSource } from '../../src/aws/organization-status-source.js'
import type { EmulatedOrganizationPack } from '../emulator/config-emulator.js'
import { ConfigEmulator } from '../emulator/config-emulator.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'
import { describeCalls, states, waitOverWire } from './wire-harness.js'

const org = (packs: EmulatedOrganizationPack[], accessDenied = false) => ({
  packs: [],
  organization: { packs, accessDenied }
})
const orgWait = (packs: EmulatedOrganizationPack[], plan = {}) =>
  waitOverWire(org(packs), { source: (client) => createOrganizationSource(client), plan })
const targets = (run: Awaited<ReturnType<typeof orgWait>>) =>
  run.emulator.requests.map((r) => r.target.split('.')[1])

describe('organization packs over the wire (real SDK → emulator)', () => {
  it('reports the nine states as they are: waits on *_IN_PROGRESS, *_SUCCESSFUL completes, *_FAILED fails', async () => {
    const run = await orgWait([
      {
        name: 'created',
        timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_SUCCESSFUL', atCall: 2 }]
      },
      {
        name: 'updated',
        timeline: [
          { state: 'UPDATE_IN_PROGRESS' },
          {
            state: 'UPDATE_FAILED',
            atCall: 2,
            errorCode: 'CONFORMANCE_PACK_QUOTA',
            errorMessage: 'quota'
          }
        ]
      },
      {
        name: 'deleted',
        timeline: [{ state: 'DELETE_IN_PROGRESS' }, { state: 'DELETE_FAILED', atCall: 3 }]
      },
      { name: 'gone', timeline: [{ state: 'DELETE_IN_PROGRESS' }, { state: 'ABSENT', atCall: 2 }] },
      { name: 'stable', timeline: [{ state: 'UPDATE_SUCCESSFUL' }] },
      { name: 'was-failed', timeline: [{ state: 'CREATE_FAILED' }] },
      { name: 'removed', timeline: [{ state: 'DELETE_SUCCESSFUL' }] }
    ])
    expect(run.result.end.kind).toBe('settled')
    expect(states(run)).toEqual({
      created: 'CREATE_SUCCESSFUL',
      updated: 'UPDATE_FAILED',
      deleted: 'DELETE_FAILED',
      gone: 'DELETE_SUCCESSFUL',
      stable: 'UPDATE_SUCCESSFUL',
      'was-failed': 'CREATE_FAILED',
      removed: 'DELETE_SUCCESSFUL'
    })
    const updated = run.result.packs.find((p) => p.name === 'updated')
    expect(updated?.state === 'UPDATE_FAILED' && updated.detail).toMatchObject({
      errorCode: 'CONFORMANCE_PACK_QUOTA',
      reason: 'quota'
    })
    expect(updated?.state === 'UPDATE_FAILED' && updated.detail.updatedAt).toBeInstanceOf(Date)
  })

  it('asks for at most 25 names a call', async () => {
    const packs = Array.from({ length: 30 }, (_, i) => ({
      name: `org-${i + 1}`,
      timeline: [
        { state: 'CREATE_IN_PROGRESS' as const },
        { state: 'CREATE_SUCCESSFUL' as const, atCall: 3 }
      ]
    }))
    const run = await orgWait(packs)
    const sizes = describeCalls(run).length
    expect(sizes).toBe(0) // no account-scope calls
    const batches = run.emulator.requests.map(
      (r) => (r.body.OrganizationConformancePackNames as string[]).length
    )
    expect(batches).toEqual([25, 5, 25, 5])
  })

  it('with no names lists every pack with Limit 100 and NextToken, then asks by name', async () => {
    const packs = Array.from({ length: 130 }, (_, i) => ({
      name: `listed-${i + 1}`,
      timeline:
        i === 0
          ? [
              { state: 'CREATE_IN_PROGRESS' as const },
              { state: 'CREATE_SUCCESSFUL' as const, atCall: 4 }
            ]
          : [{ state: 'CREATE_SUCCESSFUL' as const }]
    }))
    const run = await orgWait(packs, { names: undefined })
    const bodies = run.emulator.requests.map((r) => r.body)
    expect(bodies[0]).toMatchObject({ Limit: 100 })
    expect(bodies[1]).toMatchObject({ Limit: 100 })
    expect(typeof bodies[1].NextToken).toBe('string')
    expect(bodies.slice(2).map((b) => b.OrganizationConformancePackNames)).toEqual([
      ['listed-1'],
      ['listed-1']
    ])
    expect(run.result.packs).toHaveLength(130)
    expect(states(run)['listed-1']).toBe('CREATE_SUCCESSFUL')
  })

  it('an unknown name (the whole call rejected) never blinds the wait for the others', async () => {
    const run = await orgWait(
      [
        {
          name: 'known',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_SUCCESSFUL', atCall: 3 }]
        }
      ],
      { names: ['known', 'ghost'] }
    )
    expect(states(run)).toEqual({ known: 'CREATE_SUCCESSFUL', ghost: 'NOT_FOUND' })
  })

  it('settles a pack whose aggregate status lags: from the third round on it asks the member accounts', async () => {
    const run = await orgWait([
      {
        name: 'lagging',
        timeline: [{ state: 'CREATE_IN_PROGRESS' }],
        accounts: [
          {
            accountId: '111111111111',
            timeline: [{ status: 'CREATE_IN_PROGRESS' }, { status: 'CREATE_SUCCESSFUL', atCall: 4 }]
          },
          { accountId: '222222222222', timeline: [{ status: 'CREATE_SUCCESSFUL' }] }
        ]
      }
    ])
    expect(run.result.end.kind).toBe('settled')
    expect(states(run)).toEqual({ lagging: 'CREATE_SUCCESSFUL' })
    // Rounds 1-2: statuses only. Round 3: an account is still in progress. Round 4: none is,
    // none failed, and one succeeded (an account has reported).
    expect(targets(run)).toEqual([
      'DescribeOrganizationConformancePackStatuses',
      'DescribeOrganizationConformancePackStatuses',
      'DescribeOrganizationConformancePackStatuses',
      'GetOrganizationConformancePackDetailedStatus',
      'DescribeOrganizationConformancePackStatuses',
      'GetOrganizationConformancePackDetailedStatus',
      'GetOrganizationConformancePackDetailedStatus',
      'GetOrganizationConformancePackDetailedStatus'
    ])
    expect(run.emulator.requests[3].body).toMatchObject({
      Filters: { Status: 'CREATE_IN_PROGRESS' },
      Limit: 1
    })
    expect(run.emulator.requests[6].body).toMatchObject({ Filters: { Status: 'CREATE_FAILED' } })
    expect(run.emulator.requests[7].body).toMatchObject({
      Filters: { Status: 'CREATE_SUCCESSFUL' }
    })
    expect(
      run.logs.some((l) => l.message.startsWith('lagging: CREATE_IN_PROGRESS → CREATE_SUCCESSFUL'))
    ).toBe(true)
  })

  it('settles a lagging pack as failed when a member account failed', async () => {
    const run = await orgWait([
      {
        name: 'lagging',
        timeline: [{ state: 'UPDATE_IN_PROGRESS' }],
        accounts: [
          {
            accountId: '111111111111',
            timeline: [{ status: 'UPDATE_FAILED', errorCode: 'X', errorMessage: 'rule exists' }]
          },
          { accountId: '222222222222', timeline: [{ status: 'UPDATE_SUCCESSFUL' }] }
        ]
      }
    ])
    expect(states(run)).toEqual({ lagging: 'UPDATE_FAILED' })
  })

  it('fails at once on OrganizationAccessDeniedException, saying where to run from and which IAM actions', async () => {
    const denied = await waitOverWire(
      org([{ name: 'any', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }], true),
      {
        source: (client) => createOrganizationSource(client)
      }
    )
    expect(denied.result.end.kind).toBe('error')
    const message = denied.result.end.kind === 'error' ? denied.result.end.message : ''
    expect(message).toMatch(/management account or of a delegated administrator/)
    expect(message).toMatch(
      /config:DescribeOrganizationConformancePackStatuses and config:GetOrganizationConformancePackDetailedStatus/
    )
    expect(denied.emulator.requests).toHaveLength(1)
  })
})

describe('member accounts of failed organization packs (real SDK → emulator)', () => {
  let emulator: ConfigEmulator | undefined
  afterEach(async () => {
    vi.unstubAllEnvs()
    await emulator?.stop()
  })

  it('reads every page once, failed accounts first', async () => {
    const accounts = Array.from({ length: 130 }, (_, i) => ({
      accountId: String(100000000000 + i),
      timeline: [
        i % 50 === 7
          ? {
              status: 'CREATE_FAILED',
              errorCode: 'ConfigRuleExists',
              errorMessage: `rule exists in ${i}`
            }
          : { status: 'CREATE_SUCCESSFUL' }
      ]
    }))
    emulator = new ConfigEmulator(
      org([{ name: 'broken', timeline: [{ state: 'CREATE_FAILED' }], accounts }])
    )
    for (const [k, v] of Object.entries({
      ...TEST_CREDENTIALS,
      AWS_ENDPOINT_URL: await emulator.start()
    }))
      vi.stubEnv(k, v)
    const client = createConfigClient('us-east-1', process.env)
    const explanations = await readFailedAccounts([packStatus('broken', 'CREATE_FAILED')], {
      source: createOrganizationSource(client),
      clock: systemClock,
      deadline: Date.now() + 5_000,
      signal: new AbortController().signal,
      log: silentLog
    })
    client.destroy()
    const explanation = explanations.get('broken')
    expect(explanation?.kind).toBe('accounts')
    const listed = explanation?.kind === 'accounts' ? explanation.accounts : []
    expect(listed).toHaveLength(130)
    expect(listed.slice(0, 3).map((a) => a.accountId)).toEqual([
      '100000000007',
      '100000000057',
      '100000000107'
    ])
    expect(listed[0]).toMatchObject({
      status: 'CREATE_FAILED',
      errorCode: 'ConfigRuleExists',
      message: 'rule exists in 7'
    })
    expect(emulator.callsOf('GetOrganizationConformancePackDetailedStatus')).toBe(2)
  })
})

describe('organization packs over the wire: optional reads and failing calls', () => {
  const lagging = (accounts?: EmulatedOrganizationPack['accounts']): EmulatedOrganizationPack => ({
    name: 'lagging',
    timeline: [{ state: 'CREATE_IN_PROGRESS' }],
    accounts
  })
  const fault = (operation: string, type: string, calls: 'all' | { from: number } = 'all') => ({
    operation,
    calls,
    response: { kind: 'error' as const, status: 400, type, message: `${type} from AWS` }
  })
  const endMessage = (run: Awaited<ReturnType<typeof waitOverWire>>) =>
    run.result.end.kind === 'error' ? run.result.end.message : ''

  it('with no member-account record at all, an aggregate in progress stays in progress', async () => {
    const run = await orgWait([lagging()], { deadline: Date.now() + 1_000 })
    expect(run.result.end.kind).toBe('deadline')
    expect(states(run)).toEqual({ lagging: 'CREATE_IN_PROGRESS' })
    // The accounts were asked (in progress, failed, succeeded), and none has reported.
    expect(run.emulator.callsOf('GetOrganizationConformancePackDetailedStatus')).toBeGreaterThan(2)
  })

  it('member accounts of another operation only have not reported this one', async () => {
    const run = await orgWait(
      [
        {
          name: 'lagging',
          timeline: [{ state: 'UPDATE_IN_PROGRESS' }],
          accounts: [{ accountId: '111111111111', timeline: [{ status: 'CREATE_SUCCESSFUL' }] }]
        }
      ],
      { deadline: Date.now() + 1_000 }
    )
    expect(states(run)).toEqual({ lagging: 'UPDATE_IN_PROGRESS' })
  })

  it('GetOrganizationConformancePackDetailedStatus denied: one warning naming it, and the aggregate finishes the wait', async () => {
    const run = await waitOverWire(
      {
        packs: [],
        organization: {
          packs: [
            {
              name: 'lagging',
              timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_SUCCESSFUL', atCall: 6 }]
            }
          ]
        },
        faults: [fault('GetOrganizationConformancePackDetailedStatus', 'AccessDeniedException')]
      },
      { source: (client) => createOrganizationSource(client) }
    )
    expect(run.result.end.kind).toBe('settled')
    expect(states(run)).toEqual({ lagging: 'CREATE_SUCCESSFUL' })
    expect(run.emulator.callsOf('GetOrganizationConformancePackDetailedStatus')).toBe(1)
    const warnings = run.logs.filter((l) => l.level === 'warning').map((l) => l.message)
    expect(warnings).toEqual([
      'The optional read config:GetOrganizationConformancePackDetailedStatus failed: Access denied to config:GetOrganizationConformancePackDetailedStatus (AccessDeniedException). AWS said: "AccessDeniedException from AWS". Grant the role the IAM action config:GetOrganizationConformancePackDetailedStatus. Going on with the status AWS Config reports for the organization pack as a whole.'
    ])
  })

  it('AccessDenied on DescribeOrganizationConformancePackStatuses names that action', async () => {
    const run = await waitOverWire(
      {
        packs: [],
        organization: { packs: [lagging()] },
        faults: [fault('DescribeOrganizationConformancePackStatuses', 'AccessDeniedException')]
      },
      { source: (client) => createOrganizationSource(client) }
    )
    expect(endMessage(run)).toBe(
      'Access denied to config:DescribeOrganizationConformancePackStatuses (AccessDeniedException). AWS said: "AccessDeniedException from AWS". Grant the role the IAM action config:DescribeOrganizationConformancePackStatuses.'
    )
    expect(run.emulator.requests).toHaveLength(1)
  })

  it('ExpiredTokenException after a few calls ends the wait at once, saying it expired while waiting', async () => {
    const run = await waitOverWire(
      {
        packs: [],
        organization: { packs: [lagging()] },
        faults: [
          fault('DescribeOrganizationConformancePackStatuses', 'ExpiredTokenException', {
            from: 3
          })
        ]
      },
      { source: (client) => createOrganizationSource(client) }
    )
    expect(run.result.end.kind).toBe('error')
    expect(endMessage(run)).toMatch(
      /^The AWS credentials expired after \ds of waiting \(ExpiredTokenException\)\. AWS said: "ExpiredTokenException from AWS"\. Give the role session more time than timeout-seconds \(role-duration-seconds of aws-actions\/configure-aws-credentials/
    )
    expect(run.emulator.callsOf('DescribeOrganizationConformancePackStatuses')).toBe(3)
    expect(run.elapsedMs).toBeLessThan(2_000)
  })
})
