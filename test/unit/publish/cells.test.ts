import { describe, expect, it } from 'vitest'
import { compactTime, marked, reasonCell, utcDate, wrappable } from '../../../src/publish/cells.js'

describe('the cells of the summary table', () => {
  it('keeps a mark with its state by a no-break space (GitHub strips style attributes)', () => {
    expect(marked('✅', 'CREATE_COMPLETE')).toBe('✅&nbsp;CREATE_COMPLETE')
    expect(marked('❌', '<b>')).toBe('❌&nbsp;&lt;b&gt;')
  })

  it('lets a long name wrap: <wbr> after _ . / : and inside long runs, none after a hyphen', () => {
    expect(wrappable('operational-best-practices')).toBe('operational-best-practices')
    expect(wrappable('a_b.c')).toBe('a_<wbr>b.<wbr>c')
    expect(wrappable('x'.repeat(30))).toBe(`${'x'.repeat(24)}<wbr>${'x'.repeat(6)}`)
    expect(wrappable('<script>&_x')).toBe('&lt;script&gt;&amp;_<wbr>x')
  })

  it('shows a short reason whole and folds a long one, the whole text under its beginning', () => {
    expect(reasonCell('Rule quota exceeded')).toBe('Rule quota exceeded')
    const long = `Conformance pack creation failed: ${'the stack rolled back '.repeat(8)}<end>`
    const cell = reasonCell(long)
    const summary = /^<details><summary>(.*)<\/summary>(.*)<\/details>$/.exec(cell)
    expect(summary?.[1]).toMatch(/^Conformance pack creation failed: the stack .*…$/)
    expect(summary![1].length).toBeLessThanOrEqual(101)
    // Cut at a word, not inside one.
    expect(summary?.[1]).toMatch(/ (the|stack|rolled|back)…$/)
    expect(summary?.[2]).toBe(long.replace('<end>', '&lt;end&gt;'))
  })

  it("writes a time as the time of day on the run's date, with the date otherwise", () => {
    const run = utcDate(Date.parse('2026-12-01T23:59:00Z'))
    expect(run).toBe('2026-12-01')
    expect(compactTime(new Date('2026-12-01T10:00:05.123Z'), run)).toBe('10:00:05')
    expect(compactTime(new Date('2026-11-30T07:00:00Z'), run)).toBe('2026-11-30&nbsp;07:00:00')
    expect(compactTime(undefined, run)).toBe('')
  })
})
