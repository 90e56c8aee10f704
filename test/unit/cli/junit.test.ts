import { describe, expect, it } from 'vitest'
import { JUNIT_NAME, renderJunit } from '../../../src/cli/junit.js'
import type { CommandReport, PackReport } from '../../../src/cli/report-model.js'
import { parseXml, type XmlElement } from '../../support/xml.js'
import { ALPHA, BETA, DELTA, GAMMA, region, report } from './report-fixture.js'

const VERDICTS = ['failure', 'error', 'skipped']

/** Parses the report and checks the JUnit shape and every count; returns the root. */
function junit(run: CommandReport): XmlElement {
  const root = parseXml(renderJunit(run))
  expect(root.name).toBe('testsuites')
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 }
  for (const suite of root.children) {
    expect(suite.name).toBe('testsuite')
    const own = { tests: 0, failures: 0, errors: 0, skipped: 0 }
    for (const test of suite.children) {
      expect(test.name).toBe('testcase')
      expect(test.attributes.classname).toBe(suite.attributes.name)
      expect(test.children.length).toBeLessThanOrEqual(1)
      own.tests++
      const verdict = test.children[0]?.name
      if (verdict) expect(VERDICTS).toContain(verdict)
      if (verdict === 'failure') own.failures++
      if (verdict === 'error') own.errors++
      if (verdict === 'skipped') own.skipped++
    }
    for (const key of Object.keys(own) as (keyof typeof own)[]) {
      expect(suite.attributes[key], `${suite.attributes.name} ${key}`).toBe(String(own[key]))
      total[key] += own[key]
    }
  }
  for (const key of Object.keys(total) as (keyof typeof total)[])
    expect(root.attributes[key], key).toBe(String(total[key]))
  return root
}

function testCase(root: XmlElement, suite: string, name: string): XmlElement {
  const found = root.children
    .find((s) => s.attributes.name === suite)
    ?.children.find((c) => c.attributes.name === name)
  if (!found) throw new Error(`no test case ${suite} ${name}`)
  return found
}

