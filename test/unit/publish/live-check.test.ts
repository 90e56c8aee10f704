import { describe, expect, it } from 'vitest'
import { commercialLinks, packStatus } from '../../support/builders.js'
import type { PackStatus } from '../../../src/packs/pack-state.js'
import { liveCheck, progressView, type CheckRunReporter } from '../../../src/publish/live-check.js'
import { virtualClock } from '../../support/doubles.js'

const T0 = Date.parse('2026-12-01T10:00:00Z')
const packs: PackStatus[] = [
  packStatus('alpha', 'CREATE_COMPLETE'),
  packStatus('beta', 'CREATE_IN_PROGRESS', { requestedAt: new Date(T0) })
]

describe("the check run's view while waiting", () => {
  it("shows how far a pending pack's stack has got, in its reason cell", () => {
    const { summary } = progressView(
      {
        scope: 'account',
        regions: [{ region: 'eu-west-1', links: commercialLinks('eu-west-1'), packs }],
        startedAt: T0,
        now: T0 + 120_000,
        stackProgress: new Map([['eu-west-1', new Map([['beta', { created: 7, total: 12 }]])]])
      },
      'fail'
    )
    expect(summary).toContain('⏳ AWS Config conformance packs: waiting')
    expect(summary).toMatch(
      /beta<\/a><\/td><td>⏳&nbsp;CREATE_IN_PROGRESS<\/td><td>7 of 12 resources created<\/td>/
    )
    expect(summary.match(/resources created/g)).toHaveLength(1)
  })

  it('updates the check run after a round the wait reports as changed, with the stack counts', () => {
    const sent: string[] = []
    const checks: CheckRunReporter = {
      start: () => Promise.resolve(),
      update: (_title, summary) => {
        sent.push(summary)
        return Promise.resolve()
      },
      complete: () => Promise.resolve()
    }
    const live = liveCheck(
      checks,
      { scope: 'account', regions: ['eu-west-1'], missingPack: 'fail' },
      virtualClock(T0 + 60_000),
      T0,
      commercialLinks
    )
    const onRound = live.onRound('eu-west-1')
    onRound(packs, false, new Map([['beta', { created: 1, total: 2 }]]))
    expect(sent).toHaveLength(0)
    onRound(packs, true, new Map([['beta', { created: 2, total: 3 }]]))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toContain('2 of 3 resources created')
  })
})
