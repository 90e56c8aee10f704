import { describe, expect, it } from 'vitest'
import { DEFAULT_COLUMNS, fit, renderPackTable } from '../../../src/cli/terminal-table.js'
import { displayWidth } from '../../../src/cli/safe-text.js'
import { ALPHA, BETA, DELTA, GAMMA, region, report } from './report-fixture.js'

// eslint-disable-next-line no-control-regex -- an ANSI colour sequence
const ANSI = /\u001b\[[0-9;]*m/g

describe('renderPackTable', () => {
  it('draws one row per pack per region, with marks, reasons and elapsed times', () => {
    const text = renderPackTable(
      report([region('us-east-1', [ALPHA, BETA]), region('eu-west-1', [GAMMA, DELTA])]),
      { columns: 140, color: false }
    )
    expect(text).toBe(
      [
        '┌───────────┬───────┬──────────────────────┬───────────────────────────────────────────────────────────────────────────────┬─────────┐',
        '│ Region    │ Pack  │ State                │ Reason                                                                        │ Elapsed │',
        '├───────────┼───────┼──────────────────────┼───────────────────────────────────────────────────────────────────────────────┼─────────┤',
        '│ us-east-1 │ alpha │ ✓ CREATE_COMPLETE    │                                                                               │ 3m12s   │',
        '│ us-east-1 │ beta  │ ✗ CREATE_FAILED      │ Conformance pack creation failed: rule AccessKeysRotated could not be created │ 1m02s   │',
        '│ eu-west-1 │ gamma │ ? NOT_FOUND          │                                                                               │         │',
        '│ eu-west-1 │ delta │ … CREATE_IN_PROGRESS │                                                                               │ 5m00s   │',
        '└───────────┴───────┴──────────────────────┴───────────────────────────────────────────────────────────────────────────────┴─────────┘',
        '',
        'us-east-1/beta:',
        '  - AccessKeysRotated (AWS::Config::ConfigRule) CREATE_FAILED: Insufficient permissions <iam:PassRole> & more',
        '  - Bucket (AWS::S3::Bucket) CREATE_FAILED',
        ''
      ].join('\n')
    )
  })

  it(`fits the terminal, ${DEFAULT_COLUMNS} columns when it is unknown, by shortening the reason`, () => {
    const r = report([region('us-east-1', [ALPHA, BETA])])
    const widths = (columns?: number) =>
      new Set(
        renderPackTable(r, { columns, color: false })
          .split('\n')
          .filter((l) => /^[┌│├└]/.test(l))
          .map(displayWidth)
      )
    expect(widths()).toEqual(new Set([DEFAULT_COLUMNS]))
    expect(widths(80)).toEqual(new Set([80]))
    // Narrower than the shortest reason allows: the table keeps its minimum and overflows.
    expect(widths(40)).toEqual(new Set([64]))
    expect(renderPackTable(r, { columns: 80, color: false })).toContain(
      '│ Conformance pack creation… │'
    )
    expect(renderPackTable(r, { color: false })).toContain(
      '│ Conformance pack creation failed: rule Access… │'
    )
  })

  it('shows compliance when it was read, with the non-compliant rules under the table', () => {
    const compliant = { ...ALPHA, compliance: { compliance: 'COMPLIANT', rules: [] } } as const
    const noncompliant = {
      ...ALPHA,
      name: 'epsilon',
      compliance: {
        compliance: 'NON_COMPLIANT',
        rules: [
          {
            name: 's3-bucket-versioning-enabled',
            compliance: 'NON_COMPLIANT',
            nonCompliantResources: []
          }
        ]
      }
    } as const
    const text = renderPackTable(
      report([region('us-east-1', [compliant, noncompliant])], { result: 'noncompliant' }),
      { columns: 100, color: false }
    )
    expect(text).toContain('│ Elapsed │ Compliance    │')
    expect(text).toContain('│ 3m12s   │ NON_COMPLIANT │')
    expect(text).toContain('epsilon:\n  - rule s3-bucket-versioning-enabled NON_COMPLIANT\n')
  })

  it('names a rule’s new resources under the table and counts the ones a baseline knows', () => {
    const bucket = (id: string, baseline?: 'new' | 'known') => ({
      resourceType: 'AWS::S3::Bucket',
      resourceId: id,
      ...(baseline ? { baseline } : {})
    })
    const pack = {
      ...ALPHA,
      compliance: {
        compliance: 'NON_COMPLIANT',
        rules: [
          {
            name: 'public-read',
            compliance: 'NON_COMPLIANT',
            nonCompliantResources: [
              bucket('logs', 'known'),
              bucket('tmp', 'new'),
              bucket('web', 'known')
            ]
          },
          {
            name: 'versioning',
            compliance: 'NON_COMPLIANT',
            nonCompliantResources: ['a', 'b', 'c', 'd'].map((id) => bucket(id))
          }
        ]
      }
    } as const
    const text = renderPackTable(
      report([region('us-east-1', [pack])], { result: 'noncompliant' }),
      {
        columns: 120,
        color: false
      }
    )
    expect(text).toContain(
      'alpha:\n  - rule public-read NON_COMPLIANT: AWS::S3::Bucket tmp; 2 known in the baseline\n  - rule versioning NON_COMPLIANT: AWS::S3::Bucket a, AWS::S3::Bucket b, AWS::S3::Bucket c and 1 more\n'
    )
  })

  it('colours the states only when asked, without changing the layout', () => {
    const r = report([region('us-east-1', [ALPHA, BETA, DELTA])])
    const plain = renderPackTable(r, { columns: 100, color: false })
    const coloured = renderPackTable(r, { columns: 100, color: true })
    expect(plain).not.toMatch(ANSI)
    expect(coloured).toContain('\u001b[32m✓ CREATE_COMPLETE   \u001b[39m')
    expect(coloured).toContain('\u001b[31m✗ CREATE_FAILED     \u001b[39m')
    expect(coloured.replace(ANSI, '')).toBe(plain)
  })

  it('keeps AWS text from driving the terminal or breaking the table', () => {
    const hostile = {
      ...BETA,
      reason: 'bad\u001b]0;title\u0007 news\n│ fake │\u001b[2J',
      failedResources: [
        { logicalId: 'X\u001b[1A', type: 'T', status: 'CREATE_FAILED', reason: 'r\r\nnext' }
      ]
    }
    const text = renderPackTable(report([region('us-east-1', [hostile])]), {
      columns: 100,
      color: false
    })
    // eslint-disable-next-line no-control-regex -- no control but the line breaks
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
    expect(text).toContain('│ bad news │ fake │ │')
    expect(text).toContain('  - X (T) CREATE_FAILED: r  next\n')
    const widths = text
      .split('\n')
      .filter((l) => /^[┌│├└]/.test(l))
      .map(displayWidth)
    expect(new Set(widths).size).toBe(1)
  })

  it('says so when there is no pack', () => {
    expect(renderPackTable(report([region('us-east-1', [])]), { color: false })).toBe(
      'No conformance packs.\n'
    )
  })

  it('lists at most five details per pack, then counts the rest', () => {
    const many = {
      ...BETA,
      failedAccounts: Array.from({ length: 6 }, (_, i) => ({
        accountId: `11111111111${i}`,
        status: 'CREATE_FAILED'
      }))
    }
    const text = renderPackTable(
      report([region('us-east-1', [{ ...many, failedResources: [] }])], { scope: 'organization' }),
      { color: false }
    )
    expect(text).toContain('  - account 111111111110 CREATE_FAILED\n')
    expect(text).toContain('  - and 1 more\n')
    expect(text).not.toContain('111111111115')
  })
})

describe('fit', () => {
  it('shortens the reason, then the pack, never below their minimums', () => {
    // region, pack, state, reason, elapsed: 16 columns of borders and padding.
    expect(fit([9, 20, 20, 40, 7], 200)).toEqual([9, 20, 20, 40, 7])
    expect(fit([9, 20, 20, 40, 7], 100)).toEqual([9, 20, 20, 28, 7])
    expect(fit([9, 20, 20, 40, 7], 80)).toEqual([9, 18, 20, 10, 7])
    expect(fit([9, 20, 20, 40, 7], 70)).toEqual([9, 12, 20, 10, 7])
    expect(fit([9, 20, 20, 40, 7], 40)).toEqual([9, 12, 20, 10, 7])
  })
})
