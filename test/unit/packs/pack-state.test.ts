import { describe, expect, it } from 'vitest'
import {
  absent,
  detailOf,
  found,
  isFailed,
  isPending,
  outcomeOf,
  type MissingPackPolicy,
  type PackDetail,
  type PackState,
  type PackStatus
} from '../../../src/packs/pack-state.js'

const requestedAt = new Date('2024-05-01T10:00:00Z')

function detail(state: PackDetail['state'], extra: Partial<PackDetail> = {}): PackDetail {
  return { name: 'alpha', state, id: 'conformance-pack-1', requestedAt, ...extra }
}

describe('outcomeOf', () => {
  it.each<[PackState, string]>([
    ['CREATE_COMPLETE', 'completed'],
    ['DELETE_COMPLETE', 'completed'],
    ['CREATE_FAILED', 'failed'],
    ['DELETE_FAILED', 'failed'],
    ['CREATE_IN_PROGRESS', 'in-progress'],
    ['DELETE_IN_PROGRESS', 'in-progress'],
    ['NOT_FOUND', 'missing'],
    ['UNKNOWN', 'unknown']
  ])('%s is %s', (state, outcome) => {
    expect(outcomeOf(state)).toBe(outcome)
  })
})

describe('isFailed', () => {
  it.each(['CREATE_FAILED', 'DELETE_FAILED', 'UPDATE_FAILED', 'ROLLBACK_FAILED'])(
    '%s is failed',
    (state) => expect(isFailed(state)).toBe(true)
  )

  it.each(['CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'DELETE_SUCCESSFUL', 'NOT_FOUND', 'UNKNOWN'])(
    '%s is not',
    (state) => expect(isFailed(state)).toBe(false)
  )

  it('agrees with outcomeOf for every state a pack can be in', () => {
    const states: PackState[] = [
      'CREATE_COMPLETE',
      'CREATE_FAILED',
      'DELETE_FAILED',
      'UPDATE_FAILED',
      'UPDATE_SUCCESSFUL',
      'CREATE_IN_PROGRESS',
      'DELETE_COMPLETE',
      'NOT_FOUND',
      'UNKNOWN',
      'PREVIOUS_DEPLOYMENT'
    ]
    for (const state of states) expect(isFailed(state)).toBe(outcomeOf(state) === 'failed')
  })
})

describe('isPending', () => {
  const policies: MissingPackPolicy[] = ['fail', 'wait', 'ignore']

  it.each(policies)('in-progress and unknown states are pending under %s', (policy) => {
    expect(isPending('CREATE_IN_PROGRESS', policy)).toBe(true)
    expect(isPending('DELETE_IN_PROGRESS', policy)).toBe(true)
    expect(isPending('UNKNOWN', policy)).toBe(true)
  })

  it.each(policies)('terminal states are never pending under %s', (policy) => {
    for (const state of [
      'CREATE_COMPLETE',
      'DELETE_COMPLETE',
      'CREATE_FAILED',
      'DELETE_FAILED'
    ] as const) {
      expect(isPending(state, policy), state).toBe(false)
    }
  })

  it('NOT_FOUND is pending only under missing-pack wait', () => {
    expect(isPending('NOT_FOUND', 'wait')).toBe(true)
    expect(isPending('NOT_FOUND', 'fail')).toBe(false)
    expect(isPending('NOT_FOUND', 'ignore')).toBe(false)
  })
})

describe('found', () => {
  it('keeps a service state and the whole report as detail', () => {
    const status = found({
      name: 'alpha',
      state: 'CREATE_FAILED',
      reason: 'rule failed',
      stackArn: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
      requestedAt
    })
    expect(status).toEqual({
      name: 'alpha',
      state: 'CREATE_FAILED',
      detail: {
        name: 'alpha',
        state: 'CREATE_FAILED',
        reason: 'rule failed',
        stackArn: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
        requestedAt
      }
    })
  })

  it('turns an unrecognised state into UNKNOWN with a reason naming it', () => {
    const status = found({ name: 'alpha', state: 'UPDATE_PENDING', requestedAt })
    expect(status.state).toBe('UNKNOWN')
    expect(status.name).toBe('alpha')
    expect(status.state === 'UNKNOWN' && status.reason).toContain('UPDATE_PENDING')
    expect(detailOf(status)).toBeUndefined()
  })

  it('turns a missing state into UNKNOWN with a reason', () => {
    const status = found({ name: 'alpha', state: undefined })
    expect(status.state).toBe('UNKNOWN')
    expect(status.state === 'UNKNOWN' && status.reason).toMatch(/undefined/)
  })
})

describe('absent', () => {
  it('DELETE_IN_PROGRESS then gone is DELETE_COMPLETE and keeps the detail', () => {
    const previous: PackStatus = {
      name: 'alpha',
      state: 'DELETE_IN_PROGRESS',
      detail: detail('DELETE_IN_PROGRESS')
    }
    expect(absent(previous)).toEqual({
      name: 'alpha',
      state: 'DELETE_COMPLETE',
      detail: detail('DELETE_IN_PROGRESS')
    })
  })

  it('DELETE_COMPLETE stays DELETE_COMPLETE', () => {
    const previous: PackStatus = {
      name: 'alpha',
      state: 'DELETE_COMPLETE',
      detail: detail('DELETE_IN_PROGRESS')
    }
    expect(absent(previous).state).toBe('DELETE_COMPLETE')
  })

  it('CREATE_IN_PROGRESS then gone is NOT_FOUND and keeps the detail', () => {
    const previous: PackStatus = {
      name: 'alpha',
      state: 'CREATE_IN_PROGRESS',
      detail: detail('CREATE_IN_PROGRESS')
    }
    expect(absent(previous)).toEqual({
      name: 'alpha',
      state: 'NOT_FOUND',
      detail: detail('CREATE_IN_PROGRESS')
    })
  })

  it('UNKNOWN then absent is NOT_FOUND without detail', () => {
    const status = absent({ name: 'alpha', state: 'UNKNOWN' })
    expect(status).toEqual({ name: 'alpha', state: 'NOT_FOUND' })
    expect(Object.keys(status)).not.toContain('detail')
  })
})

describe('detailOf', () => {
  it('gives the detail of an answered pack and none for UNKNOWN', () => {
    const d = detail('CREATE_COMPLETE')
    expect(detailOf({ name: 'alpha', state: 'CREATE_COMPLETE', detail: d })).toBe(d)
    expect(detailOf({ name: 'alpha', state: 'UNKNOWN', reason: 'x' })).toBeUndefined()
  })
})
