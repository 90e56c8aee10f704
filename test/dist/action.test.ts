import { describe, expect, it } from 'vitest'
import type { EmulatedStack, Scenario } from '../emulator/config-emulator.js'
import { failedDeployment } from '../emulator/stack-histories.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'
import { FAST, json, runWith } from './dist-harness.js'

/** These run the committed bundle, dist/index.js, as the runner runs it. */

const MIXED: Scenario = {
  packs: [
    {
      name: 'alpha',
      timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 3 }]
    },
    {
      name: 'beta',
      timeline: [
        { state: 'CREATE_IN_PROGRESS' },
        { state: 'CREATE_FAILED', atCall: 2, reason: 'Rule <quota> exceeded' }
      ]
    }
  ]
}

const CAUSE = { logicalId: 'AccessKeysRotated', reason: 'Rule access-keys-rotated already exists' }

function failingWithStack(stack: EmulatedStack): Scenario {
  return {
    packs: [
      { name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] },
      {
        name: 'beta',
        timeline: [{ state: 'CREATE_FAILED', reason: 'Conformance pack creation failed.' }],
        stack
      }
    ]
  }
}

describe('dist/index.js as the runner runs it', () => {
  it('waits, logs each state change once, sets every output and writes the summary; a failed pack fails the step', async () => {
    const run = await runWith(MIXED, {
      inputs: { 'conformance-pack-names': 'alpha, beta', ...FAST }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(json(run.outputs['completed-packs'])).toEqual(['alpha'])
    expect(json(run.outputs['failed-packs'])).toEqual(['beta'])
    expect(json(run.outputs['pending-packs'])).toEqual([])
    expect(json(run.outputs['missing-packs'])).toEqual([])
    const statuses = json(run.outputs.statuses) as Record<string, string>[]
    expect(statuses.map((s) => [s.name, s.state, s.region])).toEqual([
      ['alpha', 'CREATE_COMPLETE', 'eu-west-1'],
      ['beta', 'CREATE_FAILED', 'eu-west-1']
    ])
    expect(statuses[1]).toMatchObject({ reason: 'Rule <quota> exceeded' })
    expect(statuses[0].stackArn).toMatch(/^arn:aws:cloudformation:eu-west-1:/)
    expect(statuses[0].lastUpdateRequestedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(statuses[1]).not.toHaveProperty('lastUpdateCompletedTime')

    expect(run.stdout).toContain('alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after ')
    expect(run.stdout.match(/^alpha: /gm)).toHaveLength(2)
    expect(run.stdout).toMatch(
      /^::error title=Conformance pack beta%3A CREATE_FAILED::beta is CREATE_FAILED in eu-west-1: Rule <quota> exceeded$/m
    )
    expect(run.stdout).toMatch(/^::error::1 conformance pack\(s\) failed: beta$/m)

    expect(run.summary).toContain('❌ AWS Config conformance packs: failure')
    expect(run.summary).toContain('<code>eu-west-1</code>')
    expect(run.summary).toContain('Rule &lt;quota&gt; exceeded')
    expect(run.summary).toContain(
      'https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/stackinfo?stackId=arn%3Aaws%3Acloudformation'
    )
    // Each pack links its page in the AWS Config console; the run's own page is not linked.
    expect(run.summary).toContain(
      '<a href="https://eu-west-1.console.aws.amazon.com/config/home?region=eu-west-1#/conformance-packs/details?conformancePackName=alpha">alpha</a>'
    )
    expect(run.summary).not.toContain('Workflow run')
    expect(run.summary).toMatch(
      /<th>Pack<\/th><th>State<\/th><th>Reason<\/th><th>Requested \(UTC\)<\/th><th>Completed \(UTC\)<\/th><th>Duration<\/th>/
    )
  })

  it('passes when every pack completes', async () => {
    const run = await runWith(
      {
        packs: [
          {
            name: 'alpha',
            timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 2 }]
          }
        ]
      },
      { inputs: { 'conformance-pack-names': 'alpha', ...FAST } }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(run.summary).toContain('✅ AWS Config conformance packs: success')
    expect(run.stdout).toContain('All 1 conformance pack(s) completed')
  })

  it('with fail-on-failure false reports the failure but passes the step, as a warning', async () => {
    const run = await runWith(MIXED, {
      inputs: { 'conformance-pack-names': 'alpha,beta', 'fail-on-failure': 'false', ...FAST }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('failure')
    expect(run.stdout).toMatch(/^::warning title=Conformance pack beta%3A CREATE_FAILED::/m)
    expect(run.stdout).not.toMatch(/^::error/m)
  })

  describe('missing packs', () => {
    const scenario: Scenario = {
      packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }],
      unknownNames: 'reject'
    }

    it('fail (default): the step fails naming the pack', async () => {
      const run = await runWith(scenario, {
        inputs: { 'conformance-pack-names': 'alpha,ghost', ...FAST }
      })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failure')
      expect(json(run.outputs['missing-packs'])).toEqual(['ghost'])
      expect(json(run.outputs['completed-packs'])).toEqual(['alpha'])
      expect(run.stdout).toMatch(
        /^::error title=Conformance pack ghost%3A NOT_FOUND::ghost: no conformance pack of that name in eu-west-1$/m
      )
    })

    it('ignore: reported, the step passes', async () => {
      const run = await runWith(scenario, {
        inputs: { 'conformance-pack-names': 'alpha,ghost', 'missing-pack': 'ignore', ...FAST }
      })
      expect(run.code).toBe(0)
      expect(run.outputs.result).toBe('success')
      expect(json(run.outputs['missing-packs'])).toEqual(['ghost'])
    })

    it('wait: still absent at the deadline, it is both missing and pending, and the step times out', async () => {
      const run = await runWith(scenario, {
        inputs: {
          'conformance-pack-names': 'alpha,ghost',
          'missing-pack': 'wait',
          ...FAST,
          'timeout-seconds': '0.6'
        }
      })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('timeout')
      expect(json(run.outputs['missing-packs'])).toEqual(['ghost'])
      expect(json(run.outputs['pending-packs'])).toEqual(['ghost'])
      expect(run.stdout).toMatch(
        /^::error::Timed out after \d+s waiting for 1 conformance pack\(s\): ghost$/m
      )
    })
  })

  it('ends within a second or two of its deadline even when every request stalls', async () => {
    const started = Date.now()
    const run = await runWith(
      {
        packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }],
        faults: [{ calls: 'all', response: { kind: 'stall' } }]
      },
      { inputs: { 'conformance-pack-names': 'alpha', ...FAST, 'timeout-seconds': '1.5' } }
    )
    const elapsed = Date.now() - started
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timeout')
    expect(json(run.outputs.statuses)).toEqual([
      { name: 'alpha', state: 'UNKNOWN', region: 'eu-west-1' }
    ])
    expect(run.stdout).toMatch(
      /waiting for 1 conformance pack\(s\): alpha \(last error: request timed out\)/
    )
    expect(run.summary).toContain('⏱️ AWS Config conformance packs: timeout')
    expect(elapsed).toBeLessThan(1_500 + 2_500) // deadline + process start-up and a last short request
  })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal} stops within 2 s, reports the last known states and result cancelled, and exits non-zero`, async () => {
      let killedAt = 0
      const run = await runWith(
        { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }] },
        {
          inputs: {
            'conformance-pack-names': 'alpha',
            'min-delay-seconds': '5',
            'max-delay-seconds': '30'
          },
          kill: { signal, afterOutput: 'alpha: CREATE_IN_PROGRESS' },
          echo: (chunk) => {
            if (!killedAt && chunk.includes('alpha: CREATE_IN_PROGRESS')) killedAt = Date.now()
          }
        }
      )
      expect(Date.now() - killedAt).toBeLessThan(2_000)
      expect(run.code).not.toBe(0)
      expect(run.outputs.result).toBe('cancelled')
      expect(json(run.outputs['pending-packs'])).toEqual(['alpha'])
      expect((json(run.outputs.statuses) as { state: string }[])[0].state).toBe(
        'CREATE_IN_PROGRESS'
      )
      expect(run.summary).toContain('🚫 AWS Config conformance packs: cancelled')
      expect(run.summary).toContain('⏳&nbsp;CREATE_IN_PROGRESS')
    })
  }

  it('fails at once on AccessDenied with the IAM action to grant', async () => {
    const run = await runWith(
      {
        packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }],
        faults: [
          {
            calls: 'all',
            response: {
              kind: 'error',
              status: 400,
              type: 'AccessDeniedException',
              message: 'not authorized'
            }
          }
        ]
      },
      { inputs: { 'conformance-pack-names': 'alpha', ...FAST } }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.emulator.describeCalls).toBe(1)
    expect(run.stdout).toMatch(
      /^::error::Access denied to config:DescribeConformancePackStatus \(AccessDeniedException\)\. AWS said: "not authorized"\. Grant the role the IAM action config:DescribeConformancePackStatus\.$/m
    )
    expect(run.summary).toContain('config:DescribeConformancePackStatus')
  })

  it('says so when there are no credentials at all, before any request', async () => {
    const run = await runWith(
      { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }] },
      {
        inputs: { 'conformance-pack-names': 'alpha', ...FAST },
        env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }
      }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.stdout).toMatch(/^::error::No AWS credentials were found/m)
    expect(run.emulator.describeCalls).toBe(0)
  })

  it('never logs credentials, debug included', async () => {
    const token = 'FwoGZXIvYXdzEXAMPLESESSIONTOKENVALUE'
    const run = await runWith(MIXED, {
      inputs: { 'conformance-pack-names': 'alpha,beta', ...FAST },
      env: { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', AWS_SESSION_TOKEN: token }
    })
    expect(run.stdout).toContain('::debug::')
    for (const secret of [
      TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
      TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
      token
    ]) {
      expect(run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs)).not.toContain(
        secret
      )
    }
  })

  describe('bad input fails with an ::error:: naming the input and quoting the value, before any API call', () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      ['timeout-seconds', { 'timeout-seconds': 'soon' }, /Input 'timeout-seconds' .*, got "soon"/],
      [
        'timeout-seconds',
        { 'timeout-seconds': '0' },
        /Input 'timeout-seconds' .*greater than 0.*, got "0"/
      ],
      [
        'min-delay-seconds',
        { 'min-delay-seconds': '-1' },
        /Input 'min-delay-seconds' .*, got "-1"/
      ],
      [
        'max-delay-seconds',
        { 'min-delay-seconds': '10', 'max-delay-seconds': '5' },
        /Input 'max-delay-seconds' must be at least min-delay-seconds \(10\), got "5"/
      ],
      [
        'missing-pack',
        { 'missing-pack': 'skip' },
        /Input 'missing-pack' must be one of fail, wait, ignore, got "skip"/
      ],
      [
        'fail-on-failure',
        { 'fail-on-failure': 'maybe' },
        /Input 'fail-on-failure' .*, got "maybe"/
      ],
      [
        'conformance-pack-names',
        { 'conformance-pack-names': 'good,9bad' },
        /Input 'conformance-pack-names' .*, got "9bad"/
      ],
      [
        'conformance-pack-names',
        { 'conformance-pack-names': ' ,\n, ' },
        /Input 'conformance-pack-names' holds only separators.*, got ",\\n,"/
      ],
      ['region', { region: 'Mars' }, /Input 'region' is not an AWS region name.*, got "Mars"/]
    ]
    for (const [input, inputs, message] of cases) {
      it(`${input} = ${JSON.stringify(Object.values(inputs).at(-1))}`, async () => {
        const run = await runWith(MIXED, {
          inputs: { 'conformance-pack-names': 'alpha', ...inputs }
        })
        expect(run.code).toBe(1)
        expect(run.stdout).toMatch(new RegExp(`^::error::${message.source}`, 'm'))
        expect(run.emulator.requests).toHaveLength(0)
        expect(run.outputs.result).toBe('failure')
        expect(run.summary).toContain(input)
      })
    }

    it('no region anywhere', async () => {
      const run = await runWith(MIXED, {
        inputs: { 'conformance-pack-names': 'alpha' },
        env: { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined }
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(
        /^::error::Input 'region' is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set/m
      )
      expect(run.emulator.requests).toHaveLength(0)
    })
  })

  it('takes the region from AWS_DEFAULT_REGION when neither the input nor AWS_REGION is set', async () => {
    const run = await runWith(
      { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }] },
      {
        inputs: { 'conformance-pack-names': 'alpha', ...FAST },
        env: { AWS_REGION: undefined, AWS_DEFAULT_REGION: 'ap-southeast-2' }
      }
    )
    expect(run.code).toBe(0)
    expect(run.emulator.requests[0].region).toBe('ap-southeast-2')
  })

  describe('explaining failures from the stack events', () => {
    it('shows the root cause in the annotation, the statuses output and under the pack in the summary', async () => {
      const run = await runWith(failingWithStack({ events: failedDeployment(CAUSE) }), {
        inputs: { 'conformance-pack-names': 'alpha,beta', ...FAST }
      })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failure')
      expect(run.stdout).toMatch(
        /^::error title=Conformance pack beta%3A CREATE_FAILED::beta is CREATE_FAILED in eu-west-1: Conformance pack creation failed\. First failed resource: AccessKeysRotated \(AWS::Config::ConfigRule\) CREATE_FAILED: Rule access-keys-rotated already exists$/m
      )
      const statuses = json(run.outputs.statuses) as {
        name: string
        failedResources?: { logicalId: string }[]
      }[]
      expect(statuses[0]).not.toHaveProperty('failedResources')
      expect(statuses[1].failedResources?.map((r) => r.logicalId)).toEqual([
        'AccessKeysRotated',
        'IamPasswordPolicy',
        'RootAccountMfa'
      ])
      expect(run.summary).toContain(
        '<li><strong>Cause:</strong> AccessKeysRotated (AWS::Config::ConfigRule) CREATE_FAILED: Rule access-keys-rotated already exists</li><li>IamPasswordPolicy'
      )
      // Only the failed pack's stack is read, once.
      expect(run.emulator.stackEventCalls).toBe(1)
      expect(run.stdout).not.toMatch(/^::notice/m)
    })

    it('shows at most 10 failed resources under the pack, then how many more', async () => {
      const events = Array.from({ length: 13 }, (_, i) => ({
        offsetMs: 1000 + i,
        logicalId: `Rule${i + 1}`,
        type: 'AWS::Config::ConfigRule',
        status: 'CREATE_FAILED',
        reason: i === 0 ? 'the cause' : 'Resource creation cancelled'
      }))
      const run = await runWith(failingWithStack({ events }), {
        inputs: { 'conformance-pack-names': 'beta', ...FAST }
      })
      expect(run.summary).toContain(
        '<strong>Cause:</strong> Rule1 (AWS::Config::ConfigRule) CREATE_FAILED: the cause'
      )
      expect(run.summary).toContain('Rule10 (')
      expect(run.summary).not.toContain('Rule11 (')
      expect(run.summary).toContain('<li>3 more</li>')
      const statuses = json(run.outputs.statuses) as { failedResources?: unknown[] }[]
      expect(statuses[0].failedResources).toHaveLength(13)
    })

    for (const [fault, why] of [
      ['access-denied', /Grant the role the IAM action cloudformation:DescribeStackEvents/],
      ['deleted', /the stack no longer exists/]
    ] as const) {
      it(`a stack it cannot read (${fault}) gives one notice, and the result is unchanged`, async () => {
        const run = await runWith(failingWithStack({ fault }), {
          inputs: { 'conformance-pack-names': 'alpha,beta', ...FAST }
        })
        expect(run.code).toBe(1)
        expect(run.outputs.result).toBe('failure')
        const notices = run.stdout.match(/^::notice::.*$/gm) ?? []
        expect(notices).toHaveLength(1)
        expect(notices[0]).toMatch(/cloudformation:DescribeStackEvents/)
        expect(notices[0]).toMatch(why)
        expect(run.stdout).toMatch(
          /^::error title=Conformance pack beta%3A CREATE_FAILED::beta is CREATE_FAILED in eu-west-1: Conformance pack creation failed\.$/m
        )
        expect(run.summary).toContain('Stack events unavailable')
        const statuses = json(run.outputs.statuses) as object[]
        expect(statuses.filter((s) => 'failedResources' in s)).toEqual([])
      })
    }

    it('explain-failures false reads no stack', async () => {
      const run = await runWith(failingWithStack({ events: failedDeployment(CAUSE) }), {
        inputs: { 'conformance-pack-names': 'alpha,beta', 'explain-failures': 'false', ...FAST }
      })
      expect(run.code).toBe(1)
      expect(run.emulator.stackEventCalls).toBe(0)
      expect(run.summary).not.toContain('Cause:')
    })
  })
})
