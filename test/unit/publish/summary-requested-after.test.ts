import { describe, expect, it } from 'vitest'
import { commercialLinks, packStatus } from '../../support/builders.js'
import { checkDeployment } from '../../../src/packs/deployment.js'
import type { PackStatus } from '../../../src/packs/pack-state.js'
import { packAnnotations } from '../../../src/publish/report.js'
import { headline } from '../../../src/report/headline.js'
import { renderSummary } from '../../../src/publish/summary.js'
import { decide, decideRegions, type VerdictPolicy } from '../../../src/verdict/verdict.js'
import type { WaitEnd } from '../../../src/wait/wait-for-packs.js'

const STRICT: VerdictPolicy = { missingPack: 'fail', failOnFailure: true }
const AFTER = Date.parse('2026-12-01T08:00:00Z')
const OLD = new Date('2026-11-30T07:00:00Z')
const DEADLINE: WaitEnd = { kind: 'deadline' }

/** A pack AWS Config reports CREATE_FAILED, from a deployment requested the day before. */
const stale = (name: string): PackStatus =>
  checkDeployment(
    packStatus(name, 'CREATE_FAILED', { reason: 'old <failure>', requestedAt: OLD }),
    AFTER
  )

describe('a pack still showing an earlier deployment, as reported', () => {
  it('is pending, never failed, and gets no failure annotation', () => {
    const packs = [stale('alpha')]
    const verdict = decide(packs, DEADLINE, STRICT)
    expect(verdict).toMatchObject({
      result: 'timeout',
      pending: ['alpha'],
      failed: [],
      completed: []
    })
    expect(packAnnotations(packs, STRICT, 'eu-west-1')).toEqual([])
  })

  it('the summary says it still shows an older deployment and when that one was requested', () => {
    const packs = [stale('alpha')]
    const verdict = decide(packs, DEADLINE, STRICT)
    const html = renderSummary({
      scope: 'account',
      regions: [
        { region: 'eu-west-1', links: commercialLinks('eu-west-1'), packs, verdict, end: DEADLINE }
      ],
      verdict,
      end: DEADLINE,
      elapsedMs: 60_000,
      now: AFTER + 60_000
    })
    expect(html).toContain('⏱️ AWS Config conformance packs: timeout')
    expect(html).toContain(
      '<strong>Timed out after 1m00s waiting for 1 conformance pack(s): alpha; alpha still shows an older deployment (CREATE_FAILED, requested at 2026-11-30T07:00:00Z), not one requested after 2026-12-01T08:00:00Z</strong>'
    )
    expect(html).toContain(
      '">alpha</a></td><td>⏳&nbsp;PREVIOUS_DEPLOYMENT</td><td><details><summary>Still shows the deployment requested at 2026-11-30T07:00:00Z (CREATE_FAILED); waiting for the one…</summary>Still shows the deployment requested at 2026-11-30T07:00:00Z (CREATE_FAILED); waiting for the one requested after 2026-12-01T08:00:00Z</details></td><td>2026-11-30&nbsp;07:00:00</td><td>–</td><td>–</td>'
    )
    expect(html).not.toContain('old &lt;failure&gt;')
  })

  it('with several regions, the note names the region', () => {
    const verdicts = decideRegions(
      [
        { region: 'eu-west-1', packs: [stale('alpha')], end: DEADLINE },
        { region: 'us-east-1', packs: [], end: { kind: 'settled' } }
      ],
      STRICT
    )
    expect(verdicts.overall.earlier?.map((e) => e.name)).toEqual(['eu-west-1/alpha'])
    expect(verdicts.regions[0].earlier?.map((e) => e.name)).toEqual(['alpha'])
    expect(verdicts.regions[1]).not.toHaveProperty('earlier')
  })

  it('next to a failed pack, the failure line names it among the pending', () => {
    const failed = packStatus('beta', 'CREATE_FAILED', { requestedAt: new Date(AFTER + 1_000) })
    const packs = [stale('alpha'), checkDeployment(failed, AFTER)]
    const verdict = decide(packs, DEADLINE, STRICT)
    expect(headline(verdict, DEADLINE, 60_000)).toBe(
      '1 conformance pack(s) failed: beta; 1 still pending: alpha; alpha still shows an older deployment (CREATE_FAILED, requested at 2026-11-30T07:00:00Z), not one requested after 2026-12-01T08:00:00Z'
    )
  })
})
