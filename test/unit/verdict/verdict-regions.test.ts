import { describe, expect, it } from 'vitest'
import { packStatus } from '../../support/builders.js'
import {
  decide,
  decideRegions,
  type RegionOutcome,
  type VerdictPolicy
} from '../../../src/verdict/verdict.js'
import type { WaitEnd } from '../../../src/wait/wait-for-packs.js'

const SETTLED: WaitEnd = { kind: 'settled' }
const DEADLINE: WaitEnd = { kind: 'deadline' }
const CANCELLED: WaitEnd = { kind: 'cancelled' }

const STRICT: VerdictPolicy = { missingPack: 'fail', failOnFailure: true }
const LENIENT: VerdictPolicy = { missingPack: 'fail', failOnFailure: false }

/** One region's outcome per result decide gives. */
const OUTCOME = {
  success: (region: string): RegionOutcome => ({
    region,
    packs: [packStatus('ok', 'CREATE_COMPLETE')],
    end: SETTLED
  }),
  failure: (region: string): RegionOutcome => ({
    region,
    packs: [packStatus('bad', 'CREATE_FAILED')],
    end: SETTLED
  }),
  timeout: (region: string): RegionOutcome => ({
    region,
    packs: [packStatus('slow', 'CREATE_IN_PROGRESS')],
    end: DEADLINE
  }),
  cancelled: (region: string): RegionOutcome => ({
    region,
    packs: [packStatus('slow', 'CREATE_IN_PROGRESS')],
    end: CANCELLED
  })
} as const

type Kind = keyof typeof OUTCOME

describe('decideRegions: overall result', () => {
  it.each<[Kind, Kind, Kind]>([
    ['cancelled', 'failure', 'cancelled'],
    ['failure', 'cancelled', 'cancelled'],
    ['cancelled', 'timeout', 'cancelled'],
    ['success', 'cancelled', 'cancelled'],
    ['failure', 'timeout', 'failure'],
    ['timeout', 'failure', 'failure'],
    ['success', 'failure', 'failure'],
    ['timeout', 'success', 'timeout'],
    ['success', 'timeout', 'timeout'],
    ['success', 'success', 'success']
  ])('%s in one region and %s in another is %s', (a, b, expected) => {
    const verdict = decideRegions([OUTCOME[a]('us-east-1'), OUTCOME[b]('eu-west-1')], STRICT)
    expect(verdict.regions.map((v) => v.result)).toEqual([a, b])
    expect(verdict.overall.result).toBe(expected)
  })

  it('the worst of three regions decides', () => {
    const verdict = decideRegions(
      [OUTCOME.success('a-1'), OUTCOME.timeout('b-1'), OUTCOME.failure('c-1')],
      STRICT
    )
    expect(verdict.overall.result).toBe('failure')
  })

  it('success with no region at all', () => {
    const verdict = decideRegions([], STRICT)
    expect(verdict.overall).toEqual({
      result: 'success',
      failStep: false,
      completed: [],
      failed: [],
      pending: [],
      missing: []
    })
    expect(verdict.end).toEqual({ kind: 'settled' })
  })
})

describe('decideRegions: failStep', () => {
  it('fails the step when any region does', () => {
    const verdict = decideRegions(
      [OUTCOME.success('us-east-1'), OUTCOME.timeout('eu-west-1')],
      STRICT
    )
    expect(verdict.regions.map((v) => v.failStep)).toEqual([false, true])
    expect(verdict.overall.failStep).toBe(true)
  })

  it('does not fail the step when no region does', () => {
    const verdict = decideRegions(
      [OUTCOME.success('us-east-1'), OUTCOME.success('eu-west-1')],
      STRICT
    )
    expect(verdict.overall.failStep).toBe(false)
  })

  it('fail-on-failure false: a failed pack alone does not fail the step', () => {
    const verdict = decideRegions(
      [OUTCOME.failure('us-east-1'), OUTCOME.success('eu-west-1')],
      LENIENT
    )
    expect(verdict.overall).toMatchObject({ result: 'failure', failStep: false })
  })

  it('fail-on-failure false: a failed pack in one region and a timeout in another fail the step as a failure', () => {
    const verdict = decideRegions(
      [OUTCOME.failure('us-east-1'), OUTCOME.timeout('eu-west-1')],
      LENIENT
    )
    expect(verdict.regions.map((v) => [v.result, v.failStep])).toEqual([
      ['failure', false],
      ['timeout', true]
    ])
    expect(verdict.overall).toMatchObject({
      result: 'failure',
      failStep: true,
      failed: ['us-east-1/bad'],
      pending: ['eu-west-1/slow']
    })
  })
})

