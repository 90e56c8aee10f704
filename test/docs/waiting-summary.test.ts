import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  demoSummary,
  normaliseTimes,
  summaryInDoc,
  WAITING_DOC,
  withSummary
} from '../../scripts/doc-summary.js'

const doc = await readFile(WAITING_DOC, 'utf8')

describe("docs/waiting.md's example job summary", () => {
  it("is what the built action writes for the demo's mixed scenario, times aside", async () => {
    const shown = summaryInDoc(doc)
    expect(shown, 'docs/waiting.md has no summary-mixed block: npm run docs:summary').toBeDefined()
    expect(normaliseTimes(shown ?? ''), 'run: npm run build && npm run docs:summary').toBe(
      normaliseTimes(await demoSummary())
    )
  }, 30_000)

  it('keeps the Mermaid block on its lines, as the action writes it', () => {
    expect(summaryInDoc(doc)).toMatch(
      /\n```mermaid\ngantt\n {2}title Deployments\n {2}dateFormat x\n {2}axisFormat %H:%M:%S\n/
    )
  })
})

describe('normaliseTimes', () => {
  it('makes times of day, durations, dates and epoch milliseconds constant', () => {
    expect(
      normaliseTimes(
        '<td>13:23:48</td><td>1m02s</td> waited 3s · 1h02m03s on 2026-11-30\n  a :done, 1796477028070, 1796477089601'
      )
    ).toBe(
      '<td><time></td><td><duration></td> waited <duration> · <duration> on <date>\n  a :done, <ms>, <ms>'
    )
  })

  it('leaves the rest alone, so a changed word still differs', () => {
    expect(normaliseTimes('3 packs: 2 completed, 1 failed')).toBe('3 packs: 2 completed, 1 failed')
  })
})

describe('withSummary', () => {
  it('writes a summary that summaryInDoc reads back unchanged', () => {
    const page = '# W\n\n<!-- summary-mixed:start -->\nold\n<!-- summary-mixed:end -->\n\nafter\n'
    const written = withSummary(page, '<h2>x</h2>\n\n```mermaid\ngantt\n```\n')
    expect(summaryInDoc(written)).toBe('<h2>x</h2>\n\n```mermaid\ngantt\n```\n')
    expect(written).toContain('<!-- prettier-ignore -->\n````markdown\n')
    expect(written.endsWith('<!-- summary-mixed:end -->\n\nafter\n')).toBe(true)
    expect(() => withSummary('# W\n', 'x')).toThrow(/no <!-- summary-mixed:start -->/)
  })
})
