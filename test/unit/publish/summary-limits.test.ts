import { describe, expect, it } from 'vitest'
import { commercialLinks, packStatus } from '../../support/builders.js'
import { fitSummary, renderSummary, type FinalReport } from '../../../src/publish/summary.js'
import { SUMMARY_LIMIT_BYTES, shownPacks } from '../../../src/publish/summary-limits.js'
import type { FailedResource, FailureExplanation } from '../../../src/wait/explain-failures.js'
import { decide } from '../../../src/verdict/verdict.js'
import { htmlProblems } from '../../support/html-check.js'

const T0 = Date.parse('2026-12-01T10:00:00Z')
const bytes = (html: string): number => Buffer.byteLength(html, 'utf8')

function pack(i: number, state: 'CREATE_COMPLETE' | 'CREATE_FAILED' | 'CREATE_IN_PROGRESS') {
  const name = `conformance-pack-number-${String(i).padStart(5, '0')}`
  return packStatus(name, state, {
    stackArn: `arn:aws:cloudformation:eu-west-1:123456789012:stack/awsconfigconforms-${name}/0a1b2c3d-1111-2222-3333-444455556666`,
    reason:
      state === 'CREATE_FAILED' ? 'Conformance pack creation failed: rolled back.' : undefined,
    requestedAt: new Date(T0),
    completedAt: state === 'CREATE_COMPLETE' ? new Date(T0 + 192_000) : undefined
  })
}

/** 5,000 packs: every 50th failed (with ten failed resources), every 40th still pending. */
function report(count: number): FinalReport {
  const packs = Array.from({ length: count }, (_, i) =>
    pack(
      i,
      i % 50 === 7 ? 'CREATE_FAILED' : i % 40 === 3 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE'
    )
  )
  const resource: FailedResource = {
    logicalId: 'AccessKeysRotated',
    type: 'AWS::Config::ConfigRule',
    status: 'CREATE_FAILED',
    reason: 'Config rule access-keys-rotated already exists in this account.'
  }
  const explanations = new Map<string, FailureExplanation>(
    packs
      .filter((p) => p.state === 'CREATE_FAILED')
      .map((p) => [p.name, { kind: 'explained', resources: Array(10).fill(resource) }])
  )
  const end = { kind: 'deadline' } as const
  const verdict = decide(packs, end, { missingPack: 'fail', failOnFailure: true })
  return {
    scope: 'account',
    regions: [
      {
        region: 'eu-west-1',
        links: commercialLinks('eu-west-1'),
        packs,
        verdict,
        end,
        explanations
      }
    ],
    verdict,
    end,
    elapsedMs: 900_000,
    now: T0 + 900_000
  }
}

describe("the job summary under GitHub's 1 MiB limit", () => {
  it('is whole when it fits', () => {
    const small = report(20)
    expect(fitSummary(small)).toBe(renderSummary(small))
  })

  it('at 5,000 packs: under the limit, failed and pending packs first, the rest counted', () => {
    const big = report(5_000)
    // Whole, it would be refused: the test is about a summary that must be shortened.
    expect(bytes(renderSummary(big))).toBeGreaterThan(SUMMARY_LIMIT_BYTES)
    const started = performance.now()
    const html = fitSummary(big)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(bytes(html)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    // Still most of the budget: not shortened more than needed.
    expect(bytes(html)).toBeGreaterThan(SUMMARY_LIMIT_BYTES * 0.7)
    expect(htmlProblems(html)).toEqual([])

    const names = [...html.matchAll(/conformancePackName=([\w-]+)"/g)].map((m) => m[1])
    const failed = big.verdict.failed
    const pending = big.verdict.pending
    expect(names.slice(0, failed.length)).toEqual(failed)
    expect(names.slice(failed.length, failed.length + pending.length)).toEqual(pending)
    const left = 5_000 - names.length
    expect(left).toBeGreaterThan(0)
    expect(html).toContain(
      `<p>${left} more packs (${left} completed) not shown: the summary is kept under GitHub's 1 MiB limit. The step's statuses output lists every pack.</p>`
    )
    // The counts above the table are over every pack.
    expect(html).toContain('5000 packs: 4775 completed, 100 failed, 125 pending')
  })

  it('keeps within any smaller limit too (the check run takes 65,535 bytes)', () => {
    const html = fitSummary(report(2_000), 65_000)
    expect(bytes(html)).toBeLessThanOrEqual(65_000)
    expect(html).toContain('not shown')
  })
})

describe('shownPacks', () => {
  it('keeps the input order within each rank, and says nothing when all fit', () => {
    const packs = [
      pack(0, 'CREATE_COMPLETE'),
      pack(1, 'CREATE_FAILED'),
      pack(2, 'CREATE_IN_PROGRESS')
    ]
    expect(shownPacks(packs, undefined)).toEqual({ packs })
    expect(shownPacks(packs, 3)).toEqual({ packs })
    const two = shownPacks(packs, 2)
    expect(two.packs.map((p) => p.state)).toEqual(['CREATE_FAILED', 'CREATE_IN_PROGRESS'])
    expect(two.left).toMatch(/^1 more pack \(1 completed\) not shown/)
  })
})