describe('decideRegions: pack lists', () => {
  const outcomes: RegionOutcome[] = [
    {
      region: 'us-east-1',
      packs: [
        packStatus('alpha', 'CREATE_COMPLETE'),
        packStatus('beta', 'CREATE_FAILED'),
        packStatus('gamma', 'NOT_FOUND')
      ],
      end: DEADLINE
    },
    {
      region: 'eu-west-1',
      packs: [
        packStatus('alpha', 'CREATE_IN_PROGRESS'),
        packStatus('delta', 'DELETE_COMPLETE'),
        packStatus('eps', 'UNKNOWN')
      ],
      end: DEADLINE
    }
  ]

  it('names packs region/name over several regions, in region then pack order', () => {
    const { overall } = decideRegions(outcomes, STRICT)
    expect(overall).toEqual({
      result: 'failure',
      failStep: true,
      completed: ['us-east-1/alpha', 'eu-west-1/delta'],
      failed: ['us-east-1/beta'],
      pending: ['eu-west-1/alpha', 'eu-west-1/eps'],
      missing: ['us-east-1/gamma']
    })
  })

  it("gives each region its own verdict with plain names, the same as decide's", () => {
    const { regions } = decideRegions(outcomes, STRICT)
    expect(regions).toHaveLength(2)
    expect(regions[0]).toEqual(decide(outcomes[0].packs, outcomes[0].end, STRICT))
    expect(regions[1]).toEqual(decide(outcomes[1].packs, outcomes[1].end, STRICT))
    expect(regions[0].completed).toEqual(['alpha'])
    expect(regions[1].pending).toEqual(['alpha', 'eps'])
  })

  it('uses plain names with one region: the overall verdict is the region verdict', () => {
    const { overall, regions } = decideRegions([outcomes[0]], STRICT)
    expect(overall.completed).toEqual(['alpha'])
    expect(overall.failed).toEqual(['beta'])
    expect(overall.missing).toEqual(['gamma'])
    expect(overall).toEqual(regions[0])
  })

  it('counts a NOT_FOUND pack as pending too under missing-pack wait, with its region', () => {
    const { overall } = decideRegions(outcomes, { missingPack: 'wait', failOnFailure: true })
    expect(overall.pending).toEqual(['us-east-1/gamma', 'eu-west-1/alpha', 'eu-west-1/eps'])
    expect(overall.missing).toEqual(['us-east-1/gamma'])
  })
})

describe('decideRegions: the combined end', () => {
  const withEnd = (region: string, end: WaitEnd): RegionOutcome => ({
    region,
    packs: [packStatus('alpha', 'CREATE_COMPLETE')],
    end
  })

  it('is settled when every region settled', () => {
    const { end } = decideRegions([withEnd('a-1', SETTLED), withEnd('b-1', SETTLED)], STRICT)
    expect(end).toEqual({ kind: 'settled' })
  })

  it("is an error prefixed with the region when one region's wait ended on an error", () => {
    const { end, overall } = decideRegions(
      [
        withEnd('us-east-1', SETTLED),
        withEnd('eu-west-1', { kind: 'error', message: 'Access denied' })
      ],
      STRICT
    )
    expect(end).toEqual({ kind: 'error', message: 'eu-west-1: Access denied' })
    expect(overall).toMatchObject({ result: 'failure', failStep: true })
  })

  it('joins the errors of several regions, each with its region, in region order', () => {
    const { end } = decideRegions(
      [
        withEnd('us-east-1', { kind: 'error', message: 'first' }),
        withEnd('eu-west-1', DEADLINE),
        withEnd('ap-south-1', { kind: 'error', message: 'second' })
      ],
      STRICT
    )
    expect(end).toEqual({ kind: 'error', message: 'us-east-1: first; ap-south-1: second' })
  })

  it('an error outranks a deadline, a cancellation outranks an error', () => {
    const errorAndDeadline = decideRegions(
      [
        withEnd('a-1', { kind: 'deadline', lastError: 'slow' }),
        withEnd('b-1', { kind: 'error', message: 'no' })
      ],
      STRICT
    )
    expect(errorAndDeadline.end.kind).toBe('error')
    const cancelledAndError = decideRegions(
      [withEnd('a-1', { kind: 'error', message: 'no' }), withEnd('b-1', CANCELLED)],
      STRICT
    )
    expect(cancelledAndError.end).toEqual({ kind: 'cancelled' })
  })

  it("is a deadline whose last error carries its region's prefix", () => {
    const { end } = decideRegions(
      [
        withEnd('us-east-1', DEADLINE),
        withEnd('eu-west-1', { kind: 'deadline', lastError: 'throttled (ThrottlingException)' }),
        withEnd('ap-south-1', SETTLED)
      ],
      STRICT
    )
    expect(end).toEqual({
      kind: 'deadline',
      lastError: 'eu-west-1: throttled (ThrottlingException)'
    })
  })

  it('is a deadline without a last error when no region had one', () => {
    const { end } = decideRegions([withEnd('a-1', DEADLINE), withEnd('b-1', SETTLED)], STRICT)
    expect(end.kind).toBe('deadline')
    expect(end.kind === 'deadline' && end.lastError).toBeUndefined()
  })

  it.each<WaitEnd>([
    { kind: 'error', message: 'Access denied' },
    { kind: 'deadline', lastError: 'throttled' },
    { kind: 'cancelled' },
    { kind: 'settled' }
  ])("passes a single region's end through unprefixed: %o", (regionEnd) => {
    const { end } = decideRegions([withEnd('us-east-1', regionEnd)], STRICT)
    expect(end).toEqual(regionEnd)
  })
})
