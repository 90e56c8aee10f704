import { describe, expect, it } from 'vitest'
import type { RequestBound } from '../../../src/wait/status-source.js'
import type { FailureExplanation } from '../../../src/wait/explain-failures.js'
import {
  failedAccountIds,
  MEMBER_ACCOUNTS_IAM_ACTION,
  readFailedAccounts,
  type MemberAccountSource
} from '../../../src/wait/failed-accounts.js'
import type { MemberAccountStatus } from '../../../src/packs/member-account.js'
import type { PackStatus } from '../../../src/packs/pack-state.js'
import { silentLog } from '../../../src/shared/log.js'
import { packStatus } from '../../support/builders.js'
import { awsErrors, sdkError, virtualClock } from '../../support/doubles.js'

const T0 = Date.parse('2024-05-01T10:00:00Z')

const account = (id: string, status: string, errorCode?: string): MemberAccountStatus => ({
  accountId: id,
  status,
  errorCode
})

type Answer = MemberAccountStatus[] | Error

/**
 * Only what readFailedAccounts calls: memberAccounts. Each pack's answers are used in turn
 * (the last one repeats).
 */
function fakeSource(answers: Record<string, Answer[]>, onCall?: (name: string) => void) {
  const calls: { name: string; status?: string; signal: AbortSignal }[] = []
  const source: MemberAccountSource = {
    classify: awsErrors.classify,
    memberAccounts(name: string, bound: RequestBound, status?: string) {
      calls.push({ name, status, signal: bound() })
      onCall?.(name)
      const queue = answers[name] ?? [[]]
      const answer = queue.length > 1 ? queue.shift() : queue[0]
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer ?? [])
    }
  }
  return { source, calls }
}

function deps(source: MemberAccountSource, signal = new AbortController().signal) {
  const clock = virtualClock(T0)
  return { clock, deadline: T0 + 60_000, signal, log: silentLog, source }
}

