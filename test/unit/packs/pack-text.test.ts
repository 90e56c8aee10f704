import { describe, expect, it } from 'vitest'
import {
  describeChange,
  formatDuration,
  packDuration,
  reasonOf
} from '../../../src/packs/pack-text.js'
import type { PackDetail } from '../../../src/packs/pack-state.js'
import { packStatus } from '../../support/builders.js'

const T0 = Date.parse('2024-05-01T10:00:00Z')
const at = (ms: number): Date => new Date(T0 + ms)

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [59_000, '59s'],
    [60_000, '1m00s'],
    [192_000, '3m12s'],
    [3_599_000, '59m59s'],
    [3_600_000, '1h00m'],
    [3_900_000, '1h05m'],
    [10 * 3_600_000 + 42 * 60_000 + 30_000, '10h42m']
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('rounds to whole seconds and never goes negative', () => {
    expect(formatDuration(1_499)).toBe('1s')
    expect(formatDuration(1_500)).toBe('2s')
    expect(formatDuration(-5_000)).toBe('0s')
  })
})

describe('packDuration', () => {
  it('runs from requestedAt to completedAt for CREATE_COMPLETE', () => {
    const s = packStatus('alpha', 'CREATE_COMPLETE', {
      requestedAt: at(0),
      completedAt: at(192_000)
    })
    expect(packDuration(s, T0 + 600_000)).toBe(192_000)
  })

  it('runs to now for other states, even with a completedAt', () => {
    const s = packStatus('alpha', 'CREATE_FAILED', { requestedAt: at(0), completedAt: at(10_000) })
    expect(packDuration(s, T0 + 60_000)).toBe(60_000)
  })

  it('ignores a completedAt earlier than requestedAt (an older update)', () => {
    const s = packStatus('alpha', 'CREATE_COMPLETE', {
      requestedAt: at(0),
      completedAt: at(-3_600_000)
    })
    expect(packDuration(s, T0 + 75_000)).toBe(75_000)
  })

  it('is undefined without a requestedAt, and for UNKNOWN', () => {
    expect(packDuration(packStatus('alpha', 'CREATE_IN_PROGRESS'), T0)).toBeUndefined()
    expect(packDuration({ name: 'alpha', state: 'UNKNOWN' }, T0)).toBeUndefined()
  })
})

describe('describeChange', () => {
  it('describes a first sighting with how long ago the update was requested', () => {
    const next = packStatus('alpha', 'CREATE_IN_PROGRESS', { requestedAt: at(0) })
    expect(describeChange(undefined, next, T0 + 120_000)).toBe(
      'alpha: CREATE_IN_PROGRESS (requested 2m00s ago)'
    )
  })

  it('treats a change from UNKNOWN as a first sighting', () => {
    const next = packStatus('alpha', 'CREATE_IN_PROGRESS', { requestedAt: at(0) })
    expect(describeChange({ name: 'alpha', state: 'UNKNOWN' }, next, T0 + 45_000)).toBe(
      'alpha: CREATE_IN_PROGRESS (requested 45s ago)'
    )
  })

  it('describes a first sighting without requestedAt with the state alone', () => {
    expect(describeChange(undefined, packStatus('alpha', 'CREATE_IN_PROGRESS'), T0)).toBe(
      'alpha: CREATE_IN_PROGRESS'
    )
  })

  it('describes a transition to CREATE_COMPLETE with the time from request to completion', () => {
    const previous = packStatus('alpha', 'CREATE_IN_PROGRESS', { requestedAt: at(0) })
    const next = packStatus('alpha', 'CREATE_COMPLETE', {
      requestedAt: at(0),
      completedAt: at(192_000)
    })
    expect(describeChange(previous, next, T0 + 900_000)).toBe(
      'alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after 3m12s'
    )
  })

  it('runs a transition to another state up to now', () => {
    const previous = packStatus('alpha', 'DELETE_IN_PROGRESS', { requestedAt: at(0) })
    const next = packStatus('alpha', 'DELETE_COMPLETE', { requestedAt: at(0) })
    expect(describeChange(previous, next, T0 + 65_000)).toBe(
      'alpha: DELETE_IN_PROGRESS → DELETE_COMPLETE after 1m05s'
    )
  })

  it('adds the reason to a failed transition', () => {
    const previous = packStatus('alpha', 'CREATE_IN_PROGRESS', { requestedAt: at(0) })
    const next = packStatus('alpha', 'CREATE_FAILED', {
      requestedAt: at(0),
      completedAt: at(30_000),
      reason: 'Rule s3-bucket-logging could not be created'
    })
    expect(describeChange(previous, next, T0 + 90_000)).toBe(
      'alpha: CREATE_IN_PROGRESS → CREATE_FAILED after 1m30s: Rule s3-bucket-logging could not be created'
    )
  })

  it('adds the reason to a failed first sighting', () => {
    const next = packStatus('alpha', 'DELETE_FAILED', { reason: 'stack is in use' })
    expect(describeChange(undefined, next, T0)).toBe('alpha: DELETE_FAILED: stack is in use')
  })

  it('does not add a reason to states that did not fail', () => {
    const next = packStatus('alpha', 'CREATE_IN_PROGRESS', {
      requestedAt: at(0),
      reason: 'stale reason'
    })
    expect(describeChange(undefined, next, T0 + 1_000)).not.toContain('stale reason')
  })

  it('ignores a completedAt earlier than requestedAt: the duration runs to now', () => {
    const previous = packStatus('alpha', 'CREATE_IN_PROGRESS', { requestedAt: at(0) })
    const next = packStatus('alpha', 'CREATE_COMPLETE', {
      requestedAt: at(0),
      completedAt: at(-86_400_000)
    })
    expect(describeChange(previous, next, T0 + 192_000)).toBe(
      'alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after 3m12s'
    )
  })

  it('says how long a first-seen CREATE_COMPLETE pack took, not that it was requested then', () => {
    // Requested two days ago, deployed in 3m12s: "requested 3m12s ago" would be false.
    const next = packStatus('alpha', 'CREATE_COMPLETE', {
      requestedAt: at(0),
      completedAt: at(192_000)
    })
    const line = describeChange(undefined, next, T0 + 48 * 3_600_000)
    expect(line).not.toContain('requested 3m12s ago')
    expect(line).toBe('alpha: CREATE_COMPLETE (took 3m12s)')
  })
})

describe('reasonOf', () => {
  it('gives the service reason for an answered pack', () => {
    expect(reasonOf(packStatus('alpha', 'CREATE_FAILED', { reason: 'boom' }))).toBe('boom')
  })

  it('gives the UNKNOWN reason', () => {
    expect(reasonOf({ name: 'alpha', state: 'UNKNOWN', reason: 'unrecognised state X' })).toBe(
      'unrecognised state X'
    )
  })

  it('drops the last reason of a pack that is gone', () => {
    const detail: PackDetail = { name: 'alpha', state: 'DELETE_IN_PROGRESS', reason: 'old' }
    expect(reasonOf({ name: 'alpha', state: 'DELETE_COMPLETE', detail })).toBeUndefined()
    expect(reasonOf({ name: 'alpha', state: 'NOT_FOUND', detail })).toBeUndefined()
  })
})
