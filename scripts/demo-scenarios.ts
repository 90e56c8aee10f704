/** The demo's scripted scenarios: what the emulator plays, the inputs, and what must come out. */
import type { Scenario } from '../test/emulator/config-emulator.js'
import { failedDeployment } from '../test/emulator/stack-histories.js'
import { COMPLIANCE_BASELINE } from './demo-scenario-baseline.js'
import { COMPLIANCE_EVALUATION } from './demo-scenario-evaluation.js'

export interface DemoScenario {
  readonly description: string
  readonly scenario: Scenario
  readonly inputs: Record<string, string>
  readonly expect: {
    readonly result: string
    readonly exitCode: number
    readonly outputs: Record<string, unknown>
    /** Text the job summary must show. */
    readonly summary?: readonly string[]
    /** What the action's log must show, on every run. */
    readonly log?: readonly RegExp[]
  }
}

const FAST = { 'min-delay-seconds': '0.25', 'max-delay-seconds': '1', 'timeout-seconds': '20' }

export const SCENARIOS: Record<string, DemoScenario> = {
  mixed: {
    description: 'three packs deploying: two complete, one fails with a reason',
    scenario: {
      packs: [
        {
          name: 'iam-baseline',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 1500 }]
        },
        {
          name: 'operational-best-practices',
          timeline: [
            { state: 'CREATE_IN_PROGRESS' },
            {
              state: 'CREATE_FAILED',
              atMs: 2200,
              reason: 'Conformance pack creation failed: the CloudFormation stack rolled back.'
            }
          ],
          stack: {
            events: failedDeployment({
              logicalId: 'AccessKeysRotated',
              reason:
                'Config rule access-keys-rotated already exists in this account (Service: Config, Status Code: 400). Delete it or rename the rule in the template.'
            })
          }
        },
        {
          name: 's3-security',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 3000 }]
        }
      ]
    },
    inputs: {
      'conformance-pack-names': 'iam-baseline\noperational-best-practices, s3-security',
      ...FAST
    },
    expect: {
      result: 'failure',
      exitCode: 1,
      summary: [
        '<strong>Cause:</strong> AccessKeysRotated (AWS::Config::ConfigRule) CREATE_FAILED'
      ],
      outputs: {
        'completed-packs': ['iam-baseline', 's3-security'],
        'failed-packs': ['operational-best-practices'],
        'pending-packs': []
      }
    }
  },
  'all-complete': {
    description: 'every pack in the region (no names given) finishes deploying',
    scenario: {
      packs: ['iam-baseline', 's3-security', 'network-controls'].map((name, i) => ({
        name,
        timeline: [
          { state: 'CREATE_IN_PROGRESS' as const },
          { state: 'CREATE_COMPLETE' as const, atMs: 1000 + i * 700 }
        ]
      }))
    },
    inputs: { ...FAST },
    expect: {
      result: 'success',
      exitCode: 0,
      outputs: {
        'completed-packs': ['iam-baseline', 's3-security', 'network-controls'],
        'failed-packs': []
      }
    }
  },
  timeout: {
    description: 'one pack completes, one is still creating when the 3 s deadline passes',
    scenario: {
      packs: [
        {
          name: 'iam-baseline',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 800 }]
        },
        { name: 'slow-pack', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }
      ]
    },
    inputs: { 'conformance-pack-names': 'iam-baseline,slow-pack', ...FAST, 'timeout-seconds': '3' },
    expect: {
      result: 'timeout',
      exitCode: 1,
      outputs: { 'completed-packs': ['iam-baseline'], 'pending-packs': ['slow-pack'] }
    }
  },
  deletion: {
    description: 'two packs being deleted: both finish and disappear',
    scenario: {
      // By call, not time: a pack gone before the first call would be NOT_FOUND, not deleted.
      packs: [
        {
          name: 'legacy-pack',
          timeline: [{ state: 'DELETE_IN_PROGRESS' }, { state: 'ABSENT', atCall: 3 }]
        },
        {
          name: 'old-s3-pack',
          timeline: [{ state: 'DELETE_IN_PROGRESS' }, { state: 'ABSENT', atCall: 5 }]
        }
      ]
    },
    inputs: { 'conformance-pack-names': 'legacy-pack,old-s3-pack', ...FAST },
    expect: {
      result: 'success',
      exitCode: 0,
      outputs: { 'completed-packs': ['legacy-pack', 'old-s3-pack'], 'missing-packs': [] }
    }
  },
  compliance: {
    description: 'a release gate: both packs deploy, one is NON_COMPLIANT (compliance: require)',
    scenario: {
      packs: [
        {
          name: 'iam-baseline',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 800 }],
          compliance: {
            status: 'COMPLIANT',
            rules: [{ name: 'iam-password-policy', compliance: 'COMPLIANT' }]
          }
        },
        {
          name: 's3-security',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 1500 }],
          compliance: {
            status: 'NON_COMPLIANT',
            rules: [
              { name: 's3-bucket-public-read-prohibited', compliance: 'NON_COMPLIANT' },
              { name: 's3-bucket-versioning-enabled', compliance: 'COMPLIANT' }
            ]
          }
        }
      ]
    },
    inputs: {
      'conformance-pack-names': 'iam-baseline,s3-security',
      compliance: 'require',
      ...FAST
    },
    expect: {
      result: 'noncompliant',
      exitCode: 1,
      summary: ['s3-bucket-public-read-prohibited'],
      outputs: {
        'noncompliant-packs': ['s3-security'],
        'completed-packs': ['iam-baseline', 's3-security']
      }
    }
  },
  'compliance-evaluation': COMPLIANCE_EVALUATION,
  'compliance-baseline': COMPLIANCE_BASELINE,
  organization: {
    description:
      'organization packs: one deploys, one fails in two member accounts (scope: organization)',
    scenario: {
      packs: [],
      organization: {
        packs: [
          {
            name: 'org-baseline',
            timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_SUCCESSFUL', atMs: 1000 }]
          },
          {
            name: 'org-security',
            timeline: [
              { state: 'CREATE_IN_PROGRESS' },
              {
                state: 'CREATE_FAILED',
                atMs: 1800,
                errorCode: 'OrganizationConformancePackDeploymentFailed',
                errorMessage: 'Deployment failed in 2 member accounts'
              }
            ],
            accounts: [
              { accountId: '111111111111', timeline: [{ status: 'CREATE_SUCCESSFUL' }] },
              {
                accountId: '222222222222',
                timeline: [
                  {
                    status: 'CREATE_FAILED',
                    errorCode: 'ConfigRuleExists',
                    errorMessage: 'Rule access-keys-rotated already exists'
                  }
                ]
              },
              {
                accountId: '333333333333',
                timeline: [
                  {
                    status: 'CREATE_FAILED',
                    errorCode: 'NoRecorder',
                    errorMessage: 'No configuration recorder in us-east-1'
                  }
                ]
              }
            ]
          }
        ]
      }
    },
    inputs: {
      scope: 'organization',
      'conformance-pack-names': 'org-baseline,org-security',
      ...FAST
    },
    expect: {
      result: 'failure',
      exitCode: 1,
      summary: ['Member accounts (2 failed of 3)'],
      outputs: { 'completed-packs': ['org-baseline'], 'failed-packs': ['org-security'] }
    }
  },
  regions: {
    description:
      'two regions at once: eu-west-1 is throttled for its first three calls, us-east-1 finishes first',
    scenario: {
      packs: [
        {
          name: 'iam-baseline',
          region: 'us-east-1',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 800 }]
        },
        {
          name: 'iam-baseline',
          region: 'eu-west-1',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 2500 }]
        }
      ],
      // Counted among eu-west-1's own calls: the warning shows whatever the timing.
      faults: [
        {
          calls: [1, 2, 3],
          region: 'eu-west-1',
          response: {
            kind: 'error',
            status: 400,
            type: 'ThrottlingException',
            message: 'Rate exceeded'
          }
        }
      ]
    },
    inputs: { 'conformance-pack-names': 'iam-baseline', region: 'us-east-1, eu-west-1', ...FAST },
    expect: {
      result: 'success',
      exitCode: 0,
      summary: ['<h3>✅ us-east-1: success</h3>', '<h3>✅ eu-west-1: success</h3>'],
      log: [
        /^::warning::\[eu-west-1\].*ThrottlingException/m,
        /^\[us-east-1\] iam-baseline: .*CREATE_COMPLETE[\s\S]*^\[eu-west-1\] iam-baseline: .*CREATE_COMPLETE/m
      ],
      outputs: { 'completed-packs': ['us-east-1/iam-baseline', 'eu-west-1/iam-baseline'] }
    }
  }
}
