import { describe, expect, it } from 'vitest'
import {
  absent,
  found,
  isPending,
  isReportedState,
  isServiceState,
  ORGANIZATION_STATES,
  outcomeOf,
  type Outcome,
  type OrganizationState,
  type PackDetail,
  type PackStatus
} from '../../../src/packs/pack-state.js'
import { packStatus } from '../../support/builders.js'

const updatedAt = new Date('2024-05-01T10:00:00Z')

function orgPack(state: OrganizationState, extra: Partial<PackDetail> = {}): PackStatus {
  return packStatus('org-pack', state, { updatedAt, ...extra })
}

describe('organization states', () => {
  it('are the nine CREATE_/UPDATE_/DELETE_ × IN_PROGRESS/SUCCESSFUL/FAILED states', () => {
    expect([...ORGANIZATION_STATES].sort()).toEqual(
      [
        'CREATE_IN_PROGRESS',
        'CREATE_SUCCESSFUL',
        'CREATE_FAILED',
        'UPDATE_IN_PROGRESS',
        'UPDATE_SUCCESSFUL',
        'UPDATE_FAILED',
        'DELETE_IN_PROGRESS',
        'DELETE_SUCCESSFUL',
        'DELETE_FAILED'
      ].sort()
    )
  })

  it.each<[OrganizationState, Outcome]>([
    ['CREATE_IN_PROGRESS', 'in-progress'],
    ['UPDATE_IN_PROGRESS', 'in-progress'],
    ['DELETE_IN_PROGRESS', 'in-progress'],
    ['CREATE_SUCCESSFUL', 'completed'],
    ['UPDATE_SUCCESSFUL', 'completed'],
    ['DELETE_SUCCESSFUL', 'completed'],
    ['CREATE_FAILED', 'failed'],
    ['UPDATE_FAILED', 'failed'],
    ['DELETE_FAILED', 'failed']
  ])('outcomeOf(%s) is %s', (state, outcome) => {
    expect(outcomeOf(state)).toBe(outcome)
  })

  it('only the in-progress organization states are pending', () => {
    const pending = ORGANIZATION_STATES.filter((s) => isPending(s, 'fail'))
    expect(pending.sort()).toEqual([
      'CREATE_IN_PROGRESS',
      'DELETE_IN_PROGRESS',
      'UPDATE_IN_PROGRESS'
    ])
  })

  it('are reported states, but the ones of their own scope are not account (service) states', () => {
    for (const state of ORGANIZATION_STATES) expect(isReportedState(state), state).toBe(true)
    expect(isServiceState('CREATE_SUCCESSFUL')).toBe(false)
    expect(isServiceState('UPDATE_IN_PROGRESS')).toBe(false)
    expect(isServiceState('DELETE_SUCCESSFUL')).toBe(false)
  })
})

describe('found with organization states', () => {
  it.each(ORGANIZATION_STATES)('accepts %s and keeps the whole report as the detail', (state) => {
    const report = {
      name: 'org-pack',
      state,
      reason: 'member account failed',
      errorCode: 'OrganizationAccessDeniedException',
      updatedAt
    }
    expect(found(report)).toEqual({ name: 'org-pack', state, detail: report })
  })

  it('keeps a state of neither scope as UNKNOWN, saying which', () => {
    expect(found({ name: 'org-pack', state: 'UPDATE_COMPLETE' })).toEqual({
      name: 'org-pack',
      state: 'UNKNOWN',
      reason: 'unrecognised state UPDATE_COMPLETE'
    })
  })
})

describe('absent in the organization scope', () => {
  it('turns DELETE_IN_PROGRESS into DELETE_SUCCESSFUL and keeps the last detail', () => {
    const previous = orgPack('DELETE_IN_PROGRESS', { errorCode: 'E1', reason: 'deleting' })
    const next = absent(previous, 'DELETE_SUCCESSFUL')
    expect(next.state).toBe('DELETE_SUCCESSFUL')
    expect(next.name).toBe('org-pack')
    expect(next.state !== 'UNKNOWN' && next.detail).toEqual({
      name: 'org-pack',
      state: 'DELETE_IN_PROGRESS',
      updatedAt,
      errorCode: 'E1',
      reason: 'deleting'
    })
  })

  it('keeps a DELETE_SUCCESSFUL pack that then vanishes DELETE_SUCCESSFUL', () => {
    const previous = orgPack('DELETE_SUCCESSFUL')
    expect(absent(previous, 'DELETE_SUCCESSFUL')).toEqual({
      name: 'org-pack',
      state: 'DELETE_SUCCESSFUL',
      detail: { name: 'org-pack', state: 'DELETE_SUCCESSFUL', updatedAt }
    })
  })

  it('still makes a deleting pack DELETE_COMPLETE by default (the account scope)', () => {
    const previous = orgPack('DELETE_IN_PROGRESS')
    const next = absent(previous)
    expect(next.state).toBe('DELETE_COMPLETE')
    expect(next.state !== 'UNKNOWN' && next.detail?.state).toBe('DELETE_IN_PROGRESS')
  })

  it.each<OrganizationState>(['CREATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'UPDATE_SUCCESSFUL'])(
    'makes a %s pack that vanished NOT_FOUND with its last detail, not deleted',
    (state) => {
      const previous = orgPack(state)
      expect(absent(previous, 'DELETE_SUCCESSFUL')).toEqual({
        name: 'org-pack',
        state: 'NOT_FOUND',
        detail: { name: 'org-pack', state, updatedAt }
      })
    }
  )
})
