import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/baseline/finding.js'
import { judgeFindings } from '../../../src/baseline/judge.js'
import { parseBaseline } from '../../../src/baseline/parse.js'
import {
  entryLabel,
  expiringText,
  fixedText,
  knownFindingText,
  newFindingText
} from '../../../src/baseline/text.js'

const BASELINE = parseBaseline(
  [
    'version: 1',
    'findings:',
    '  - {rule: s3-bucket-versioning-enabled, resourceId: acme-logs, expires: 2027-03-31}',
    '  - {rule: s3-bucket-logging-enabled, resourceId: "*", reason: Central logging}',
    '  - {rule: s3-bucket-logging-enabled, resourceId: old-bucket, expires: 2027-03-02}',
    '  - {rule: gone, resourceId: x}'
  ].join('\n'),
  'baseline.yml',
  'compliance-baseline'
)

function finding(rule: string, resourceId = 'acme-logs'): Finding {
  return {
    region: 'us-east-1',
    pack: 'security-baseline',
    rule: `${rule}-conformance-pack-hbmlt5imw`,
    resourceType: 'AWS::S3::Bucket',
    resourceId
  }
}

const FINDINGS = [
  finding('s3-bucket-versioning-enabled'),
  finding('s3-bucket-logging-enabled'),
  finding('s3-bucket-public-read-prohibited')
]

describe('messages about a judgement', () => {
  it('labels an entry by its index, rule and resource id', () => {
    expect(entryLabel(BASELINE.entries[1])).toBe(
      'findings[1] (rule s3-bucket-logging-enabled, resourceId *)'
    )
  })

  it('says that a finding is new, and on which day the entry that named it expired', () => {
    const j = judgeFindings(BASELINE, FINDINGS, Date.parse('2027-04-01T00:00:00Z'))
    const [expired, , unknown] = j.findings
    if (expired.status !== 'new' || unknown.status !== 'new') throw new Error('expected new')
    expect(newFindingText(expired)).toBe(
      "us-east-1/security-baseline/s3-bucket-versioning-enabled: AWS::S3::Bucket acme-logs is new: the baseline's entry findings[0] (rule s3-bucket-versioning-enabled, resourceId acme-logs) expired on 2027-03-31"
    )
    expect(newFindingText(unknown)).toBe(
      'us-east-1/security-baseline/s3-bucket-public-read-prohibited: AWS::S3::Bucket acme-logs is new'
    )
  })

  it('says that a finding is known, with the reason when the entry gives one', () => {
    const j = judgeFindings(BASELINE, FINDINGS, Date.parse('2027-03-01T00:00:00Z'))
    const [noReason, withReason] = j.findings
    if (noReason.status !== 'known' || withReason.status !== 'known')
      throw new Error('expected known')
    expect(knownFindingText(noReason)).toBe(
      'us-east-1/security-baseline/s3-bucket-versioning-enabled: AWS::S3::Bucket acme-logs is known'
    )
    expect(knownFindingText(withReason)).toBe(
      'us-east-1/security-baseline/s3-bucket-logging-enabled: AWS::S3::Bucket acme-logs is known: Central logging'
    )
  })

  it('warns about an entry that expires soon with its day and the days left', () => {
    const at = (date: string): string[] =>
      judgeFindings(BASELINE, FINDINGS, Date.parse(`${date}T00:00:00Z`)).expiringSoon.map(
        expiringText
      )
    expect(at('2027-03-30')).toEqual([
      "The baseline's entry findings[0] (rule s3-bucket-versioning-enabled, resourceId acme-logs) expires on 2027-03-31 (in 1 day): from the day after, its findings are new"
    ])
    expect(at('2027-03-31')[0]).toContain('expires on 2027-03-31 (today)')
    expect(at('2027-03-20')[0]).toContain('expires on 2027-03-31 (in 11 days)')
  })

  it('says that a fixed entry can be removed', () => {
    const j = judgeFindings(BASELINE, FINDINGS, Date.parse('2027-03-01T00:00:00Z'))
    expect(j.fixed.map(fixedText)).toEqual([
      "The baseline's entry findings[2] (rule s3-bucket-logging-enabled, resourceId old-bucket) matches no finding any more: it can be removed",
      "The baseline's entry findings[3] (rule gone, resourceId x) matches no finding any more: it can be removed"
    ])
  })
})