describe('renderJunit', () => {
  it('has a suite per region and a case per pack, failing the failed, missing and late ones', () => {
    const root = junit(
      report([region('us-east-1', [ALPHA, BETA]), region('eu-west-1', [GAMMA, DELTA])], {
        result: 'failure'
      })
    )
    expect(root.attributes).toMatchObject({
      name: JUNIT_NAME,
      tests: '4',
      failures: '3',
      time: '95'
    })
    expect(root.children.map((s) => s.attributes.name)).toEqual(['us-east-1', 'eu-west-1'])

    expect(testCase(root, 'us-east-1', 'alpha')).toEqual({
      name: 'testcase',
      attributes: { classname: 'us-east-1', name: 'alpha', time: '192' },
      children: [],
      text: ''
    })
    const failure = testCase(root, 'us-east-1', 'beta').children[0]
    expect(failure.attributes).toEqual({
      type: 'CREATE_FAILED',
      message:
        'CREATE_FAILED: Conformance pack creation failed: rule AccessKeysRotated could not be created'
    })
    expect(failure.text).toBe(
      [
        'Conformance pack creation failed: rule AccessKeysRotated could not be created',
        '',
        'Failed resources (first failure first):',
        '- AccessKeysRotated (AWS::Config::ConfigRule) CREATE_FAILED: Insufficient permissions <iam:PassRole> & more',
        '- Bucket (AWS::S3::Bucket) CREATE_FAILED'
      ].join('\n')
    )
    expect(testCase(root, 'us-east-1', 'beta').attributes.time).toBe('61.5')
    expect(testCase(root, 'eu-west-1', 'gamma').children[0].attributes).toEqual({
      type: 'NOT_FOUND',
      message: 'No conformance pack of that name in eu-west-1'
    })
    expect(testCase(root, 'eu-west-1', 'delta').children[0].attributes).toEqual({
      type: 'TIMEOUT',
      message: 'Still CREATE_IN_PROGRESS when the wait ended'
    })
  })

  it('skips a missing pack under missing-pack ignore, and pending packs of a cancelled run', () => {
    const cancelled = region('eu-west-1', [DELTA])
    const root = junit(
      report(
        [
          region('us-east-1', [GAMMA]),
          {
            ...cancelled,
            verdict: { ...cancelled.verdict, result: 'cancelled', failStep: true }
          }
        ],
        { missingPack: 'ignore', result: 'cancelled' }
      )
    )
    expect(root.attributes).toMatchObject({ tests: '2', failures: '0', skipped: '2' })
    expect(testCase(root, 'eu-west-1', 'delta').children[0]).toMatchObject({
      name: 'skipped',
      attributes: { message: 'Cancelled while CREATE_IN_PROGRESS' }
    })
  })

  it('lists the failed member accounts of an organization pack', () => {
    const org: PackReport = {
      name: 'org-pack',
      state: 'CREATE_FAILED',
      reason: 'Failed in 2 accounts',
      errorCode: 'OrganizationAccessDenied',
      failedAccounts: [
        { accountId: '111111111111', status: 'CREATE_FAILED', errorCode: 'E1', message: 'denied' },
        { accountId: '222222222222' }
      ]
    }
    const root = junit(report([region('us-east-1', [org])], { scope: 'organization' }))
    expect(testCase(root, 'us-east-1', 'org-pack').children[0].text).toBe(
      [
        'Failed in 2 accounts',
        'Error code: OrganizationAccessDenied',
        '',
        'Failed member accounts:',
        '- 111111111111 CREATE_FAILED (E1): denied',
        '- 222222222222'
      ].join('\n')
    )
  })

  it('has a case per rule under compliance, failing non-compliant, failed and unevaluated rules', () => {
    const pack: PackReport = {
      ...ALPHA,
      compliance: {
        compliance: 'NON_COMPLIANT',
        rules: [
          {
            name: 'ok-rule',
            compliance: 'COMPLIANT',
            evaluatedAt: '2026-01-02T03:00:00Z',
            nonCompliantResources: []
          },
          {
            name: 's3-versioning',
            compliance: 'NON_COMPLIANT',
            nonCompliantResources: [
              { resourceType: 'AWS::S3::Bucket', resourceId: 'logs', annotation: 'Versioning off' },
              { resourceType: 'AWS::S3::Bucket', resourceId: 'data' }
            ]
          },
          {
            name: 'broken',
            compliance: 'EVALUATION_FAILED',
            error: { code: 'LambdaTimeout', message: 'Lambda timed out' },
            nonCompliantResources: []
          },
          { name: 'new-rule', compliance: 'NOT_EVALUATED', nonCompliantResources: [] },
          {
            name: 'empty-scope',
            compliance: 'NOT_APPLICABLE',
            evaluatedAt: '2026-01-02T03:00:00Z',
            nonCompliantResources: []
          }
        ]
      }
    }
    const compliant: PackReport = {
      ...ALPHA,
      name: 'other',
      compliance: { compliance: 'COMPLIANT', rules: [] }
    }
    const root = junit(report([region('us-east-1', [pack, compliant])], { result: 'noncompliant' }))
    expect(root.attributes).toMatchObject({ tests: '8', failures: '2', errors: '1', skipped: '1' })
    expect(testCase(root, 'us-east-1', 'alpha / ok-rule').children).toEqual([])
    const nonCompliant = testCase(root, 'us-east-1', 'alpha / s3-versioning').children[0]
    expect(nonCompliant.attributes).toEqual({
      type: 'NON_COMPLIANT',
      message:
        'NON_COMPLIANT: 2 resource(s) not compliant: AWS::S3::Bucket logs, AWS::S3::Bucket data'
    })
    expect(nonCompliant.text).toBe(
      'Non-compliant resources:\n- AWS::S3::Bucket logs: Versioning off\n- AWS::S3::Bucket data'
    )
    const broken = testCase(root, 'us-east-1', 'alpha / broken').children[0]
    expect(broken.name).toBe('error')
    expect(broken.attributes).toEqual({
      type: 'EVALUATION_FAILED',
      message: 'Evaluation failed: LambdaTimeout: Lambda timed out'
    })
    expect(testCase(root, 'us-east-1', 'alpha / new-rule').children[0].attributes.type).toBe(
      'NOT_EVALUATED'
    )
    expect(testCase(root, 'us-east-1', 'alpha / empty-scope').children[0].name).toBe('skipped')
    expect(testCase(root, 'us-east-1', 'other / compliance').children).toEqual([])
  })

  it('names the first 10 non-compliant resources of a rule, then counts the rest', () => {
    const resources = Array.from({ length: 13 }, (_, i) => ({
      resourceType: 'AWS::S3::Bucket',
      resourceId: `bucket-${i + 1}`
    }))
    const pack: PackReport = {
      ...ALPHA,
      compliance: {
        compliance: 'NON_COMPLIANT',
        rules: [{ name: 'r', compliance: 'NON_COMPLIANT', nonCompliantResources: resources }]
      }
    }
    const failure = testCase(junit(report([region('us-east-1', [pack])])), 'us-east-1', 'alpha / r')
      .children[0]
    expect(failure.attributes.message).toMatch(/^NON_COMPLIANT: 13 resource\(s\) not compliant: /)
    expect(failure.attributes.message).toContain('AWS::S3::Bucket bucket-10 and 3 more')
    expect(failure.attributes.message).not.toContain('bucket-11')
    expect(failure.text?.split('\n').at(-1)).toBe('- and 3 more')
  })

  it('reports a region whose wait stopped short as an error, not an empty suite', () => {
    const root = junit(
      report([
        {
          ...region('us-east-1', []),
          problem: 'AccessDenied: not authorized to perform config:DescribeConformancePackStatus'
        }
      ])
    )
    expect(root.attributes).toMatchObject({ tests: '1', errors: '1' })
    expect(testCase(root, 'us-east-1', 'wait').children[0].attributes.message).toBe(
      'AccessDenied: not authorized to perform config:DescribeConformancePackStatus'
    )
  })

  it('escapes markup and drops what XML 1.0 forbids, keeping line breaks in attributes', () => {
    const hostile: PackReport = {
      name: 'beta',
      state: 'CREATE_FAILED',
      reason: 'a "quoted" <b>&amp;</b> \u0000\u0007\u001b[31mred\u001b[0m\u000b\ufffe\nsecond line',
      failedResources: [{ logicalId: ']]>', type: "T'", status: 'CREATE_FAILED' }]
    }
    const xml = renderJunit(report([region('us-east-1', [hostile])]))
    const failure = testCase(parseXml(xml), 'us-east-1', 'beta').children[0]
    expect(failure.attributes.message).toBe(
      'CREATE_FAILED: a "quoted" <b>&amp;</b> red\nsecond line'
    )
    expect(failure.text).toContain("- ]]> (T') CREATE_FAILED")
    expect(xml).not.toContain(']]>')
    expect(junit(report([region('us-east-1', [hostile])])).attributes.failures).toBe('1')
  })
})

describe('parseXml', () => {
  it.each([
    ['<a>', 'unclosed'],
    ['<a></b>', 'expected </a>'],
    ['<a x=1/>', 'expected ="'],
    ['<a x="1" x="2"/>', 'given twice'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a>&</a>', 'bare &'],
    ['<a>\u0001</a>', 'character U+1'],
    ['<a/><b/>', 'content after the root']
  ])('refuses %j', (xml, why) => {
    expect(() => parseXml(xml)).toThrow(why)
  })
})
