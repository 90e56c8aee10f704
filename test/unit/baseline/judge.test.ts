import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/baseline/finding.js'
import { EXPIRY_WARNING_DAYS, judgeFindings, type Judgement } from '../../../src/baseline/judge.js'
import { parseBaseline, type Baseline } from '../../../src/baseline/parse.js'

const TODAY = Date.parse('2027-03-01T12:00:00Z')

/** A baseline of the entries, each a YAML flow mapping such as `{rule: r, resourceId: x}`. */
function baseline(...entries: string[]): Baseline {
  const text = ['version: 1', 'findings:', ...entries.map((e) => `  - ${e}`)].join('\n')
  return parseBaseline(text, 'baseline.yml', 'compliance-baseline')
}

function finding(extra: Partial<Finding> = {}): Finding {
  return {
    region: 'us-east-1',
    pack: 'security-baseline',
    rule: 's3-bucket-versioning-enabled-conformance-pack-hbmlt5imw',
    resourceType: 'AWS::S3::Bucket',
    resourceId: 'acme-logs',
    ...extra
  }
}

/** Each finding's status, and the index of the entry that accepted it. */
function statuses(j: Judgement): string[] {
  return j.findings.map((f) => (f.status === 'known' ? `known by ${f.entry.index}` : 'new'))
}

describe('judgeFindings: which entry accepts which finding', () => {
  it('accepts by the template name, whatever suffix the pack has now', () => {
    const b = baseline('{rule: s3-bucket-versioning-enabled, resourceId: acme-logs, reason: Logs}')
    const j = judgeFindings(
      b,
      [
        finding(),
        finding({ rule: 's3-bucket-versioning-enabled-conformance-pack-zz9zz9zz9' }),
        finding({ rule: 's3-bucket-versioning-enabled' }),
        finding({ rule: 's3-bucket-logging-enabled-conformance-pack-hbmlt5imw' })
      ],
      TODAY
    )
    expect(statuses(j)).toEqual(['known by 0', 'known by 0', 'known by 0', 'new'])
    const first = j.findings[0]
    expect(first.status === 'known' && first.entry.reason).toBe('Logs')
  })

  it('accepts by an entry whose rule is written with a suffix, stripping both sides', () => {
    const b = baseline(
      '{rule: s3-bucket-versioning-enabled-conformance-pack-oldoldold, resourceId: acme-logs}'
    )
    expect(statuses(judgeFindings(b, [finding()], TODAY))).toEqual(['known by 0'])
  })

  it('matches a template rule whose own name ends like a suffix by that name', () => {
    const b = baseline('{rule: tag-conformance-pack-v2, resourceId: x}')
    const deployed = finding({
      rule: 'tag-conformance-pack-v2-conformance-pack-hbmlt5imw',
      resourceId: 'x'
    })
    expect(statuses(judgeFindings(b, [deployed], TODAY))).toEqual(['known by 0'])
  })

  it('takes "*" for every resource of the rule, and only of that rule', () => {
    const b = baseline('{rule: s3-bucket-versioning-enabled, resourceId: "*"}')
    const j = judgeFindings(
      b,
      [
        finding({ resourceId: 'a' }),
        finding({ resourceId: 'b', resourceType: 'AWS::S3::AccessPoint' }),
        finding({ rule: 'other-rule', resourceId: 'a' })
      ],
      TODAY
    )
    expect(statuses(j)).toEqual(['known by 0', 'known by 0', 'new'])
  })

  it('requires a resource id to be the same, case and all', () => {
    const b = baseline('{rule: s3-bucket-versioning-enabled, resourceId: acme-logs}')
    const j = judgeFindings(b, [finding({ resourceId: 'Acme-Logs' })], TODAY)
    expect(statuses(j)).toEqual(['new'])
  })

  it.each([
    ['resourceType', 'AWS::S3::Bucket', { resourceType: 'AWS::S3::AccessPoint' }],
    ['pack', 'security-baseline', { pack: 'other-pack' }],
    ['region', 'us-east-1', { region: 'eu-west-1' }]
  ])('narrows by %s when the entry gives it', (key, value, other) => {
    const b = baseline(`{rule: s3-bucket-versioning-enabled, resourceId: "*", ${key}: "${value}"}`)
    const j = judgeFindings(b, [finding(), finding(other)], TODAY)
    expect(statuses(j)).toEqual(['known by 0', 'new'])
  })

  it('names the first entry of the file that accepts a finding', () => {
    const b = baseline(
      '{rule: other, resourceId: "*"}',
      '{rule: s3-bucket-versioning-enabled, resourceId: "*", reason: every bucket}',
      '{rule: s3-bucket-versioning-enabled, resourceId: acme-logs, reason: this one}'
    )
    expect(statuses(judgeFindings(b, [finding()], TODAY))).toEqual(['known by 1'])
  })

  it('keeps the order of the findings it was given', () => {
    const b = baseline('{rule: s3-bucket-versioning-enabled, resourceId: b}')
    const given = [
      finding({ resourceId: 'c' }),
      finding({ resourceId: 'b' }),
      finding({ resourceId: 'a' })
    ]
    const j = judgeFindings(b, given, TODAY)
    expect(j.findings.map((f) => f.finding)).toEqual(given)
    expect(statuses(j)).toEqual(['new', 'known by 0', 'new'])
  })
})

