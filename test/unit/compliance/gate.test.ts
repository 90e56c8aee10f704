import { describe, expect, it } from 'vitest'
import type { ComplianceRead, PackCompliance } from '../../../src/compliance/compliance-result.js'
import { gate, type RegionCompliance } from '../../../src/compliance/gate.js'
import { INSUFFICIENT_DATA_MEANING } from '../../../src/compliance/annotations.js'
import type { Verdict } from '../../../src/verdict/verdict.js'

const SUCCESS: Verdict = {
  result: 'success',
  failStep: false,
  completed: ['alpha', 'beta', 'gamma'],
  failed: [],
  pending: [],
  missing: []
}

const compliant = (name: string): PackCompliance => ({
  name,
  compliance: 'COMPLIANT',
  nonCompliantRules: []
})
const insufficient = (name: string): PackCompliance => ({
  name,
  compliance: 'INSUFFICIENT_DATA',
  nonCompliantRules: []
})
const nonCompliant = (name: string, ...rules: string[]): PackCompliance => ({
  name,
  compliance: 'NON_COMPLIANT',
  nonCompliantRules: rules
})

const done = (...packs: PackCompliance[]): ComplianceRead => ({ kind: 'done', packs })
const one = (read: ComplianceRead, region = 'us-east-1'): RegionCompliance[] => [{ region, read }]

const TIMEOUT_MESSAGE = 'Ran out of time reading the compliance of conformance packs: 1 of 3 read'
const ERROR_MESSAGE =
  'GetConformancePackComplianceSummary failed: Access denied (AccessDeniedException): no'

describe('gate under require', () => {
  it('makes a NON_COMPLIANT pack fail the step as noncompliant, naming the pack and its rules', () => {
    const result = gate(
      SUCCESS,
      one(done(compliant('alpha'), nonCompliant('beta', 'rule-1', 'rule-2'))),
      'require'
    )
    expect(result.verdict).toEqual({
      ...SUCCESS,
      result: 'noncompliant',
      failStep: true,
      noncompliant: ['beta']
    })
    expect(result.noncompliant).toEqual(['beta'])
    expect(result.headline).toBe(
      '1 conformance pack(s) deployed but NON_COMPLIANT: beta (rule-1, rule-2)'
    )
    expect(result.problems).toEqual([])
  })

  it('says so when a NON_COMPLIANT pack listed no rule', () => {
    const result = gate(SUCCESS, one(done(nonCompliant('beta'))), 'require')
    expect(result.headline).toBe(
      '1 conformance pack(s) deployed but NON_COMPLIANT: beta (no rule listed)'
    )
  })

  it('annotates NON_COMPLIANT as an error and INSUFFICIENT_DATA as a warning', () => {
    const result = gate(
      SUCCESS,
      one(done(nonCompliant('beta', 'rule-1'), insufficient('gamma'), compliant('alpha'))),
      'require'
    )
    expect(result.annotations).toEqual([
      {
        level: 'error',
        title: 'Conformance pack beta: NON_COMPLIANT',
        message: 'beta is NON_COMPLIANT: 1 rule(s) not compliant: rule-1'
      },
      {
        level: 'warning',
        title: 'Conformance pack gamma: INSUFFICIENT_DATA',
        message: `gamma is INSUFFICIENT_DATA. ${INSUFFICIENT_DATA_MEANING}`
      }
    ])
  })

  it('leaves the verdict as it is when every pack is COMPLIANT or INSUFFICIENT_DATA', () => {
    const result = gate(SUCCESS, one(done(compliant('alpha'), insufficient('beta'))), 'require')
    expect(result.verdict).toEqual(SUCCESS)
    expect(result.noncompliant).toEqual([])
    expect(result.headline).toBeUndefined()
    expect(result.problems).toEqual([])
  })

  it('makes a read that ran out of time a timeout, with its message as the headline', () => {
    const result = gate(
      SUCCESS,
      one({ kind: 'timeout', packs: [compliant('alpha')], message: TIMEOUT_MESSAGE }),
      'require'
    )
    expect(result.verdict).toEqual({ ...SUCCESS, result: 'timeout', failStep: true })
    expect(result.problems).toEqual([`compliance could not be read: ${TIMEOUT_MESSAGE}`])
    expect(result.headline).toBe(`compliance could not be read: ${TIMEOUT_MESSAGE}`)
  })

  it('makes a read AWS refused a failure, with the message in the headline and problems', () => {
    const result = gate(SUCCESS, one({ kind: 'error', message: ERROR_MESSAGE }), 'require')
    expect(result.verdict).toEqual({ ...SUCCESS, result: 'failure', failStep: true })
    expect(result.problems).toEqual([`compliance could not be read: ${ERROR_MESSAGE}`])
    expect(result.headline).toContain(ERROR_MESSAGE)
    expect(result.entries).toEqual([])
  })

  it('an error read outranks a timeout read and a NON_COMPLIANT pack', () => {
    const result = gate(
      SUCCESS,
      [
        { region: 'us-east-1', read: done(nonCompliant('beta', 'r')) },
        {
          region: 'eu-west-1',
          read: { kind: 'timeout', packs: [], message: TIMEOUT_MESSAGE }
        },
        { region: 'ap-south-1', read: { kind: 'error', message: ERROR_MESSAGE } }
      ],
      'require'
    )
    expect(result.verdict.result).toBe('failure')
    expect(result.problems).toEqual([
      `eu-west-1: compliance could not be read: ${TIMEOUT_MESSAGE}`,
      `ap-south-1: compliance could not be read: ${ERROR_MESSAGE}`
    ])
    expect(result.headline).toBe(result.problems.join('; '))
  })

  it('a timeout read outranks a NON_COMPLIANT pack, whose entry is still kept', () => {
    const result = gate(
      SUCCESS,
      one({
        kind: 'timeout',
        packs: [nonCompliant('beta', 'rule-1')],
        message: TIMEOUT_MESSAGE
      }),
      'require'
    )
    expect(result.verdict.result).toBe('timeout')
    expect(result.noncompliant).toEqual(['beta'])
    expect(result.entries).toEqual([
      {
        name: 'beta',
        region: 'us-east-1',
        compliance: 'NON_COMPLIANT',
        nonCompliantRules: ['rule-1']
      }
    ])
  })
})