describe('readFailedAccounts', () => {
  it('reads only the *_FAILED packs, once each', async () => {
    const { source, calls } = fakeSource({})
    const packs: PackStatus[] = [
      packStatus('c-ok', 'CREATE_SUCCESSFUL'),
      packStatus('c-bad', 'CREATE_FAILED'),
      packStatus('u-run', 'UPDATE_IN_PROGRESS'),
      packStatus('u-bad', 'UPDATE_FAILED'),
      packStatus('d-ok', 'DELETE_SUCCESSFUL'),
      packStatus('d-bad', 'DELETE_FAILED'),
      { name: 'gone', state: 'NOT_FOUND' },
      { name: 'unknown', state: 'UNKNOWN', reason: 'no answer' }
    ]
    const explanations = await readFailedAccounts(packs, deps(source))
    expect(calls.map((c) => c.name)).toEqual(['c-bad', 'u-bad', 'd-bad'])
    expect([...explanations.keys()]).toEqual(['c-bad', 'u-bad', 'd-bad'])
    // Every status, not a filtered list.
    expect(calls.every((c) => c.status === undefined)).toBe(true)
  })

  it('puts the failed accounts first and keeps the order of the rest', async () => {
    const answer = [
      account('1', 'CREATE_SUCCESSFUL'),
      account('2', 'CREATE_FAILED', 'E2'),
      account('3', 'UPDATE_IN_PROGRESS'),
      account('4', 'UPDATE_FAILED', 'E4'),
      account('5', 'CREATE_SUCCESSFUL'),
      account('6', 'DELETE_FAILED')
    ]
    const { source } = fakeSource({ bad: [answer] })
    const explanations = await readFailedAccounts(
      [packStatus('bad', 'CREATE_FAILED')],
      deps(source)
    )
    const read = explanations.get('bad')
    expect(read?.kind).toBe('accounts')
    expect(read?.kind === 'accounts' && read.accounts.map((a) => a.accountId)).toEqual([
      '2',
      '4',
      '6',
      '1',
      '3',
      '5'
    ])
    // The accounts keep every field.
    expect(read?.kind === 'accounts' && read.accounts[0]).toEqual(
      account('2', 'CREATE_FAILED', 'E2')
    )
    // The source's own list is left as it was.
    expect(answer.map((a) => a.accountId)).toEqual(['1', '2', '3', '4', '5', '6'])
  })

  it('keeps an empty account list as an explanation with no account', async () => {
    const { source } = fakeSource({ bad: [[]] })
    const explanations = await readFailedAccounts(
      [packStatus('bad', 'CREATE_FAILED')],
      deps(source)
    )
    expect(explanations.get('bad')).toEqual({ kind: 'accounts', accounts: [] })
  })

  it('makes a pack AWS refused unavailable, naming the IAM action, and reads the next one', async () => {
    const { source, calls } = fakeSource({
      first: [sdkError('AccessDeniedException', 'not authorized', 400)],
      second: [[account('9', 'CREATE_FAILED')]]
    })
    const explanations = await readFailedAccounts(
      [packStatus('first', 'CREATE_FAILED'), packStatus('second', 'UPDATE_FAILED')],
      deps(source)
    )
    const first = explanations.get('first')
    expect(first?.kind).toBe('unavailable')
    expect(first?.kind === 'unavailable' && first.why).toContain(
      'config:GetOrganizationConformancePackDetailedStatus'
    )
    expect(MEMBER_ACCOUNTS_IAM_ACTION).toBe('config:GetOrganizationConformancePackDetailedStatus')
    expect(explanations.get('second')).toEqual({
      kind: 'accounts',
      accounts: [account('9', 'CREATE_FAILED')]
    })
    // A permanent error is not retried.
    expect(calls.map((c) => c.name)).toEqual(['first', 'second'])
  })

  it('retries a throttled read on the virtual clock', async () => {
    const { source, calls } = fakeSource({
      bad: [sdkError('ThrottlingException', 'Rate exceeded', 400), [account('1', 'CREATE_FAILED')]]
    })
    const d = deps(source)
    const explanations = await readFailedAccounts([packStatus('bad', 'CREATE_FAILED')], d)
    expect(calls).toHaveLength(2)
    expect(d.clock.sleeps).toEqual([1000])
    expect(explanations.get('bad')).toEqual({
      kind: 'accounts',
      accounts: [account('1', 'CREATE_FAILED')]
    })
  })

  it('makes a pack that kept failing unavailable with the last error', async () => {
    const { source, calls } = fakeSource({
      bad: [sdkError('ThrottlingException', 'Rate exceeded', 400)]
    })
    const explanations = await readFailedAccounts(
      [packStatus('bad', 'CREATE_FAILED')],
      deps(source)
    )
    expect(calls).toHaveLength(3)
    expect(explanations.get('bad')).toEqual({
      kind: 'unavailable',
      why: 'it kept failing: throttled (ThrottlingException): Rate exceeded'
    })
  })

  it('hands the source a live request signal', async () => {
    const { source, calls } = fakeSource({})
    await readFailedAccounts([packStatus('bad', 'CREATE_FAILED')], deps(source))
    expect(calls[0].signal).toBeInstanceOf(AbortSignal)
    expect(calls[0].signal.aborted).toBe(false)
  })

  it('reads nothing when the run is already cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const { source, calls } = fakeSource({})
    const explanations = await readFailedAccounts(
      [packStatus('a', 'CREATE_FAILED'), packStatus('b', 'CREATE_FAILED')],
      deps(source, controller.signal)
    )
    expect(calls).toEqual([])
    expect(explanations.size).toBe(0)
  })

  it('stops reading once the run is cancelled', async () => {
    const controller = new AbortController()
    const { source, calls } = fakeSource({ a: [[account('1', 'CREATE_FAILED')]] }, () =>
      controller.abort()
    )
    const explanations = await readFailedAccounts(
      [
        packStatus('a', 'CREATE_FAILED'),
        packStatus('b', 'CREATE_FAILED'),
        packStatus('c', 'DELETE_FAILED')
      ],
      deps(source, controller.signal)
    )
    expect(calls.map((c) => c.name)).toEqual(['a'])
    expect([...explanations.keys()]).not.toContain('b')
    expect([...explanations.keys()]).not.toContain('c')
  })
})

describe('failedAccountIds', () => {
  it('is undefined without a member-account explanation', () => {
    expect(failedAccountIds(undefined)).toBeUndefined()
    expect(failedAccountIds({ kind: 'unavailable', why: 'denied' })).toBeUndefined()
    expect(failedAccountIds({ kind: 'explained', resources: [] })).toBeUndefined()
  })

  it('lists the ids of the *_FAILED accounts only, in order', () => {
    const explanation: FailureExplanation = {
      kind: 'accounts',
      accounts: [
        account('1', 'CREATE_FAILED'),
        account('2', 'CREATE_SUCCESSFUL'),
        account('3', 'UPDATE_FAILED'),
        account('4', 'DELETE_IN_PROGRESS'),
        account('5', 'DELETE_FAILED')
      ]
    }
    expect(failedAccountIds(explanation)).toEqual(['1', '3', '5'])
  })

  it('is empty when no account failed', () => {
    expect(
      failedAccountIds({ kind: 'accounts', accounts: [account('1', 'CREATE_SUCCESSFUL')] })
    ).toEqual([])
  })
})
