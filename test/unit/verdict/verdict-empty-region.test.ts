import { describe, expect, it } from 'vitest'
import { commercialLinks, packStatus } from '../../support/builders.js'
import type { ComplianceMode } from '../../../src/inputs.js'
import { emptyRegionAnnotations } from '../../../src/publish/report.js'
import { headline } from '../../../src/report/headline.js'
import { renderSummary } from '../../../src/publish/summary.js'
import {
  decide,
  decideRegions,
  type RegionOutcome,
  type VerdictPolicy
} from '../../../src/verdict/verdict.js'
import type { WaitEnd } from '../../../src/wait/wait-for-packs.js'

/** A region that listed no conformance pack when every pack in it was awaited. */

const SETTLED: WaitEnd = { kind: 'settled' }
const listing = (compliance: ComplianceMode): VerdictPolicy => ({
  missingPack: 'fail',
  failOnFailure: true,
  names: undefined,
  compliance
})
const done = packStatus('alpha', 'CREATE_COMPLETE')
const full = (region: string): RegionOutcome => ({ region, packs: [done], end: SETTLED })
const empty = (region: string): RegionOutcome => ({ region, packs: [], end: SETTLED })

describe('decide: a region that checked nothing', () => {
  it.each(['ignore', 'report'] as const)('%s: success, naming the region', (mode) => {
    expect(decide([], SETTLED, listing(mode), 'eu-west-1')).toEqual({
      result: 'success',
      failStep: false,
      completed: [],
      failed: [],
      pending: [],
      missing: [],
      emptyRegions: ['eu-west-1']
    })
  })

  it('require: failure, and the step fails', () => {
    expect(decide([], SETTLED, listing('require'), 'eu-west-1')).toMatchObject({
      result: 'failure',
      failStep: true,
      emptyRegions: ['eu-west-1']
    })
  })

  it('applies only to a listing that settled with no pack at all', () => {
    const policy = listing('require')
    // Named packs are each accounted for (a missing one is NOT_FOUND), never "nothing".
    expect(
      decide([], SETTLED, { ...policy, names: ['alpha'] }, 'eu-west-1').emptyRegions
    ).toBeUndefined()
    expect(decide([done], SETTLED, policy, 'eu-west-1')).toMatchObject({ result: 'success' })
    expect(decide([done], SETTLED, policy).emptyRegions).toBeUndefined()
    // A listing that never answered is a timeout, a cancelled one a cancellation.
    expect(decide([], { kind: 'deadline' }, policy)).toMatchObject({ result: 'timeout' })
    expect(decide([], { kind: 'deadline' }, policy).emptyRegions).toBeUndefined()
    expect(decide([], { kind: 'cancelled' }, policy)).toMatchObject({ result: 'cancelled' })
  })
})

describe('decideRegions: each empty region by name', () => {
  it('require: the empty regions fail, the others keep their result', () => {
    const outcomes = [full('us-east-1'), empty('eu-west-1'), empty('ap-south-1')]
    const verdicts = decideRegions(outcomes, listing('require'))
    expect(verdicts.regions.map((v) => v.result)).toEqual(['success', 'failure', 'failure'])
    expect(verdicts.regions[1].emptyRegions).toEqual(['eu-west-1'])
    expect(verdicts.overall).toMatchObject({
      result: 'failure',
      failStep: true,
      completed: ['us-east-1/alpha'],
      emptyRegions: ['eu-west-1', 'ap-south-1']
    })
  })

  it('ignore: success overall, the empty regions still named', () => {
    const verdicts = decideRegions([full('us-east-1'), empty('eu-west-1')], listing('ignore'))
    expect(verdicts.overall).toMatchObject({ result: 'success', emptyRegions: ['eu-west-1'] })
    expect(verdicts.regions[0].emptyRegions).toBeUndefined()
  })

  it('no empty region: no emptyRegions at all', () => {
    const { overall } = decideRegions([full('us-east-1')], listing('require'))
    expect(overall).not.toHaveProperty('emptyRegions')
  })
})

describe('what the person reading the run is told', () => {
  it('require: the error says no conformance pack was found in the region', () => {
    const verdict = decide([], SETTLED, listing('require'), 'eu-west-1')
    expect(headline(verdict, SETTLED, 1_000)).toBe(
      'No conformance pack was found in eu-west-1, so compliance: require had nothing to check'
    )
    expect(emptyRegionAnnotations(verdict, listing('require'))).toEqual([
      {
        level: 'error',
        title: 'No conformance pack in eu-west-1',
        message: expect.stringMatching(/^No conformance pack was found in eu-west-1: /) as string
      }
    ])
  })

  it('ignore and report: one warning per empty region, naming it', () => {
    const { overall } = decideRegions(
      [empty('eu-west-1'), full('us-east-1'), empty('ap-south-1')],
      listing('report')
    )
    const notes = emptyRegionAnnotations(overall, listing('report'))
    expect(notes.map((n) => [n.level, n.title])).toEqual([
      ['warning', 'No conformance pack in eu-west-1'],
      ['warning', 'No conformance pack in ap-south-1']
    ])
    expect(notes[0].message).toContain('nothing was checked there')
    expect(notes[0].message).toContain('compliance: require fails on this')
    expect(headline(overall, SETTLED, 5_000)).toBe(
      'All 1 conformance pack(s) completed after 5s; no conformance pack was found in eu-west-1, ap-south-1'
    )
    expect(
      emptyRegionAnnotations(
        decideRegions([full('x-1')], listing('ignore')).overall,
        listing('ignore')
      )
    ).toEqual([])
  })

  it('the summary marks the empty region, as a failure under require', () => {
    const render = (mode: ComplianceMode, inProgress = false): string => {
      const verdicts = decideRegions([empty('eu-west-1')], listing(mode))
      if (inProgress)
        return renderSummary({
          inProgress,
          scope: 'account',
          regions: [{ ...empty('eu-west-1'), links: commercialLinks('eu-west-1') }],
          lists: verdicts.overall,
          elapsedMs: 1_000,
          now: 0
        })
      return renderSummary({
        scope: 'account',
        regions: [
          {
            ...empty('eu-west-1'),
            links: commercialLinks('eu-west-1'),
            verdict: verdicts.regions[0]
          }
        ],
        verdict: verdicts.overall,
        end: verdicts.end,
        elapsedMs: 1_000,
        now: 0
      })
    }
    const required = render('require')
    expect(required).toContain('❌ AWS Config conformance packs: failure')
    expect(required).toContain(
      '<strong>No conformance pack was found in eu-west-1, so compliance: require had nothing to check</strong>'
    )
    expect(required).toContain(
      '<p>❌ No conformance pack was found in <code>eu-west-1</code>: nothing was checked there.</p>'
    )
    const ignored = render('ignore')
    expect(ignored).toContain('✅ AWS Config conformance packs: success')
    expect(ignored).toContain('<p>⚠️ No conformance pack was found in <code>eu-west-1</code>')
    // Before the first listing nothing is known yet: the live check says no more than that.
    expect(render('require', true)).not.toContain('was found')
  })
})