describe('judgeFindings: expiry', () => {
  const entry = '{rule: s3-bucket-versioning-enabled, resourceId: acme-logs, expires: 2027-03-31}'

  it('accepts through the last day, to its last millisecond in UTC', () => {
    for (const at of ['2027-03-31T00:00:00.000Z', '2027-03-31T23:59:59.999Z']) {
      expect(statuses(judgeFindings(baseline(entry), [finding()], Date.parse(at)))).toEqual([
        'known by 0'
      ])
    }
  })

  it('accepts nothing from the next day: the finding is new and names the expired entry', () => {
    const j = judgeFindings(baseline(entry), [finding()], Date.parse('2027-04-01T00:00:00Z'))
    expect(statuses(j)).toEqual(['new'])
    const judged = j.findings[0]
    expect(judged.status === 'new' && judged.expiredEntry?.expires).toBe('2027-03-31')
    expect(j.fixed).toEqual([])
    expect(j.expiringSoon).toEqual([])
  })

  it('lets a live entry accept what an expired one no longer does', () => {
    const b = baseline(entry, '{rule: s3-bucket-versioning-enabled, resourceId: "*"}')
    const j = judgeFindings(b, [finding()], Date.parse('2027-04-02T00:00:00Z'))
    expect(statuses(j)).toEqual(['known by 1'])
  })

  it('gives no expired entry to a finding that no entry ever named', () => {
    const j = judgeFindings(baseline(entry), [finding({ resourceId: 'x' })], TODAY)
    expect(j.findings[0]).toEqual({ status: 'new', finding: finding({ resourceId: 'x' }) })
  })

  it(`warns about an entry whose last day is within ${EXPIRY_WARNING_DAYS} days`, () => {
    const at = (date: string): Judgement =>
      judgeFindings(baseline(entry), [finding()], Date.parse(`${date}T08:00:00Z`))
    // 2027-03-17 is 14 days before the last day, 2027-03-16 is 15.
    expect(at('2027-03-16').expiringSoon).toEqual([])
    const [warned] = at('2027-03-17').expiringSoon
    expect(warned.entry.index).toBe(0)
    expect(warned.expires).toBe('2027-03-31')
    expect(warned.daysLeft).toBe(14)
    expect(at('2027-03-31').expiringSoon.map((e) => e.daysLeft)).toEqual([0])
    expect(at('2027-04-01').expiringSoon).toEqual([])
  })

  it('warns only about entries that accepted a finding, in the order of the file', () => {
    const b = baseline(
      '{rule: r2, resourceId: "*", expires: 2027-03-05}',
      '{rule: r1, resourceId: "*", expires: 2027-03-02}',
      '{rule: unused, resourceId: "*", expires: 2027-03-02}',
      '{rule: r3, resourceId: "*", expires: 2027-03-02}'
    )
    const j = judgeFindings(b, [finding({ rule: 'r1' }), finding({ rule: 'r2' })], TODAY)
    expect(j.expiringSoon.map((e) => [e.entry.index, e.daysLeft])).toEqual([
      [0, 4],
      [1, 1]
    ])
    // The entry that matched nothing is fixed, not expiring.
    expect(j.fixed.map((e) => e.index)).toEqual([2, 3])
  })
})

describe('judgeFindings: fixed entries', () => {
  it('lists the entries that match no finding, and no entry that matched one', () => {
    const b = baseline(
      '{rule: s3-bucket-versioning-enabled, resourceId: acme-logs}',
      '{rule: s3-bucket-versioning-enabled, resourceId: gone-bucket}',
      '{rule: s3-bucket-versioning-enabled, resourceId: "*"}',
      '{rule: s3-bucket-versioning-enabled, resourceId: acme-logs, region: eu-west-1}'
    )
    const j = judgeFindings(b, [finding()], TODAY)
    // Entry 2 matched the finding though entry 0 accepted it: not fixed.
    expect(j.fixed.map((e) => e.index)).toEqual([1, 3])
  })

  it('lists every entry when there is no finding', () => {
    const b = baseline('{rule: a, resourceId: x}', '{rule: b, resourceId: "*"}')
    const j = judgeFindings(b, [], TODAY)
    expect(j.findings).toEqual([])
    expect(j.fixed.map((e) => e.index)).toEqual([0, 1])
  })
})