describe('gate under report', () => {
  it.each<[string, ComplianceRead]>([
    ['a NON_COMPLIANT pack', done(nonCompliant('beta', 'rule-1'))],
    ['an INSUFFICIENT_DATA pack', done(insufficient('beta'))],
    ['a timeout read', { kind: 'timeout', packs: [], message: TIMEOUT_MESSAGE }],
    ['an error read', { kind: 'error', message: ERROR_MESSAGE }]
  ])('leaves the verdict as it is with %s', (_, read) => {
    const result = gate(SUCCESS, one(read), 'report')
    expect(result.verdict).toEqual(SUCCESS)
    expect(result.headline).toBeUndefined()
  })

  it('still names the NON_COMPLIANT packs, but only warns about them', () => {
    const result = gate(
      SUCCESS,
      one(done(nonCompliant('beta', 'rule-1'), insufficient('gamma'))),
      'report'
    )
    expect(result.noncompliant).toEqual(['beta'])
    expect(result.annotations.map((a) => [a.level, a.title])).toEqual([
      ['warning', 'Conformance pack beta: NON_COMPLIANT'],
      ['warning', 'Conformance pack gamma: INSUFFICIENT_DATA']
    ])
  })

  it('lists the reads that did not finish as problems', () => {
    const result = gate(
      SUCCESS,
      [
        { region: 'us-east-1', read: { kind: 'error', message: ERROR_MESSAGE } },
        { region: 'eu-west-1', read: { kind: 'timeout', packs: [], message: TIMEOUT_MESSAGE } }
      ],
      'report'
    )
    expect(result.problems).toEqual([
      `us-east-1: compliance could not be read: ${ERROR_MESSAGE}`,
      `eu-west-1: compliance could not be read: ${TIMEOUT_MESSAGE}`
    ])
  })
})

describe('gate: a cancelled read', () => {
  it.each(['require', 'report'] as const)('makes the result cancelled under %s', (mode) => {
    const result = gate(
      SUCCESS,
      [
        { region: 'us-east-1', read: done(nonCompliant('beta', 'r')) },
        { region: 'eu-west-1', read: { kind: 'cancelled' } }
      ],
      mode
    )
    expect(result.verdict).toEqual({ ...SUCCESS, result: 'cancelled', failStep: true })
    expect(result.headline).toBeUndefined()
  })
})

describe('gate: entries and names', () => {
  it('gives every entry its region, and takes a timeout read’s partial packs too', () => {
    const result = gate(
      SUCCESS,
      one({ kind: 'timeout', packs: [compliant('alpha')], message: TIMEOUT_MESSAGE }, 'eu-west-1'),
      'report'
    )
    expect(result.entries).toEqual([
      { name: 'alpha', region: 'eu-west-1', compliance: 'COMPLIANT', nonCompliantRules: [] }
    ])
  })

  it('names packs region/name over several regions', () => {
    const result = gate(
      SUCCESS,
      [
        { region: 'us-east-1', read: done(compliant('alpha'), nonCompliant('beta', 'r1')) },
        { region: 'eu-west-1', read: done(nonCompliant('beta', 'r2'), insufficient('gamma')) }
      ],
      'require'
    )
    expect(result.entries.map((e) => [e.region, e.name, e.compliance])).toEqual([
      ['us-east-1', 'alpha', 'COMPLIANT'],
      ['us-east-1', 'beta', 'NON_COMPLIANT'],
      ['eu-west-1', 'beta', 'NON_COMPLIANT'],
      ['eu-west-1', 'gamma', 'INSUFFICIENT_DATA']
    ])
    expect(result.noncompliant).toEqual(['us-east-1/beta', 'eu-west-1/beta'])
    expect(result.verdict.result === 'noncompliant' && result.verdict.noncompliant).toEqual([
      'us-east-1/beta',
      'eu-west-1/beta'
    ])
    expect(result.annotations.map((a) => a.title)).toEqual([
      'Conformance pack us-east-1/beta: NON_COMPLIANT',
      'Conformance pack eu-west-1/beta: NON_COMPLIANT',
      'Conformance pack eu-west-1/gamma: INSUFFICIENT_DATA'
    ])
    expect(result.headline).toBe(
      '2 conformance pack(s) deployed but NON_COMPLIANT: us-east-1/beta (r1); eu-west-1/beta (r2)'
    )
  })

  it('uses plain names and no region prefix with one region', () => {
    const result = gate(
      SUCCESS,
      one({ kind: 'timeout', packs: [nonCompliant('beta', 'r')], message: TIMEOUT_MESSAGE }),
      'report'
    )
    expect(result.noncompliant).toEqual(['beta'])
    expect(result.annotations[0].title).toBe('Conformance pack beta: NON_COMPLIANT')
    expect(result.problems[0]).toMatch(/^compliance could not be read/)
  })

  it('has no entries for an error or a cancelled read', () => {
    const result = gate(
      SUCCESS,
      [
        { region: 'us-east-1', read: { kind: 'error', message: ERROR_MESSAGE } },
        { region: 'eu-west-1', read: { kind: 'cancelled' } }
      ],
      'report'
    )
    expect(result.entries).toEqual([])
    expect(result.annotations).toEqual([])
  })
})
