/** The demo scenario of the compliance gate with a baseline of known findings. */
import type { EmulatedResult } from '../test/emulator/config-emulator.js'
import type { DemoScenario } from './demo-scenarios.js'

/** The pack's deployment is requested a minute before the emulator starts (its default). */
const SINCE_START = 60_000
/** AWS names a pack's rules with the pack's suffix; the baseline names them without it. */
const SUFFIX = '-conformance-pack-k3x9q2m7a'
const bucket = (id: string, annotation: string): EmulatedResult => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance: 'NON_COMPLIANT',
  annotation
})

export const COMPLIANCE_BASELINE: DemoScenario = {
  description:
    'a release gate with a baseline (docs/examples/compliance-baseline.yml): three non-compliant buckets, two known (one with a reason), one new: the gate fails naming only the new one',
  scenario: {
    packs: [
      {
        name: 's3-security',
        timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 800 }],
        rules: [
          {
            name: `s3-bucket-versioning-enabled${SUFFIX}`,
            evaluations: [
              {
                atMs: SINCE_START + 900,
                results: [
                  {
                    resourceType: 'AWS::S3::Bucket',
                    resourceId: 'app-assets',
                    compliance: 'COMPLIANT'
                  }
                ]
              }
            ]
          },
          {
            name: `s3-bucket-public-read-prohibited${SUFFIX}`,
            evaluations: [
              {
                atMs: SINCE_START + 1_500,
                results: [
                  bucket('access-logs', 'The bucket policy allows public read access.'),
                  bucket('legacy-website', 'The bucket ACL grants READ to AllUsers.'),
                  bucket('tmp-uploads', 'The bucket policy allows public read access.')
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
    'compliance-baseline': 'docs/examples/compliance-baseline.yml',
    'min-delay-seconds': '0.25',
    'max-delay-seconds': '1',
    'timeout-seconds': '20'
  },
  expect: {
    result: 'noncompliant',
    exitCode: 1,
    summary: ['1 new, 2 known, 0 fixed', 'tmp-uploads', 'Log delivery bucket'],
    log: [
      /^::error::1 new finding\(s\) not in the baseline docs\/examples\/compliance-baseline\.yml \(2 known\): us-east-1\/s3-security\/s3-bucket-public-read-prohibited: AWS::S3::Bucket tmp-uploads is new$/m
    ],
    outputs: {
      'noncompliant-packs': ['s3-security'],
      'new-findings': [
        {
          region: 'us-east-1',
          pack: 's3-security',
          rule: `s3-bucket-public-read-prohibited${SUFFIX}`,
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'tmp-uploads'
        }
      ]
    }
  }
}
