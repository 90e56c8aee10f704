/** The demo scenario of the compliance gate waiting for the rules' evaluation. */
import type { EmulatedResult } from '../test/emulator/config-emulator.js'
import type { DemoScenario } from './demo-scenarios.js'

/** The pack's deployment is requested a minute before the emulator starts (its default). */
const SINCE_START = 60_000
const compliant = (id: string): EmulatedResult => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance: 'COMPLIANT'
})

export const COMPLIANCE_EVALUATION: DemoScenario = {
  description:
    'a pack deploys; two rules are evaluated at once, the third a little later is NON_COMPLIANT with two buckets: the gate waits for it and fails naming them',
  scenario: {
    packs: [
      {
        name: 's3-security',
        timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 800 }],
        rules: [
          {
            name: 's3-bucket-versioning-enabled',
            evaluations: [{ atMs: SINCE_START + 900, results: [compliant('app-assets')] }]
          },
          {
            name: 's3-bucket-ssl-requests-only',
            evaluations: [{ atMs: SINCE_START + 900, results: [compliant('app-assets')] }]
          },
          {
            name: 's3-bucket-public-read-prohibited',
            evaluations: [
              {
                atMs: SINCE_START + 3_500,
                results: [
                  compliant('app-assets'),
                  {
                    resourceType: 'AWS::S3::Bucket',
                    resourceId: 'access-logs',
                    compliance: 'NON_COMPLIANT',
                    annotation: 'The bucket policy allows public read access.'
                  },
                  {
                    resourceType: 'AWS::S3::Bucket',
                    resourceId: 'legacy-website',
                    compliance: 'NON_COMPLIANT',
                    annotation: 'The bucket ACL grants READ to AllUsers.'
                  }
                ]
              }
            ]
          }
        ]
      }
    ]
  },
  inputs: {
    'conformance-pack-names': 's3-security',
    compliance: 'require',
    'min-delay-seconds': '0.25',
    'max-delay-seconds': '1',
    'timeout-seconds': '20'
  },
  expect: {
    result: 'noncompliant',
    exitCode: 1,
    summary: ['s3-bucket-public-read-prohibited', 'access-logs', 'legacy-website'],
    log: [
      /s3-bucket-public-read-prohibited \(AWS::S3::Bucket access-logs, AWS::S3::Bucket legacy-website\)/
    ],
    outputs: {
      'noncompliant-packs': ['s3-security'],
      'completed-packs': ['s3-security']
    }
  }
}
