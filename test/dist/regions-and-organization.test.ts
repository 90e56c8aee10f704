import { describe, expect, it } from 'vitest'
import type { Scenario } from '../emulator/config-emulator.js'
import { runAction } from '../support/run-action.js'
import { FAST, json, runWith } from './dist-harness.js'

/** The built action across several regions, and in the organization scope. */

const inProgressThen = (atCall: number) => [
  { state: 'CREATE_IN_PROGRESS' as const },
  { state: 'CREATE_COMPLETE' as const, atCall }
]

describe('several regions in one step', () => {
  it('awaits every region at once: a throttled region does not stall the other; outputs say region/name', async () => {
    const scenario: Scenario = {
      packs: [
        { name: 'east', region: 'us-east-1', timeline: inProgressThen(2) },
        {
          name: 'west',
          region: 'eu-west-1',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 1_500 }]
        }
      ],
      faults: [
        {
          calls: 'all',
          region: 'eu-west-1',
          response: { kind: 'error', status: 400, type: 'ThrottlingException' }
        }
      ]
    }
    const run = await runWith(scenario, {
      inputs: { region: 'us-east-1, eu-west-1', ...FAST, 'timeout-seconds': '3' },
      env: { AWS_MAX_ATTEMPTS: '1' }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timeout')
    expect(json(run.outputs['completed-packs'])).toEqual(['us-east-1/east'])
    // The throttled region never answered the listing, so it knows no pack: nothing is pending by name.
    expect(run.stdout).toMatch(
      /^::warning::\[eu-west-1\] AWS Config call failed, retrying at the next poll: throttled/m
    )
    expect(run.stdout).toMatch(/^\[us-east-1\] east: CREATE_IN_PROGRESS → CREATE_COMPLETE/m)
    // us-east-1 finished after its second call and stopped polling while eu-west-1 kept trying.
    const east = run.emulator.requests.filter((r) => r.region === 'us-east-1')
    const west = run.emulator.requests.filter((r) => r.region === 'eu-west-1')
    expect(east).toHaveLength(2)
    expect(west.length).toBeGreaterThan(east.length)
    expect(run.summary).toContain('<h3>✅ us-east-1: success</h3>')
    expect(run.summary).toContain('<h3>⏱️ eu-west-1: timeout</h3>')
    expect(run.summary).toMatch(
      /<p>Timed out after \ds before AWS Config listed the packs \(last error: throttled/
    )
    expect(run.summary).toContain('2 regions: <code>us-east-1</code>, <code>eu-west-1</code>')
  })

  it('a permanent error in one region ends that region only; the step fails; statuses carry their region', async () => {
    const run = await runWith(
      {
        packs: [{ name: 'pack', timeline: inProgressThen(3) }],
        faults: [
          {
            calls: 'all',
            region: 'ap-southeast-2',
            response: {
              kind: 'error',
              status: 400,
              type: 'AccessDeniedException',
              message: 'explicit deny in a service control policy.'
            }
          }
        ]
      },
      { inputs: { 'conformance-pack-names': 'pack', region: 'us-east-1\nap-southeast-2', ...FAST } }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(json(run.outputs['completed-packs'])).toEqual(['us-east-1/pack'])
    expect(json(run.outputs['pending-packs'])).toEqual(['ap-southeast-2/pack'])
    const statuses = json(run.outputs.statuses) as { name: string; region: string; state: string }[]
    expect(statuses.map((s) => [s.region, s.name, s.state])).toEqual([
      ['us-east-1', 'pack', 'CREATE_COMPLETE'],
      ['ap-southeast-2', 'pack', 'UNKNOWN']
    ])
    expect(run.stdout).toMatch(
      /^::error::ap-southeast-2: Access denied to config:DescribeConformancePackStatus \(AccessDeniedException\)\. AWS said: "explicit deny in a service control policy"\. Grant the role/m
    )
    expect(run.summary).toContain('<h3>❌ ap-southeast-2: failure</h3>')
    expect(run.summary).toContain('<h3>✅ us-east-1: success</h3>')
    // us-east-1 kept polling to completion after the other region's error.
    const denied = run.emulator.requests.find((r) => r.region === 'ap-southeast-2')!
    const lastEast = run.emulator.requests.filter((r) => r.region === 'us-east-1').at(-1)!
    expect(lastEast.at).toBeGreaterThan(denied.at)
  })

  it('with one region the list outputs stay plain names', async () => {
    const run = await runWith(
      { packs: [{ name: 'pack', timeline: [{ state: 'CREATE_COMPLETE' }] }] },
      {
        inputs: { 'conformance-pack-names': 'pack', region: 'us-east-1', ...FAST }
      }
    )
    expect(json(run.outputs['completed-packs'])).toEqual(['pack'])
  })
})

describe('organization scope', () => {
  const accounts = [
    {
      accountId: '111111111111',
      timeline: [
        {
          status: 'CREATE_FAILED',
          errorCode: 'ConfigRuleExists',
          errorMessage: 'Rule access-keys-rotated already exists'
        }
      ]
    },
    { accountId: '222222222222', timeline: [{ status: 'CREATE_SUCCESSFUL' }] },
    {
      accountId: '333333333333',
      timeline: [
        {
          status: 'CREATE_FAILED',
          errorCode: 'NoRecorder',
          errorMessage: 'No configuration recorder'
        }
      ]
    }
  ]
  const scenario: Scenario = {
    packs: [],
    organization: {
      packs: [
        {
          name: 'org-baseline',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_SUCCESSFUL', atCall: 2 }]
        },
        {
          name: 'org-security',
          timeline: [
            { state: 'CREATE_IN_PROGRESS' },
            {
              state: 'CREATE_FAILED',
              atCall: 2,
              errorCode: 'OrganizationConformancePackDeploymentFailed',
              errorMessage: 'Deployment failed in 2 accounts'
            }
          ],
          accounts
        }
      ]
    }
  }

  it('waits for organization packs and shows which member accounts failed and why', async () => {
    const run = await runWith(scenario, {
      inputs: {
        scope: 'organization',
        'conformance-pack-names': 'org-baseline,org-security',
        ...FAST
      }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(json(run.outputs['completed-packs'])).toEqual(['org-baseline'])
    expect(json(run.outputs['failed-packs'])).toEqual(['org-security'])
    const statuses = json(run.outputs.statuses) as Record<string, unknown>[]
    expect(statuses[1]).toMatchObject({
      name: 'org-security',
      state: 'CREATE_FAILED',
      region: 'eu-west-1',
      reason: 'Deployment failed in 2 accounts',
      errorCode: 'OrganizationConformancePackDeploymentFailed',
      failedAccounts: ['111111111111', '333333333333']
    })
    expect(statuses[1].lastUpdateTime).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(statuses[0]).not.toHaveProperty('failedAccounts')
    expect(run.stdout).toMatch(
      /^::error title=Conformance pack org-security%3A CREATE_FAILED::org-security is CREATE_FAILED in eu-west-1: Deployment failed in 2 accounts\. Failed in 2 member account\(s\): 111111111111 CREATE_FAILED \(ConfigRuleExists\): Rule access-keys-rotated already exists; 333333333333 CREATE_FAILED \(NoRecorder\): No configuration recorder$/m
    )
    expect(run.summary).toContain('AWS Config organization conformance packs: failure')
    expect(run.summary).toContain('<th>Error code</th><th>Last update (UTC)</th>')
    expect(run.summary).toContain('Member accounts (2 failed of 3)')
    expect(run.summary).toMatch(
      /<tr><td>111111111111<\/td><td>CREATE_FAILED<\/td><td>ConfigRuleExists<\/td><td>Rule access-keys-rotated already exists<\/td><\/tr><tr><td>333333333333<\/td>/
    )
    // explain-failures reads no stacks in this scope.
    expect(run.emulator.stackEventCalls).toBe(0)
  })

  it('fails at once when the caller is not the management account or a delegated administrator', async () => {
    const run = await runWith(
      { ...scenario, organization: { ...scenario.organization, accessDenied: true } },
      { inputs: { scope: 'organization', ...FAST } }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.stdout).toMatch(
      /^::error::AWS Config refused the organization call config:DescribeOrganizationConformancePackStatuses \(OrganizationAccessDeniedException\)\. AWS said: ".*"\. Run this step with credentials of the organization's management account or of a delegated administrator.*config:GetOrganizationConformancePackDetailedStatus\.$/m
    )
    expect(run.emulator.requests).toHaveLength(1)
  })

  it('rejects an organization pack name over 128 characters before any call', async () => {
    const run = await runWith(scenario, {
      inputs: { scope: 'organization', 'conformance-pack-names': `a${'b'.repeat(128)}`, ...FAST }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^::error::Input 'conformance-pack-names' has an invalid organization conformance pack name \(1-128 characters/m
    )
    expect(run.emulator.requests).toHaveLength(0)
  })

  it('rejects an unknown scope before any call', async () => {
    const run = await runWith(scenario, { inputs: { scope: 'org', ...FAST } })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^::error::Input 'scope' must be one of account, organization, got "org"$/m
    )
    expect(run.emulator.requests).toHaveLength(0)
  })
})

describe('a region that does not exist', () => {
  const UNKNOWN =
    /^::warning::The region input names "us-esat-1", which the AWS SDK's list of regions does not know\. Check it for a typo; a region newer than this SDK works all the same\.$/m

  it('us-esat-1 with no endpoint override: a warning at the start, and the step fails within seconds naming the region and the input', async () => {
    const started = Date.now()
    // No emulator: the SDK resolves config.us-esat-1.amazonaws.com, which no resolver knows.
    const run = await runAction({
      inputs: { 'conformance-pack-names': 'alpha', region: 'us-esat-1' }
    })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.stdout).toMatch(UNKNOWN)
    expect(run.stdout).toMatch(
      /^::error::The host name config\.us-esat-1\.amazonaws\.com does not resolve \(ENOTFOUND\)\. Check the region input \("us-esat-1"\) for a typo/m
    )
    expect(run.stdout).not.toMatch(/retrying at the next poll/)
    expect(run.summary).toContain('config.us-esat-1.amazonaws.com does not resolve')
  })

  it('a region the SDK does not know is still asked: through an endpoint that answers, it works, with the warning', async () => {
    const run = await runWith(
      { packs: [{ name: 'alpha', region: 'us-esat-1', timeline: inProgressThen(2) }] },
      { inputs: { 'conformance-pack-names': 'alpha', region: 'us-esat-1', ...FAST } }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(run.stdout.match(new RegExp(UNKNOWN.source, 'gm'))).toHaveLength(1)
    expect(run.emulator.requests.every((r) => r.region === 'us-esat-1')).toBe(true)
  })

  it('a region the SDK knows gets no such warning', async () => {
    const run = await runWith(
      { packs: [{ name: 'alpha', timeline: inProgressThen(2) }] },
      { inputs: { 'conformance-pack-names': 'alpha', region: 'eu-central-2', ...FAST } }
    )
    expect(run.outputs.result).toBe('success')
    expect(run.stdout).not.toMatch(/list of regions does not know/)
  })
})
