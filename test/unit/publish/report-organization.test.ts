import { describe, expect, it } from 'vitest'
import { packStatus } from '../../support/builders.js'
import type { FailureExplanation } from '../../../src/wait/explain-failures.js'
import { MEMBER_ACCOUNTS_IAM_ACTION } from '../../../src/wait/failed-accounts.js'
import type { MemberAccountStatus } from '../../../src/packs/member-account.js'
import { absent, type PackStatus } from '../../../src/packs/pack-state.js'
import {
  describeAccount,
  packAnnotations,
  statusEntry,
  unexplainedNotice
} from '../../../src/publish/report.js'
import { headline } from '../../../src/report/headline.js'
import type { Verdict, VerdictPolicy } from '../../../src/verdict/verdict.js'

const REGION = 'us-east-1'
const UPDATED = new Date('2024-05-01T10:05:00Z')
const STRICT: VerdictPolicy = { missingPack: 'fail', failOnFailure: true }

const failedOrgPack = packStatus('org-pack', 'CREATE_FAILED', {
  reason: 'Deployment failed in member accounts',
  errorCode: 'OrganizationConformancePackFailure',
  updatedAt: UPDATED
})

const account = (
  id: number,
  status: string,
  errorCode?: string,
  message?: string
): MemberAccountStatus => ({
  accountId: String(id).padStart(12, '0'),
  status,
  errorCode,
  message
})

const accounts = (...list: MemberAccountStatus[]): FailureExplanation => ({
  kind: 'accounts',
  accounts: list
})

describe('statusEntry for an organization pack', () => {
  it('carries the error code, the last update time in ISO 8601 and the region', () => {
    expect(statusEntry(failedOrgPack, REGION)).toEqual({
      name: 'org-pack',
      state: 'CREATE_FAILED',
      reason: 'Deployment failed in member accounts',
      region: REGION,
      errorCode: 'OrganizationConformancePackFailure',
      lastUpdateTime: '2024-05-01T10:05:00.000Z'
    })
  })

  it('has no id, arn, stackArn or account-scope time keys', () => {
    const entry = statusEntry(failedOrgPack, REGION, accounts(account(1, 'CREATE_FAILED')))
    for (const key of [
      'id',
      'arn',
      'stackArn',
      'lastUpdateRequestedTime',
      'lastUpdateCompletedTime',
      'failedResources'
    ]) {
      expect(Object.keys(entry), key).not.toContain(key)
    }
  })

  it('lists the failed member accounts only, every one of them (never capped)', () => {
    const failed = Array.from({ length: 150 }, (_, i) =>
      account(100 + i, i % 2 ? 'UPDATE_FAILED' : 'CREATE_FAILED', 'E')
    )
    const others = [
      account(1, 'CREATE_SUCCESSFUL'),
      account(2, 'UPDATE_IN_PROGRESS'),
      account(3, 'DELETE_SUCCESSFUL')
    ]
    const entry = statusEntry(
      failedOrgPack,
      REGION,
      accounts(others[0], ...failed, ...others.slice(1))
    )
    expect(entry.failedAccounts).toHaveLength(150)
    expect(entry.failedAccounts).toEqual(failed.map((a) => a.accountId))
  })

  it('has an empty failedAccounts list when no member account failed', () => {
    const entry = statusEntry(failedOrgPack, REGION, accounts(account(1, 'CREATE_SUCCESSFUL')))
    expect(entry.failedAccounts).toEqual([])
  })

  it('has no failedAccounts key when the accounts could not be read', () => {
    const entry = statusEntry(failedOrgPack, REGION, { kind: 'unavailable', why: 'denied' })
    expect(Object.keys(entry)).not.toContain('failedAccounts')
  })

  // An organization pack seen deleting and then gone is DELETE_SUCCESSFUL through absent();
  // the reason of its last DELETE_IN_PROGRESS record no longer applies.
  it('does not carry the stale reason of an organization pack that was deleted', () => {
    const deleting = packStatus('org-pack', 'DELETE_IN_PROGRESS', {
      reason: 'old',
      updatedAt: UPDATED
    })
    const entry = statusEntry(absent(deleting, 'DELETE_SUCCESSFUL'), REGION)
    expect(entry.state).toBe('DELETE_SUCCESSFUL')
    expect(Object.keys(entry)).not.toContain('reason')
  })
})

describe('describeAccount', () => {
  it('gives the account, its status, error code and message', () => {
    expect(
      describeAccount(account(111111111111, 'CREATE_FAILED', 'AccessDenied', 'no permission'))
    ).toBe('111111111111 CREATE_FAILED (AccessDenied): no permission')
  })

  it('leaves out a missing error code or message', () => {
    expect(describeAccount(account(111111111111, 'UPDATE_FAILED'))).toBe(
      '111111111111 UPDATE_FAILED'
    )
    expect(describeAccount(account(111111111111, 'UPDATE_FAILED', 'E1'))).toBe(
      '111111111111 UPDATE_FAILED (E1)'
    )
    expect(describeAccount(account(111111111111, 'UPDATE_FAILED', undefined, 'why'))).toBe(
      '111111111111 UPDATE_FAILED: why'
    )
  })
})

