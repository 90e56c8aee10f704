import { describe, expect, it } from 'vitest'
import { describeFinding, templateRuleName } from '../../../src/baseline/finding.js'

describe('templateRuleName', () => {
  it.each([
    // As AWS names an account pack's rules (public examples).
    ['efs-encrypted-check-conformance-pack-hbmlt5imw', 'efs-encrypted-check'],
    ['vpc-flow-logs-enabled-conformance-pack-8bzjqtjiy', 'vpc-flow-logs-enabled'],
    [
      'cw-loggroup-retention-period-check-conformance-pack-6cruwvtg2',
      'cw-loggroup-retention-period-check'
    ],
    // A template name in capitals and underscores keeps them.
    ['REL09_bp_backup-check-conformance-pack-qyaut3rcc', 'REL09_bp_backup-check'],
    // Only the last suffix goes: the rest is the template's own name.
    ['a-conformance-pack-x1-conformance-pack-abcdefghi', 'a-conformance-pack-x1']
  ])('strips the pack suffix of %s', (aws, template) => {
    expect(templateRuleName(aws)).toBe(template)
  })

  it.each([
    ['s3-bucket-versioning-enabled', 'no suffix'],
    ['OrgConformsPack-security-baseline-15lssxz6', 'an organization pack name'],
    ['rule-conformance-pack-UPPER12', 'an id that is not lower-case'],
    ['rule-conformance-pack-', 'an empty id'],
    ['-conformance-pack-abcdefghi', 'nothing before the suffix'],
    ['rule-conformance-pack-abc-def', 'a dash in the id']
  ])('leaves %s as it is (%s)', (name) => {
    expect(templateRuleName(name)).toBe(name)
  })
})

describe('describeFinding', () => {
  it('names the region, pack, template rule, resource type and id', () => {
    expect(
      describeFinding({
        region: 'us-east-1',
        pack: 'security-baseline',
        rule: 's3-bucket-versioning-enabled-conformance-pack-hbmlt5imw',
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'acme-logs'
      })
    ).toBe('us-east-1/security-baseline/s3-bucket-versioning-enabled: AWS::S3::Bucket acme-logs')
  })
})
