import { describe, expect, it } from 'vitest'
import { headline } from '../../src/report/headline.js'
import { decideRegions, type VerdictPolicy } from '../../src/verdict/verdict.js'
import { describeCalls, waitOverWire } from './wire-harness.js'

/** Every pack in a region awaited, and AWS Config lists none: the gate checked nothing. */

const policy = (compliance: VerdictPolicy['compliance']): VerdictPolicy => ({
  missingPack: 'fail',
  failOnFailure: true,
  names: undefined,
  compliance
})

describe('a region with no conformance pack, over the wire (real SDK → emulator)', () => {
  it('the listing answers empty; require fails the region, ignore passes it, both name it', async () => {
    const run = await waitOverWire({ packs: [] }, { plan: { names: undefined } })
    expect(describeCalls(run).map((b) => b.ConformancePackNames)).toEqual([undefined])
    expect(run.result).toMatchObject({ packs: [], end: { kind: 'settled' } })

    const outcome = { region: 'us-east-1', packs: run.result.packs, end: run.result.end }
    const required = decideRegions([outcome], policy('require'))
    expect(required.overall).toMatchObject({
      result: 'failure',
      failStep: true,
      emptyRegions: ['us-east-1']
    })
    expect(headline(required.overall, required.end, run.elapsedMs)).toBe(
      'No conformance pack was found in us-east-1, so compliance: require had nothing to check'
    )
    const ignored = decideRegions([outcome], policy('ignore'))
    expect(ignored.overall).toMatchObject({ result: 'success', emptyRegions: ['us-east-1'] })
  })

  it('a region that lists a pack is not empty', async () => {
    const run = await waitOverWire(
      { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }] },
      { plan: { names: undefined } }
    )
    const outcome = { region: 'us-east-1', packs: run.result.packs, end: run.result.end }
    const { overall } = decideRegions([outcome], policy('require'))
    expect(overall).toMatchObject({ result: 'success', completed: ['alpha'] })
    expect(overall.emptyRegions).toBeUndefined()
  })
})
