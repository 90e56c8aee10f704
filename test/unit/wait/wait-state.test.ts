import { describe, expect, it } from 'vitest'
import { found, type PackStatus } from '../../../src/packs/pack-state.js'
import {
  SETTLE_AFTER_ROUNDS,
  beginRound,
  endRound,
  initialState,
  nextStep,
  seeBatch,
  seeListing,
  seePack,
  settleCandidates,
  type PollTiming,
  type WaitState
} from '../../../src/wait/wait-state.js'

const NOW = Date.parse('2026-12-01T08:00:00Z')
const status = (name: string, state: string, requestedAt?: number): PackStatus =>
  found({ name, state, ...(requestedAt !== undefined && { requestedAt: new Date(requestedAt) }) })
const stateOf = (s: WaitState, name: string): string | undefined => s.packs.get(name)?.state

describe('the wait state: answers', () => {
  it('starts with the named packs unknown, or with nothing to list', () => {
    const named = initialState(['alpha', 'beta'])
    expect(named.listed).toBe(true)
    expect([...named.packs.values()]).toEqual([
      { name: 'alpha', state: 'UNKNOWN' },
      { name: 'beta', state: 'UNKNOWN' }
    ])
    expect(initialState(undefined)).toMatchObject({ listed: false, answered: false, rounds: 0 })
    expect(initialState(undefined).packs.size).toBe(0)
  })

  it('a first answer is a change but not a move; a later change is both, and is told', () => {
    const first = seePack(
      beginRound(initialState(['alpha'])),
      status('alpha', 'CREATE_IN_PROGRESS'),
      NOW
    )
    expect(first.state).toMatchObject({ changed: true, moved: false })
    expect(first.lines).toHaveLength(1)
    const second = seePack(beginRound(first.state), status('alpha', 'CREATE_COMPLETE'), NOW)
    expect(second.state).toMatchObject({ changed: true, moved: true })
    expect(second.lines[0]).toContain('CREATE_COMPLETE')
    const same = seePack(beginRound(second.state), status('alpha', 'CREATE_COMPLETE'), NOW)
    expect(same.state).toMatchObject({ changed: false, moved: false })
    expect(same.lines).toEqual([])
  })

  it('leaves the state it was given as it was', () => {
    const before = initialState(['alpha'])
    seePack(before, status('alpha', 'CREATE_COMPLETE'), NOW)
    expect(stateOf(before, 'alpha')).toBe('UNKNOWN')
  })

  it('a batch takes the first answer for each awaited name, ignores others, and marks the left-out ones gone', () => {
    let s = initialState(['alpha', 'beta'])
    s = seeBatch(
      s,
      ['alpha', 'beta'],
      [status('alpha', 'DELETE_IN_PROGRESS'), status('beta', 'CREATE_IN_PROGRESS')],
      'DELETE_COMPLETE',
      NOW
    ).state
    const told = seeBatch(
      s,
      ['alpha', 'beta'],
      [
        status('beta', 'CREATE_COMPLETE'),
        status('beta', 'CREATE_FAILED'),
        status('stranger', 'CREATE_COMPLETE')
      ],
      'DELETE_COMPLETE',
      NOW
    )
    expect(stateOf(told.state, 'beta')).toBe('CREATE_COMPLETE')
    expect(stateOf(told.state, 'alpha')).toBe('DELETE_COMPLETE')
    expect(told.state.packs.has('stranger')).toBe(false)
    expect(told.state.answered).toBe(true)
  })

  it('a listing makes the packs it finds the ones awaited', () => {
    const told = seeListing(initialState(undefined), [status('x', 'CREATE_IN_PROGRESS')], NOW)
    expect(told.state).toMatchObject({ listed: true, answered: true })
    expect([...told.state.packs.keys()]).toEqual(['x'])
  })

  it('asks about settling a pack in the same in-progress state for SETTLE_AFTER_ROUNDS answers', () => {
    let s = initialState(['org'])
    for (let i = 1; i <= SETTLE_AFTER_ROUNDS; i++) {
      expect(settleCandidates(s)).toEqual([])
      s = seePack(s, status('org', 'CREATE_IN_PROGRESS'), NOW).state
    }
    expect(settleCandidates(s).map((p) => p.name)).toEqual(['org'])
  })
})

describe('the wait state: the end of a round', () => {
  const pending = seeListing(
    initialState(undefined),
    [status('x', 'CREATE_IN_PROGRESS')],
    NOW
  ).state
  const throttled = { kind: 'transient', message: 'throttled' } as const

  it('counts failed rounds in every mode, warning once per streak, and an answer resets them', () => {
    for (const start of [initialState(undefined), initialState(['alpha']), pending]) {
      const once = endRound(start, throttled, 'fail')
      expect(once.state.failedRounds).toBe(1)
      expect(once.line).toEqual({
        level: 'warning',
        message: 'AWS Config call failed, retrying at the next poll: throttled'
      })
      const twice = endRound(once.state, throttled, 'fail')
      expect(twice.state.failedRounds).toBe(2)
      expect(twice.line).toEqual({
        level: 'info',
        message: 'Still failing (2 polls in a row): throttled'
      })
      const answered = endRound(twice.state, { kind: 'ok' }, 'fail')
      expect(answered.state).toMatchObject({ failedRounds: 0, errorStreak: undefined })
      expect(answered.line).toEqual({
        level: 'info',
        message: 'AWS Config answered again after 2 failed poll(s).'
      })
    }
  })

  it('ends settled when an answer leaves nothing pending; a permanent error or a cancellation ends it too', () => {
    const done = seeListing(initialState(undefined), [status('x', 'CREATE_COMPLETE')], NOW).state
    expect(endRound(done, { kind: 'ok' }, 'fail').end).toEqual({ kind: 'settled' })
    expect(endRound(pending, { kind: 'ok' }, 'fail').end).toBeUndefined()
    expect(endRound(pending, { kind: 'permanent', message: 'denied' }, 'fail').end).toEqual({
      kind: 'error',
      message: 'denied'
    })
    expect(endRound(pending, { kind: 'cancelled' }, 'fail').end).toEqual({ kind: 'cancelled' })
  })
})

describe('the wait state: the next poll', () => {
  const timing: PollTiming = {
    now: NOW,
    deadline: NOW + 600_000,
    lastPollReserve: 1_000,
    minDelayMs: 5_000,
    maxDelayMs: 30_000,
    missingPack: 'fail',
    random: () => 1
  }

  it('backs off from failed rounds before any pack is known', () => {
    let s = initialState(undefined)
    const sleeps: number[] = []
    for (let i = 0; i < 4; i++) {
      s = endRound(s, { kind: 'transient', message: 'throttled' }, 'fail').state
      const next = nextStep(s, timing)
      if (next.kind === 'sleep') sleeps.push(next.ms)
    }
    expect(sleeps).toEqual([10_000, 20_000, 30_000, 30_000])
  })

  it('ends at the deadline, naming the last error, when another poll would come too close to it', () => {
    const s = endRound(
      initialState(['alpha']),
      { kind: 'transient', message: 'throttled' },
      'fail'
    ).state
    expect(nextStep(s, { ...timing, deadline: NOW + 5_500 })).toEqual({
      kind: 'end',
      end: { kind: 'deadline', lastError: 'throttled' }
    })
  })
})