describe('packAnnotations for a failed organization pack', () => {
  const annotate = (explanation: FailureExplanation, policy = STRICT) =>
    packAnnotations([failedOrgPack], policy, REGION, new Map([['org-pack', explanation]]))

  it('names at most 3 failed member accounts, then counts the rest', () => {
    const [note] = annotate(
      accounts(
        account(1, 'CREATE_FAILED', 'E1', 'm1'),
        account(2, 'CREATE_FAILED', 'E2'),
        account(3, 'CREATE_FAILED'),
        account(4, 'CREATE_FAILED'),
        account(5, 'CREATE_FAILED'),
        account(6, 'CREATE_SUCCESSFUL')
      )
    )
    expect(note).toEqual({
      level: 'error',
      title: 'Conformance pack org-pack: CREATE_FAILED',
      message:
        'org-pack is CREATE_FAILED in us-east-1: Deployment failed in member accounts. ' +
        'Failed in 5 member account(s): 000000000001 CREATE_FAILED (E1): m1; ' +
        '000000000002 CREATE_FAILED (E2); 000000000003 CREATE_FAILED; and 2 more'
    })
  })

  it('names every failed account, with no count, when there are 3 or fewer', () => {
    const [note] = annotate(
      accounts(
        account(7, 'CREATE_SUCCESSFUL'),
        account(1, 'CREATE_FAILED'),
        account(2, 'UPDATE_FAILED')
      )
    )
    expect(note.message).toBe(
      'org-pack is CREATE_FAILED in us-east-1: Deployment failed in member accounts. ' +
        'Failed in 2 member account(s): 000000000001 CREATE_FAILED; 000000000002 UPDATE_FAILED'
    )
    expect(note.message).not.toContain('more')
    expect(note.message).not.toContain('000000000007')
  })

  it('keeps the plain message when no member account failed', () => {
    const [note] = annotate(accounts(account(1, 'CREATE_SUCCESSFUL')))
    expect(note.message).toBe(
      'org-pack is CREATE_FAILED in us-east-1: Deployment failed in member accounts'
    )
  })

  it('is a warning under fail-on-failure false', () => {
    const [note] = annotate(accounts(account(1, 'CREATE_FAILED')), {
      missingPack: 'fail',
      failOnFailure: false
    })
    expect(note.level).toBe('warning')
  })

  it.each(['UPDATE_FAILED', 'DELETE_FAILED'] as const)(
    'annotates an organization %s pack',
    (state) => {
      const pack = packStatus('org-pack', state)
      const notes = packAnnotations([pack], STRICT, REGION)
      expect(notes).toEqual([
        {
          level: 'error',
          title: `Conformance pack org-pack: ${state}`,
          message: `org-pack is ${state} in us-east-1: AWS Config gave no reason`
        }
      ])
    }
  )

  it('leaves successful and in-progress organization packs alone', () => {
    const packs: PackStatus[] = (
      ['CREATE_SUCCESSFUL', 'UPDATE_SUCCESSFUL', 'DELETE_SUCCESSFUL', 'UPDATE_IN_PROGRESS'] as const
    ).map((state) => packStatus(state, state))
    expect(packAnnotations(packs, STRICT, REGION)).toEqual([])
  })
})

describe('unexplainedNotice', () => {
  const source = { what: 'member account statuses', iamAction: MEMBER_ACCOUNTS_IAM_ACTION }

  it('is undefined when every explanation was read', () => {
    const explanations = new Map<string, FailureExplanation>([
      ['a', accounts(account(1, 'CREATE_FAILED'))],
      ['b', { kind: 'explained', resources: [] }]
    ])
    expect(unexplainedNotice(explanations, source)).toBeUndefined()
    expect(unexplainedNotice(new Map(), source)).toBeUndefined()
  })

  it("names the source's what and IAM action, and every unavailable pack with why", () => {
    const explanations = new Map<string, FailureExplanation>([
      ['a', { kind: 'unavailable', why: 'Access denied (AccessDeniedException)' }],
      ['b', accounts(account(1, 'CREATE_FAILED'))],
      ['c', { kind: 'unavailable', why: 'the deadline passed' }]
    ])
    const notice = unexplainedNotice(explanations, source)
    expect(notice).toBe(
      'Could not read the member account statuses that explain 2 failed pack(s) (the result is ' +
        'unchanged; the role needs config:GetOrganizationConformancePackDetailedStatus to read ' +
        'them): a: Access denied (AccessDeniedException); c: the deadline passed'
    )
    expect(notice).not.toContain('b:')
  })
})

describe('headline for noncompliant', () => {
  it('counts and names the NON_COMPLIANT packs', () => {
    const verdict: Verdict = {
      result: 'noncompliant',
      failStep: true,
      completed: ['us-east-1/a', 'eu-west-1/b'],
      failed: [],
      pending: [],
      missing: [],
      noncompliant: ['us-east-1/a', 'eu-west-1/b']
    }
    expect(headline(verdict, { kind: 'settled' }, 60_000)).toBe(
      '2 conformance pack(s) deployed but NON_COMPLIANT: us-east-1/a, eu-west-1/b'
    )
  })
})
