import { describe, expect, it } from 'vitest'
import { complianceCell, rulesHtml } from '../../../src/publish/compliance-cells.js'
import { commercialLinks } from '../../support/builders.js'
import type { PackCompliance } from '../../../src/compliance/compliance-result.js'
import {
  complianceAnnotations,
  INSUFFICIENT_DATA_MEANING
} from '../../../src/compliance/annotations.js'

const pack = (
  name: string,
  compliance: PackCompliance['compliance'],
  nonCompliantRules: string[] = []
): PackCompliance => ({ name, compliance, nonCompliantRules })

const rules = (count: number): string[] => Array.from({ length: count }, (_, i) => `rule-${i + 1}`)

describe('complianceCell', () => {
  it.each([
    ['COMPLIANT', '✅ COMPLIANT'],
    ['NON_COMPLIANT', '❌ NON_COMPLIANT'],
    ['INSUFFICIENT_DATA', '⚠️ INSUFFICIENT_DATA']
  ] as const)('shows %s as %s', (status, cell) => {
    expect(complianceCell(pack('p', status))).toBe(cell)
  })

  it('shows a dash when compliance was not read', () => {
    expect(complianceCell(undefined)).toBe('–')
  })
})

const LINKS = commercialLinks('eu-west-1')

describe('rulesHtml', () => {
  it('lists every rule when there are 10 or fewer', () => {
    expect(rulesHtml(pack('p', 'NON_COMPLIANT', ['a', 'b']), LINKS)).toBe(
      'Non-compliant rules:<ul><li>a</li><li>b</li></ul>'
    )
    const ten = rulesHtml(pack('p', 'NON_COMPLIANT', rules(10)), LINKS)
    expect(ten.match(/<li>/g)).toHaveLength(10)
    expect(ten).toContain('<li>rule-10</li>')
    expect(ten).not.toContain('more')
  })

  it('lists the first 10, then how many more', () => {
    const html = rulesHtml(pack('p', 'NON_COMPLIANT', rules(23)), LINKS)
    expect(html).toBe(
      `Non-compliant rules:<ul>${rules(10)
        .map((r) => `<li>${r}</li>`)
        .join('')}<li>13 more</li></ul>`
    )
  })

  it('escapes rule names', () => {
    const html = rulesHtml(pack('p', 'NON_COMPLIANT', ['<script>&"x"|y']), LINKS)
    expect(html).toBe(
      'Non-compliant rules:<ul><li>&lt;script&gt;&amp;&quot;x&quot;&#124;y</li></ul>'
    )
  })

  it('is empty without rules', () => {
    expect(rulesHtml(pack('p', 'COMPLIANT'), LINKS)).toBe('')
  })
})

describe('complianceAnnotations', () => {
  const packs = [
    pack('good', 'COMPLIANT'),
    pack('bad', 'NON_COMPLIANT', rules(12)),
    pack('new', 'INSUFFICIENT_DATA')
  ]
  const label = (name: string): string => `eu-west-1/${name}`

  it('warns about NON_COMPLIANT under report, naming every failing rule', () => {
    const notes = complianceAnnotations(packs, 'report', label)
    expect(notes).toHaveLength(2)
    expect(notes[0]).toEqual({
      level: 'warning',
      title: 'Conformance pack eu-west-1/bad: NON_COMPLIANT',
      message: `eu-west-1/bad is NON_COMPLIANT: 12 rule(s) not compliant: ${rules(12).join(', ')}`
    })
  })

  it('fails NON_COMPLIANT under require', () => {
    const notes = complianceAnnotations(packs, 'require', label)
    expect(notes.map((n) => [n.level, n.title])).toEqual([
      ['error', 'Conformance pack eu-west-1/bad: NON_COMPLIANT'],
      ['warning', 'Conformance pack eu-west-1/new: INSUFFICIENT_DATA']
    ])
    expect(notes[0].message).toContain('rule-12')
  })

  it.each(['report', 'require'] as const)(
    'only warns about INSUFFICIENT_DATA under %s, explaining it',
    (mode) => {
      const [note] = complianceAnnotations([pack('new', 'INSUFFICIENT_DATA')], mode, label)
      expect(note).toEqual({
        level: 'warning',
        title: 'Conformance pack eu-west-1/new: INSUFFICIENT_DATA',
        message: `eu-west-1/new is INSUFFICIENT_DATA. ${INSUFFICIENT_DATA_MEANING}`
      })
    }
  )

  it('says nothing about COMPLIANT packs', () => {
    expect(complianceAnnotations([pack('good', 'COMPLIANT')], 'require', label)).toEqual([])
  })

  it('shows plain names with an identity label', () => {
    const [note] = complianceAnnotations([pack('bad', 'NON_COMPLIANT', ['r'])], 'report', (n) => n)
    expect(note.title).toBe('Conformance pack bad: NON_COMPLIANT')
    expect(note.message).toBe('bad is NON_COMPLIANT: 1 rule(s) not compliant: r')
  })

  it('explains INSUFFICIENT_DATA as rules not evaluated yet or nothing in scope', () => {
    expect(INSUFFICIENT_DATA_MEANING).toMatch(/not been evaluated/)
    expect(INSUFFICIENT_DATA_MEANING).toMatch(/no resources are in their scope/)
  })
})
